"""One quote, many outlets: group the passages that carry the same words of the same speaker.

TASS, BelTA and kremlin.ru report one remark each in their own article, around it their own
narration ("Putin said: «…»", "“…,” Putin told reporters", a transcript line "Vladimir Putin:
…"). At index time every passage with a speaker gets LSH band tokens from a MinHash of its
word shingles; passages sharing a token (for the same speaker) share one quote id, and
results show one card per quote (search/duplicates.py).

What is shingled: the words inside quotation marks when the passage holds a quotation of at
least `QUOTE_MIN_WORDS` words (the outlet's own wording around it is left out), else the
whole passage less a leading transcript label ("President of Russia Vladimir Putin:"). Quote
marks are found as the tagger finds them (attribution/quoting.py: “…”, "…", «…», „…“ and
British ‘…’), so what counts as quoted is the same everywhere. Words are lower-cased Unicode
letter/digit runs: punctuation, curly or straight apostrophes and quote styles vanish. A
translation shares no words and never groups. Fewer than `MIN_WORDS` words get no tokens:
"Thank you, colleagues." recurs at every summit without being one remark.

Shingles of `SHINGLE_WORDS` = 3 words: copies of one quote are verbatim or nearly (Jaccard
0.7-1.0 on the test articles either way), while two different remarks of one speaker share
function-word pairs ("we will", "of the") that 2-shingles count and 3-shingles mostly do not
(the measured figures are in the module's tests and the helper's report).

LSH: `NUM_PERM` = 32 permutations in `BANDS` = 8 bands of `ROWS` = 4. Two passages share a
band with probability 1 - (1 - J^4)^8 for shingle-set Jaccard J: 0.9996 at J = 0.9, 0.985 at
0.8, 0.86 at 0.7, 0.65 at 0.6, 0.40 at 0.5, 0.06 at 0.3, 0.013 at 0.2, 0.0003 at 0.1.
Copies of one quote are verbatim or nearly (0.7-1.0); the strict end matters at scale: a
speaker's stock phrases give many pairs of different remarks a Jaccard of 0.1-0.3, and rows
of 3 grouped six times as many of them on the generated benchmark corpus. Eight bands keep
the tokens few: each is a term in the index and nine bytes in `QuoteGrouper`.

Deterministic across processes and runs: shingles hashed with CRC-32 (never Python's salted
`hash()`), MinHash permutations from a fixed seed (datasketch's "affine32" scheme, which
pre-mixes each input hash with the MurmurHash3 finalizer), bands hashed with BLAKE2b.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections.abc import Callable, Sequence
from hashlib import blake2b

from datasketch import MinHash

from .attribution.quoting import CLOSING_MARKS, OPENING_MARKS, SINGLE_OPEN, STRAIGHT_MARK, scan

SHINGLE_WORDS = 3
BANDS, ROWS = 8, 4
NUM_PERM = BANDS * ROWS
SEED = 20_231_013  # fixed: tokens written by one run must match tokens computed by the next
QUOTE_MIN_WORDS = 5  # a quotation this long is the speaker's words; shorter ones are scare quotes
MIN_WORDS = 8  # fewer words are a commonplace ("Thank you very much"), not one remark
BAND_HEX = 12  # 48 bits of each band's hash in its token
SEPARATOR = "~"

_WORD = re.compile(r"[^\W_]+")
_ANY_MARK = re.compile(f"[{re.escape(OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARK + SINGLE_OPEN)}]")
# "Vladimir Putin:", "President of Russia Vladimir Putin (via video link):" at a paragraph's start
_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][\w.’'-]*(?:\s+[\w.’'-]+){0,6})\s*(?:\([^)]{0,40}\))?\s*:\s+")
_LABEL_LINKS = {"of", "the", "and", "de", "al", "van", "von"}
# one template: per-passage MinHash objects copy its permutations instead of drawing them
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme="affine32")


def quote_tokens(text: str, speakers: Sequence[str]) -> list[str]:
    """The passage's LSH band tokens, f"{speaker}~{band}~{hash}" for each speaker and band
    (only the same speaker's passages can match); [] without a speaker or enough words."""
    if not speakers:
        return []
    words = spoken_words(text)
    if sum(len(part) for part in words) < MIN_WORDS:
        return []
    bands = _bands(_signature(words))
    return [f"{speaker}{SEPARATOR}{i}{SEPARATOR}{band}" for speaker in speakers for i, band in enumerate(bands)]


def spoken_words(text: str) -> list[list[str]]:
    """The runs of normalised words to shingle: each substantive quotation on its own (a
    shingle never spans two quotations, whose joins differ between outlets), else the text."""
    if _ANY_MARK.search(text):  # scan() walks every character looking for ‘…’: skip it when it cannot find any
        quoted = [_words(text[start:end]) for start, end in scan(text, False).inside]
        quoted = [words for words in quoted if len(words) >= QUOTE_MIN_WORDS]
        if quoted:
            return quoted
    return [_words(_without_label(text))]


def spoken_text(text: str) -> str:
    """The speaker's own words as printed, for a citation: the substantive quotations, joined
    by an ellipsis, else the text less a transcript label ("Vladimir Putin: ...")."""
    if _ANY_MARK.search(text):
        quoted = [text[start:end].strip() for start, end in scan(text, False).inside]
        quoted = [q for q in quoted if len(_words(q)) >= QUOTE_MIN_WORDS]
        if quoted:
            return " … ".join(quoted)
    return _without_label(text).strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _without_label(text: str) -> str:
    match = _LABEL.match(text)
    if match:
        words = match.group("label").split()
        if all(w[0].isupper() or w in _LABEL_LINKS for w in words):
            return text[match.end():]
    return text


def _shingles(runs: list[list[str]]) -> list[int]:
    hashes = []
    for words in runs:
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1)):
            hashes.append(zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode()))
    return hashes


def _signature(runs: list[list[str]]):
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=_TEMPLATE.permutations,
                      scheme="affine32")
    minhash.update_batch(_shingles(runs))
    return minhash.hashvalues


def _bands(signature) -> list[str]:
    return [blake2b(signature[i:i + ROWS].tobytes(), digest_size=BAND_HEX // 2, person=b"quote-band").hexdigest()
            for i in range(0, NUM_PERM, ROWS)]


Lookup = Callable[[list[str]], "str | None"]
_BUCKET_BITS = 16
_KEY = slice(2, 7)  # 5 bytes of a token's hash are kept: with the 2 that choose its bucket, 56 bits
_RECORD = 9  # per token: those 5 bytes, then its group number in 4


class QuoteGrouper:
    """Quote ids for the passages of one write run, in the order they are written.

    A passage joins the group of the first passage of this run that shares one of its tokens,
    else the quote of an indexed passage that does (`lookup`, which the writer answers from
    the index; `lambda tokens: None` for a fresh build), else starts a group under its own id.
    Only a group's first passage leaves its tokens: a copy is matched against the original,
    never against another copy, so a chain of near matches cannot drift into unrelated text.

    Memory: a 1M-passage rebuild remembers up to 8 million tokens. A dict of ints costs about
    80 bytes a token (600+ MB); here each token is 9 bytes in one of 65,536 bytearrays chosen
    by its hash (found with `bytearray.find`, a C scan of about a hundred records), and each
    group's quote id is a slice of one bytearray: about 120 bytes a group, so 120 MB if each
    of a million passages had a speaker and no copy (the benchmark corpus: 54 %, 65 MB).
    """

    def __init__(self, lookup: Lookup):
        self.lookup = lookup
        self._buckets: list[bytearray | None] = [None] * (1 << _BUCKET_BITS)
        self._ids = bytearray()
        self._id_ends = array("Q")

    def assign(self, passage_id: str, tokens: list[str]) -> str:
        if not tokens:
            return passage_id
        keys = [blake2b(token.encode(), digest_size=7).digest() for token in tokens]
        groups = list(map(self._find, keys))
        found = [g for g in groups if g is not None]
        if found:
            group = min(found)  # the oldest group: the same answer whatever the tokens' order
            quote_id = self._quote_id(group)
        else:
            quote_id = self.lookup(tokens) or passage_id
            group = self._new_group(quote_id)
        if found:
            return quote_id  # a copy adds no tokens: a group never drifts from its first passage
        record_tail = group.to_bytes(4, "little")
        for key in keys:
            bucket = self._bucket(key, create=True)
            bucket += key[_KEY]
            bucket += record_tail
        return quote_id

    def __len__(self) -> int:
        """Groups started in this run."""
        return len(self._id_ends)

    def _bucket(self, key: bytes, create: bool = False) -> bytearray | None:
        index = (key[0] << 8) | key[1]
        bucket = self._buckets[index]
        if bucket is None and create:
            bucket = self._buckets[index] = bytearray()
        return bucket

    def _find(self, key: bytes) -> int | None:
        bucket = self._bucket(key)
        if bucket is None:
            return None
        needle = key[_KEY]
        at = bucket.find(needle)
        while at != -1 and at % _RECORD:  # a match straddling two records is no match
            at = bucket.find(needle, at + 1)
        if at == -1:
            return None
        return int.from_bytes(bucket[at + 5:at + _RECORD], "little")

    def _new_group(self, quote_id: str) -> int:
        self._ids += quote_id.encode()
        self._id_ends.append(len(self._ids))
        return len(self._id_ends) - 1

    def _quote_id(self, group: int) -> str:
        start = self._id_ends[group - 1] if group else 0
        return self._ids[start:self._id_ends[group]].decode()
