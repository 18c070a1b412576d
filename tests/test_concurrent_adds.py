"""Adds that cannot collide: 60 real concurrent adds, from three processes with several
threads each, in groups of six sharing a file name. Each must land under its own reported
name holding its own text, and be indexed; nothing is lost or overwritten."""

from __future__ import annotations

from bench.reliability import run_concurrent_adds
from indexer.search import read_state
from tests.conftest import make_corpus

PROCESSES, PER_PROCESS, GROUP = 3, 20, 6


def article(n: int) -> str:
    return (f"date: 2024-10-08\n\nThe CIS summit in Moscow heard delegate number {n} speak.\n\n"
            f"The delegate said that marker{n:03d} was on the agenda.\n")


def test_sixty_concurrent_adds_in_groups_sharing_a_name_all_land_under_their_reported_names(tmp_path):
    from indexer.build import build_index

    corpus = make_corpus(tmp_path / "corpus", {"existing.txt": article(999)})
    index_dir = tmp_path / "index"
    build_index(corpus, index_dir)
    texts, batches = {}, [[] for _ in range(PROCESSES)]
    for n in range(PROCESSES * PER_PROCESS):
        source = tmp_path / "uploads" / str(n) / f"same{n // GROUP}.txt"
        source.parent.mkdir(parents=True)
        source.write_text(article(n), encoding="utf-8")
        texts[str(source)] = article(n)
        batches[n % PROCESSES].append(str(source))
    (tmp_path / "gate").mkdir()
    results, _ = run_concurrent_adds(corpus, index_dir, batches, tmp_path / "gate")

    assert [r for r in results if r["error"] or r["duplicate_of"] or not r["stored_as"]] == []
    stored = [r["stored_as"] for r in results]
    assert len(set(stored)) == 60  # sixty different names reported
    for result in results:  # each name holds the text of the add that reported it
        assert (corpus / result["stored_as"]).read_text(encoding="utf-8") == texts[result["source"]]
    articles = sorted(p.name for p in corpus.glob("*.txt"))
    assert len(articles) == 61 and not list(corpus.glob(".*.adding"))
    for group in range(10):  # each name shared by six adds became same{g}.txt, then -2 … -6
        assert sorted(n for n in stored if n.startswith(f"same{group}.") or n.startswith(f"same{group}-")) == sorted(
            [f"same{group}.txt"] + [f"same{group}-{k}.txt" for k in range(2, 7)])
    assert all(r["indexed"] for r in results)
    indexed = read_state(index_dir).articles
    assert sorted(a.file for a in indexed.values()) == articles  # every stored article is in the index


def test_an_article_added_under_a_second_name_is_indexed_with_that_names_passage_ids(search_corpus, index_dir,
                                                                                    tmp_path, monkeypatch):
    """And it is not tagged a second time inside the index lock (a big one would hold it long)."""
    from indexer import build
    from indexer.adding import add_articles
    from indexer.search import IndexReader, SearchRequest

    tagged_in_lock = []
    original = build._tag_all
    monkeypatch.setattr(build, "_tag_all", lambda ref, corpus, pending, workers: (
        tagged_in_lock.extend(p[0] for p in pending), original(ref, corpus, pending, workers))[1])

    clash = tmp_path / "moscow_sanctions.txt"
    clash.write_text("date: 2024-10-08\n\nThe quokka delegation arrived in Moscow.\n")
    (result,), report = add_articles(search_corpus, index_dir, [clash])
    assert result.stored_as == "moscow_sanctions-2.txt" and report.added == ["moscow_sanctions-2"]
    assert [p.id.startswith("moscow_sanctions-2-") for p in result.article.passages] == [True]
    assert tagged_in_lock == []
    with IndexReader(index_dir) as reader:
        (hit,) = reader.search(SearchRequest("quokka"))["hits"]
        assert hit["article_id"] == "moscow_sanctions-2" and hit["id"] == result.article.passages[0].id
        assert reader.search(SearchRequest("sanctions"))["total"] == 2  # as before the add: the first article is intact
