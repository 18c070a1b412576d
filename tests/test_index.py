from __future__ import annotations

import pytest

from indexer.build import build_index
from indexer.reference import ReferenceError
from indexer.search import IndexBusy, IndexReader, SearchRequest, read_state, write_lock
from indexer.search import writer as store

MOSCOW, BISHKEK, DUSHANBE = "moscow_sanctions", "bishkek_language", "dushanbe_security"


def total(index_dir, text: str = "") -> int:
    with IndexReader(index_dir) as reader:
        return reader.search(SearchRequest(text))["passages"]


@pytest.fixture
def index_dir(tmp_path):  # an empty place, unlike conftest's built index
    return tmp_path / "index"


def test_first_build_then_nothing_to_do(search_corpus, index_dir):
    report = build_index(search_corpus, index_dir)
    assert (sorted(report.added), report.updated, report.removed, report.failed) == (
        [BISHKEK, DUSHANBE, MOSCOW], [], [], [])
    assert report.passages == 7
    assert report.full_reason == "there was no index yet"
    again = build_index(search_corpus, index_dir)
    assert (again.changed, again.unchanged, again.passages, again.full_reason) == (False, 3, 0, None)
    assert again.summary().startswith("Index is up to date: 3 articles, nothing to do")
    assert total(index_dir) == 7


def test_add_modify_delete_and_rename_touch_only_those_articles(search_corpus, index_dir):
    build_index(search_corpus, index_dir)
    (search_corpus / "new.txt").write_text("date: 2022-10-14\n\nSadyr Japarov said the Astana summit was useful.\n")
    (search_corpus / f"{MOSCOW}.txt").write_text("date: 2024-10-08\n\nThe leaders met in Moscow.\n")
    (search_corpus / f"{DUSHANBE}.txt").unlink()
    (search_corpus / f"{BISHKEK}.txt").rename(search_corpus / "renamed.txt")
    report = build_index(search_corpus, index_dir)
    assert (report.added, report.updated, report.removed, report.unchanged) == (
        ["new", "renamed"], [MOSCOW], [BISHKEK, DUSHANBE], 0)
    assert report.passages == 1 + 1 + 2
    assert total(index_dir) == 4
    assert total(index_dir, "sanctions") == 1  # only the renamed Bishkek article still says it
    assert sorted(read_state(index_dir).articles) == ["moscow_sanctions", "new", "renamed"]


def test_bad_files_are_reported_and_the_rest_indexed(search_corpus, index_dir):
    (search_corpus / "empty.txt").write_bytes(b"")
    (search_corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (search_corpus / "huge.txt").write_bytes(b"word " * 1_200_000)
    (search_corpus / "cyrillic.txt").write_bytes("Встреча прошла в Бишкеке.".encode("cp1251"))
    (search_corpus / ".draft.txt").write_text("An editor's hidden leftover, not an article.\n")
    report = build_index(search_corpus, index_dir)
    assert sorted(report.added) == [BISHKEK, "cyrillic", DUSHANBE, MOSCOW]
    assert report.failed == [
        f"{search_corpus / 'empty.txt'}: file is empty",
        f"{search_corpus / 'huge.txt'}: file is 5.7 MiB; articles over 5 MiB are refused (split it into articles)",
        f"{search_corpus / 'image.txt'}: binary file (contains NUL or control bytes), not a text article",
    ]
    assert total(index_dir, "Бишкеке") == 1


def test_an_article_that_turns_bad_keeps_its_indexed_version(search_corpus, index_dir):
    build_index(search_corpus, index_dir)
    (search_corpus / f"{MOSCOW}.txt").write_bytes(b"")
    report = build_index(search_corpus, index_dir)
    assert report.kept_previous == [MOSCOW]
    assert not report.changed
    assert total(index_dir, "exhibition") == 1


def test_reference_change_retags_everything(search_corpus, index_dir):
    build_index(search_corpus, index_dir)
    topics = search_corpus / "topics.toml"
    topics.write_text(topics.read_text().replace('cues = ["security",', 'cues = ["security", "exhibition",'))
    report = build_index(search_corpus, index_dir)
    assert report.full_reason == "the reference data (people, countries, summits or topics) or the tagger changed"
    assert sorted(report.updated) == [BISHKEK, DUSHANBE, MOSCOW]
    with IndexReader(index_dir) as reader:
        result = reader.search(SearchRequest("exhibition", topic=("security-defence",)))
    assert [h["text"] for h in result["hits"]] == ["The delegations then visited an exhibition."]


def test_broken_reference_file_stops_before_writing(search_corpus, index_dir):
    build_index(search_corpus, index_dir)
    (search_corpus / "people.toml").write_text("[[person]]\nid = 'x'\n")
    with pytest.raises(ReferenceError, match=r"people\.toml: person 'x': 'name' is missing"):
        build_index(search_corpus, index_dir)
    assert total(index_dir) == 7


def test_a_second_writer_is_told_the_index_is_busy(search_corpus, index_dir):
    with write_lock(index_dir):
        with pytest.raises(IndexBusy, match="index is busy"):
            build_index(search_corpus, index_dir)


def test_a_failed_write_leaves_the_previous_index_searchable(search_corpus, index_dir, monkeypatch):
    build_index(search_corpus, index_dir)
    (search_corpus / "new.txt").write_text("The summit leaders met in Astana.\n")
    (search_corpus / f"{MOSCOW}.txt").unlink()
    original = store._add_article

    def add_then_die(writer, article, *rest):
        original(writer, article, *rest)
        raise KeyboardInterrupt  # as if the run were interrupted mid-write

    monkeypatch.setattr(store, "_add_article", add_then_die)
    with pytest.raises(KeyboardInterrupt):
        build_index(search_corpus, index_dir)
    assert total(index_dir) == 7 and total(index_dir, "Astana") == 0
    monkeypatch.setattr(store, "_add_article", original)
    report = build_index(search_corpus, index_dir)
    assert (report.added, report.removed) == (["new"], [MOSCOW])
    assert total(index_dir) == 5


def test_rebuild_and_an_unreadable_index(search_corpus, index_dir):
    build_index(search_corpus, index_dir)
    assert build_index(search_corpus, index_dir, rebuild=True).full_reason == "--rebuild was asked for"
    assert total(index_dir) == 7
    for path in index_dir.iterdir():
        path.write_bytes(b"garbage")
    report = build_index(search_corpus, index_dir)
    assert report.full_reason == "the index was made by an older version of summit-search"
    assert total(index_dir) == 7


def test_parallel_build_gives_the_same_index_as_a_serial_one(tmp_path):
    # per_page 100 holds every hit of the two queries, so equal scores tied in another order cannot differ
    from bench.generate import generate_corpus

    corpus = generate_corpus(tmp_path / "corpus", 2000).directory
    serial = build_index(corpus, tmp_path / "serial")
    parallel = build_index(corpus, tmp_path / "parallel", parallel=True)
    assert (len(parallel.added), parallel.passages) == (len(serial.added), serial.passages) == (
        len(serial.added), 2000)
    with IndexReader(tmp_path / "serial") as one, IndexReader(tmp_path / "parallel") as two:
        for query in ("", "sanctions", '"Russian language"'):
            a, b = one.search(SearchRequest(query, per_page=100)), two.search(SearchRequest(query, per_page=100))
            assert (a["total"], a["facets"]) == (b["total"], b["facets"])
            assert sorted(h["id"] for h in a["hits"]) == sorted(h["id"] for h in b["hits"])
