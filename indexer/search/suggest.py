"""Did-you-mean: a typed word the index does not hold, replaced by the closest word it does.

Whoosh's own corrector compares the word with every term in pure Python on a multi-segment
index (a quarter of a second at 100k passages), and was asked on every query. Here the
vocabulary (the unstemmed words of the text, with how many passages hold each) is read once
per index generation, matched with rapidfuzz's C edit distance, and only asked for plain
words that found nothing: never for a prefix, a field's value, a name the name tables know,
a stop word, or a word the index holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

SPELLING_FIELD = "spell_text"  # Whoosh's unstemmed twin of `text` (schema: spelling=True)
SUGGEST_BELOW_HITS = 5  # a query with fewer hits than this is worth a suggestion
MIN_WORD_CHARS = 4  # shorter words have too many neighbours one edit away
MAX_WORDS = 6  # words of one query looked at; the rest are left as typed

# The words of a query that may be typos: not quoted, not a field's name or value (`speaker:`
# typed with no value yet is a field name, never the word "speaker"), not an operator, not a
# prefix or wildcard. Quoted phrases are kept whole so their words are left alone.
_TOKEN = re.compile(r'"[^"]*"|\w+:(?:"[^"]*"|\S*)|[\w\']+[*?]\S*|[\w\']+', re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}


@dataclass(frozen=True)
class Vocabulary:
    words: list[str]
    frequency: dict[str, int]

    @classmethod
    def of(cls, reader) -> Vocabulary:
        if SPELLING_FIELD not in reader.schema:
            return cls([], {})
        frequency = {}
        for term, info in reader.iter_field(SPELLING_FIELD):
            frequency[term.decode("utf-8") if isinstance(term, bytes) else term] = info.doc_frequency()
        return cls(list(frequency), frequency)

    def closest(self, word: str) -> str | None:
        """The most frequent word within the smallest edit distance (1, or 2 for long words;
        a transposition counts as one edit), or None."""
        limit = 1 if len(word) < 7 else 2
        found = process.extract(word, self.words, scorer=OSA.distance, score_cutoff=limit, limit=20)
        if not found:
            return None
        best = min(distance for _, distance, _ in found)
        return max((w for w, distance, _ in found if distance == best), key=lambda w: self.frequency[w])


def suggestion(text: str, vocabulary: Vocabulary, is_searchable, is_name) -> str | None:
    """`text` with each unknown plain word replaced by its closest known word, in the case it
    was typed in; None when no word changed. `is_searchable(word)`: the analyzer keeps it (not
    a stop word); `is_name(word)`: the name tables know it."""
    changed = False
    pieces, last = [], 0
    for n, match in enumerate(_TOKEN.finditer(text)):
        token = match.group()
        if n >= MAX_WORDS or not _plain_word(token):
            continue
        lowered = token.lower()
        if len(token) < MIN_WORD_CHARS or lowered in vocabulary.frequency or not is_searchable(token) \
                or is_name(token):
            continue
        replacement = vocabulary.closest(lowered)
        if replacement and replacement != lowered:
            pieces += [text[last:match.start()], _in_case_of(token, replacement)]
            last = match.end()
            changed = True
    return "".join([*pieces, text[last:]]) if changed else None


def _plain_word(token: str) -> bool:
    return token[0] != '"' and ":" not in token and not token.endswith(("*", "?")) and "*" not in token \
        and "?" not in token and token not in _OPERATORS and not token.isdigit()


def _in_case_of(typed: str, word: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[0].isupper():
        return word[0].upper() + word[1:]
    return word
