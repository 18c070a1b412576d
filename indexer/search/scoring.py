"""BM25F as Whoosh computes it, with each document's field length read from a list.

Scoring a match cost about 35 µs, two thirds of it in `doc_field_length` (five Python calls
and a struct unpack per document): a word in 20,000 passages spent most of its search there,
and Whoosh's top-N block skipping rarely applies to a common word. The lengths of a segment
never change, so they are decoded once per segment into a list; the scores are identical.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from whoosh.scoring import BM25F, BM25FScorer
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]
SEGMENTS_KEPT = 32  # length lists kept (a few per generation; old segments age out)
_lengths: OrderedDict[tuple[str, str], list[int]] = OrderedDict()
_lock = threading.Lock()


def field_lengths(segment_reader, fieldname: str) -> list[int] | None:
    """Every document's length in `fieldname` (1 where Whoosh would default), or None when the
    reader is not a plain segment reader of the current codec."""
    try:
        key = (segment_reader.segment().segment_id(), fieldname)
        perdoc = segment_reader._perdoc
    except AttributeError:
        return None
    found = _lengths.get(key)
    if found is not None:
        return found
    doccount = segment_reader.doc_count_all()
    column = perdoc._cached_reader(f"_{fieldname}_len", _length_column())
    if column is None:
        found = [1] * doccount
    else:
        raw = column._dbfile.get(column._basepos, column._count)
        found = [_LENGTH_OF_BYTE[b] or 1 for b in raw] + [1] * (doccount - column._count)
    with _lock:
        _lengths[key] = found
        while len(_lengths) > SEGMENTS_KEPT:
            _lengths.popitem(last=False)
    return found


def _length_column():
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    return LENGTHS_COLUMN


class ListedLengthsBM25F(BM25F):
    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, BM25FScorer):
            lengths = field_lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer
