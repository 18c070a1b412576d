"""What one index generation caches is shared by every reader of the process, reused for
identical requests, built before users ask, and never outlives its generation."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from indexer.build import build_index
from indexer.search import IndexReader, SearchRequest, generation
from webapp import readers

NEW_ARTICLE = "date: 2025-06-01\n\nThe ministers said new sanctions would not change their plans.\n"


@pytest.fixture
def built(search_corpus, tmp_path) -> tuple[Path, Path]:
    build_index(search_corpus, tmp_path / "index")
    return search_corpus, tmp_path / "index"


def test_an_identical_request_is_answered_again_until_a_new_generation(built):
    corpus, index = built
    with IndexReader(index) as reader:
        first = reader.search(SearchRequest("sanctions"))
        assert first["total"] == 2
        assert reader.search(SearchRequest("sanctions")) is first
        (corpus / "new_sanctions.txt").write_text(NEW_ARTICLE)
        build_index(corpus, index)
        assert reader.refresh()
        again = reader.search(SearchRequest("sanctions"))
        assert again is not first and again["total"] == 3
        assert "new_sanctions" in {hit["article_id"] for hit in again["hits"]}


def test_readers_of_one_generation_share_its_caches(built):
    _, index = built
    with IndexReader(index) as one, IndexReader(index) as two:
        assert one.gen is two.gen
        one.search(SearchRequest("sanctions"))
        assert two.gen.answers.get(SearchRequest("sanctions"))["total"] == 2


def test_warming_builds_what_a_first_search_would(built):
    _, index = built
    with IndexReader(index) as reader:
        assert reader.gen._date_order is None and reader.gen._lexicon is None
        reader.warm()
        assert len(reader.gen._date_order) == 7
        assert b"sanction" in reader.gen._lexicon[0]
        assert "sanctions" in reader.gen._vocabulary.frequency


def test_the_server_warms_each_new_generation_without_a_request(built, monkeypatch):
    corpus, index = built
    monkeypatch.setattr(readers, "FOLLOW_SECONDS", 0.05)
    pool = readers.ReaderPool(index)
    pool.warm()
    try:
        (corpus / "new_sanctions.txt").write_text(NEW_ARTICLE)
        build_index(corpus, index)
        with IndexReader(index) as reader:
            newest = reader.generation
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            warmed = [g for key, g in list(generation._generations.items())
                      if key[0] == str(index) and key[2] == newest and g._date_order is not None]
            if warmed:
                break
            time.sleep(0.05)
        assert warmed and len(warmed[0]._date_order) == 8
    finally:
        pool.close_all()


def test_index_files_are_mapped_not_copied(built):
    _, index = built
    assert not list(index.glob("*.seg"))  # no compound segment files
    with IndexReader(index) as reader:
        reader.search(SearchRequest("sanctions"))
        maps = Path("/proc/self/maps").read_text() if Path("/proc/self/maps").exists() else None
        if maps is None:
            pytest.skip("no /proc here")
        assert any(line.endswith(".pst") and str(index.resolve()) in line for line in maps.splitlines())


def test_remembered_matched_sets_are_bounded_by_the_passages_they_hold():
    recent = generation.Recent(10, weight_limit=100)
    recent.put("a", "A", 60)
    recent.put("b", "B", 30)
    recent.put("c", "C", 30)  # 120 > 100: the least recently used goes
    assert (recent.get("a"), recent.get("b"), recent.get("c")) == (None, "B", "C")
    recent.put("huge", "H", 101)  # never kept, and nothing else is dropped for it
    assert (recent.get("huge"), len(recent)) == (None, 2)


def test_server_threads_move_to_a_new_generation_once_it_is_warm(built, monkeypatch):
    corpus, index = built
    monkeypatch.setattr(readers, "FOLLOW_SECONDS", 3600)  # the follower thread never looks: steps are taken here
    pool = readers.ReaderPool(index)
    pool.warm(spares=1)
    try:
        follower = pool.follow_once(None)
        before = pool.get().generation
        (corpus / "new_sanctions.txt").write_text(NEW_ARTICLE)
        build_index(corpus, index)
        assert pool.get().generation == before  # not warm yet: the old one answers
        follower = pool.follow_once(follower)
        assert follower.gen._date_order is not None
        assert pool.get().generation == follower.generation > before
        follower.close()
    finally:
        pool.close_all()


def test_a_follower_that_failed_still_moves_the_threads_to_the_generation_it_reopens(built, monkeypatch):
    # a look that fails (a segment replaced mid-read under load) drops the follower's reader; the
    # next look reopens on the new generation, and the threads must move to it, not wait for a
    # commit that may never come
    corpus, index = built
    monkeypatch.setattr(readers, "FOLLOW_SECONDS", 3600)
    pool = readers.ReaderPool(index)
    pool.warm(spares=1)
    try:
        follower = pool.follow_once(None)
        before = pool.get().generation
        (corpus / "new_sanctions.txt").write_text(NEW_ARTICLE)
        build_index(corpus, index)

        def fails() -> bool:
            raise OSError("a segment went away mid-read")

        monkeypatch.setattr(follower, "refresh", fails)
        assert pool.follow_once(follower) is None
        follower = pool.follow_once(None)
        assert pool.get().generation == follower.generation > before
        follower.close()
    finally:
        pool.close_all()
