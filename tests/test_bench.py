"""The benchmark suite at its smallest size, as a smoke test: it runs and reports every figure
(timings are not asserted: machines here are shared and noisy)."""

from __future__ import annotations

import json

from bench.query_classes import QUERY_CLASSES
from bench.run import main


def test_benchmark_suite_runs_and_reports_every_figure(tmp_path, capsys):
    assert main(["--sizes", "1000", "--repeat", "1", "--http-seconds", "1", "--out", str(tmp_path)]) == 0
    result = json.loads((tmp_path / "results-1000.json").read_text())
    ours, raw = result["engines"]["ours"], result["engines"]["raw_whoosh"]
    assert ours["build"]["passages"] == raw["build"]["passages"] == raw["build_tagged"]["passages"] == 1000
    assert ours["build"]["tree"]["peak_rss_sum_mib"] >= ours["build"]["tree"]["peak_pss_sum_mib"] > 0
    assert set(ours["search"]) >= {"p50_ms", "p95_ms", "highlight_share"}
    assert ours["http"]["errors"] == 0 and ours["http"]["requests"] > 0
    assert ours["incremental_add_s"] > 0
    assert set(result["ratios"]) >= {"build_passages_per_s", "search_p95", "http_p95_vs_raw_search",
                                     "build_passages_per_s_vs_raw_tagged"}
    assert set(result["budget"]) == {"build_at_least_raw_whoosh", "search_p95_at_most_100ms",
                                     "highlight_at_most_a_third", "incremental_add_under_1s",
                                     "http_at_least_100_rps", "http_zero_errors"}
    classes = result["query_classes"]["classes"]
    assert [c["name"] for c in classes] == [c["name"] for c in QUERY_CLASSES]
    engines = [e for e in ("ours", "raw_whoosh", "tantivy") if e in result["engines"]]
    for figures in classes:
        for engine in engines:
            assert set(figures[engine]) == {"p50_ms", "p95_ms", "hits", "samples"} and figures[engine]["hits"] >= 0
        assert figures["raw_whoosh_nofacets"]["hits"] == figures["raw_whoosh"]["hits"]
        assert figures["same_hits"] == (figures["ours"]["hits"] == figures["raw_whoosh"]["hits"])
        assert set(figures["target"]) == {"p95_at_most_60ms", "at_most_1_3x_raw", "met"}
    by_name = {c["name"]: c for c in classes}
    # the tagged raw index holds ours' passages and tags: plain words, a facet filter and a
    # date range match the same passages in both
    for name in ("common word", "very common word", "phrase", "facet-only browse", "date range"):
        assert by_name[name]["ours"]["hits"] == by_name[name]["raw_whoosh"]["hits"] > 0, name
    out = capsys.readouterr().out
    assert "| build: passages/s |" in out
    assert all(f"| {c['name']} |" in out for c in QUERY_CLASSES)


def test_the_scale_run_reports_every_class_and_the_repeated_request(seed_index, capsys):
    from bench.scale import main as scale

    assert scale(["--index", str(seed_index), "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert all(f"| {c['name']} |" in out for c in QUERY_CLASSES)
    assert "Repeated identical request: p50" in out and "memory when warm" in out


def test_the_generated_corpus_takes_a_russian_share(tmp_path):
    """`--russian`: that share of the articles is Russian, detected as such; without it the
    corpus is the English one it always was."""
    from bench.generate import generate_corpus
    from indexer.corpus import list_article_files, read_article
    from indexer.language import article_language

    def languages(directory):
        found = []
        for path in list_article_files(directory):
            article = read_article(path)
            found.append(article_language(article.metadata.get("language"),
                                          "\n".join(p.text for p in article.paragraphs))[0])
        return found

    mixed = generate_corpus(tmp_path / "mixed", 600, russian=0.5)
    share = languages(mixed.directory).count("ru") / mixed.articles
    assert 0.3 < share < 0.7
    generate_corpus(tmp_path / "english", 300)
    assert set(languages(tmp_path / "english")) == {"en"}
