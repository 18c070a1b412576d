"""No query can take the server: expansions are capped, words starting with a wildcard are
read as plain words wherever they stand, a search past its
deadline returns what it found, flagged, and only a few expanding searches run at once."""

from __future__ import annotations

import pytest

from indexer.build import build_index
from indexer.search import IndexReader, SearchBusy, SearchRequest, bounds
from indexer.search.query import parse_query
from tests.conftest import make_corpus

# 150 distinct words starting "zebu", the first 40 in three passages each, the rest in one:
# the cap must keep the most frequent ones.
WORDS = [f"zebu{chr(97 + n // 26)}{chr(97 + n % 26)}k" for n in range(150)]  # "k": no stemmer rule ends there


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    root = tmp_path_factory.mktemp("bounded")
    articles = {}
    for n, word in enumerate(WORDS):
        copies = 3 if n < 40 else 1
        paragraphs = [f"The herd counted one {word} at stop {k}." for k in range(copies)]
        articles[f"herd_{n:03d}.txt"] = "date: 2024-10-08\n\n" + "\n\n".join(paragraphs) + "\n"
    corpus = make_corpus(root / "corpus", articles)
    build_index(corpus, root / "index")
    with IndexReader(root / "index") as handle:
        yield handle


@pytest.fixture(autouse=True)
def uncached(reader):
    """Each test changes the bounds and must see them applied, not an earlier test's answer."""
    reader.gen.forget_answers()


def run(reader, text, **kwargs):
    return reader.search(SearchRequest(text, per_page=100, **kwargs))


def test_a_prefix_matching_too_many_words_keeps_the_most_frequent_and_says_so(reader, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_TERMS_PER_EXPANSION", 40)
    result = run(reader, "zebu*")
    assert result["total"] == 40 * 3  # exactly the 40 words found three times each
    assert result["notice"] == ("zebu* matched 150 words: searched for the 40 most frequent (a query searches "
                                "at most 300 words, 40 for one expansion, found in at most 60,000 passages "
                                "together). Type more letters to narrow it.")
    assert result["partial"] is False
    assert all("<mark>zebu" in hit["highlight"] for hit in result["hits"])


def test_a_prefix_within_the_cap_is_searched_whole(reader):
    result = run(reader, "zebua*")  # 26 words
    assert result["total"] == 26 * 3 and result["notice"] is None


def test_the_budget_is_shared_by_every_expansion_of_a_query(reader, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_EXPANDED_TERMS", 30)
    result = run(reader, "zebua* OR zebub* OR zebuc*")
    # 26 words for the first, the remaining 4 for the second, none left for the third
    assert result["total"] == 26 * 3 + 4 * 3
    assert result["notice"].startswith("zebub* matched 26 words: searched for the 4 most frequent; "
                                       "zebuc* was not searched (a query searches at most 30 words")


def test_an_expansion_stops_at_the_passages_its_words_occur_in(reader, monkeypatch):
    """The cost of matching is the postings read, whatever the index size: `s*` on a large
    index keeps its most frequent words up to a budget of passages, at least one."""
    monkeypatch.setattr(bounds, "MAX_EXPANSION_POSTINGS", 10)
    result = run(reader, "zebu*")  # 40 words in 3 passages each, then 110 in 1
    assert result["total"] == 3 * 3
    assert result["notice"].startswith("zebu* matched 150 words: searched for the 3 most frequent")
    monkeypatch.setattr(bounds, "MAX_EXPANSION_POSTINGS", 1)
    assert run(reader, "zebua*")["total"] == 3


@pytest.mark.parametrize("typed", ["(*ebu*)", "herd OR (?ebuaak)", "text:*ebuabk", "herd AND (counted OR *a*)"])
def test_a_word_starting_with_a_wildcard_is_read_as_plain_words_wherever_it_stands(reader, typed):
    result = run(reader, typed)
    assert result["notice"].startswith("Your query could not be read as search syntax")
    assert not bounds.expands(parse_query(reader.searcher.schema, typed, reader.names).query)


def test_a_search_past_its_deadline_returns_what_it_found_flagged_as_partial(reader, monkeypatch):
    monkeypatch.setattr(bounds, "SEARCH_SECONDS", -1.0)
    for sort in ("relevance", "date"):
        result = run(reader, "herd", sort=sort)
        assert result["partial"] is True
        assert result["notice"].startswith("The search took too long and was stopped")
        assert result["total"] < 40 * 3 + 110  # stopped before every passage was collected


def test_only_a_few_heavy_expansions_run_at_once_and_light_or_plain_ones_are_never_refused(reader, monkeypatch):
    monkeypatch.setattr(bounds, "HEAVY_POSTINGS", 50)  # zebua* stands for 78 postings, zebuaa* for 3
    taken = [bounds.HeavySlot(True).__enter__() for _ in range(bounds.HEAVY_AT_ONCE)]
    try:
        with pytest.raises(SearchBusy, match="Too many searches with wildcards"):
            run(reader, "zebua*")
        assert run(reader, "zebuaa*")["total"] == 3
        assert run(reader, "herd")["total"] == 40 * 3 + 110
    finally:
        for slot in taken:
            slot.__exit__(None, None, None)
    assert run(reader, "zebua*")["total"] == 26 * 3
    taken = [bounds.HeavySlot(True).__enter__() for _ in range(bounds.HEAVY_AT_ONCE)]
    try:  # the same search again is answered from the generation's cache, without a slot
        assert run(reader, "zebua*")["total"] == 26 * 3
    finally:
        for slot in taken:
            slot.__exit__(None, None, None)


def test_a_search_nobody_waits_for_any_more_stops_at_its_next_check(reader):
    asked = []

    def client_gone() -> bool:
        asked.append(True)
        return True

    result = reader.search(SearchRequest("herd", per_page=100), cancelled=client_gone)
    assert asked and result["partial"] is True and result["total"] < 40 * 3 + 110
    assert reader.search(SearchRequest("herd", per_page=100), cancelled=lambda: False)["total"] == 40 * 3 + 110


def test_a_large_export_takes_the_heavy_slot_and_a_small_one_does_not(reader, monkeypatch):
    monkeypatch.setattr(bounds, "HEAVY_EXPORT_ROWS", 100)  # "herd" is 230 rows, "zebua*" 78
    taken = [bounds.HeavySlot(True).__enter__() for _ in range(bounds.HEAVY_AT_ONCE)]
    try:
        with pytest.raises(SearchBusy, match="Too many large exports"):
            reader.export(SearchRequest("herd"))
        assert len(list(reader.export(SearchRequest("zebua*")))) == 26 * 3
    finally:
        for slot in taken:
            slot.__exit__(None, None, None)
    rows = reader.export(SearchRequest("herd"))
    with pytest.raises(SearchBusy):  # held while the rows are read ...
        run(reader, "zebu*")
    assert len(list(rows)) == 40 * 3 + 110
    assert run(reader, "zebu*")["total"] > 0  # ... and given back after the last


def test_a_long_search_steps_aside_while_a_younger_one_runs(monkeypatch):
    import threading
    import time

    monkeypatch.setattr(bounds, "YOUNG_SECONDS", 10.0)
    old = bounds.Deadline(seconds=30)
    old.started -= 20  # it has run for 20 s: old; the other below stays young
    order, started = [], threading.Event()

    def young():
        with bounds.Running():
            started.set()
            time.sleep(0.3)
            order.append("young finished")

    thread = threading.Thread(target=young)
    thread.start()
    started.wait()
    assert old.passed() is False  # waited, and the wait did not count against its budget
    order.append("old went on")
    thread.join()
    assert order == ["young finished", "old went on"]


def test_old_searches_compute_one_at_a_time_in_the_slow_lane(monkeypatch):
    import threading

    monkeypatch.setattr(bounds, "YOUNG_SECONDS", 0.0)  # every search is old at once
    inside, most = [0], [0]
    lock = threading.Lock()

    def slow_search():
        with bounds.Running():
            deadline = bounds.Deadline(seconds=30)
            for _ in range(20):
                deadline.passed()  # a check: from here on it holds the lane
                with lock:
                    inside[0] += 1
                    most[0] = max(most[0], inside[0])
                for _ in range(2000):  # compute
                    pass
                with lock:
                    inside[0] -= 1

    threads = [threading.Thread(target=slow_search) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1
    assert bounds._lane.acquire(blocking=False)  # released when each search ended
    bounds._lane.release()
