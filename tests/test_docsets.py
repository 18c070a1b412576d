"""Document sets as bits: the round trip and the restriction are exact at byte edges."""

from indexer.search.docsets import members, restrict, to_mask


def test_bits_round_trip_and_restrict():
    docs = frozenset({0, 7, 8, 9, 63, 64, 1000})
    mask = to_mask(docs, 1001)
    assert mask.bit_count() == 7
    assert members(mask, 1001) == docs
    assert restrict(frozenset({1, 7, 8, 500, 1000}), mask, 1001) == {7, 8, 1000}
    assert members(0, 10) == frozenset()
