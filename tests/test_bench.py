"""The benchmark suite at its smallest size, as a smoke test: it runs and reports every figure
(timings are not asserted: machines here are shared and noisy)."""

from __future__ import annotations

import json

from bench.run import main


def test_benchmark_suite_runs_and_reports_every_figure(tmp_path, capsys):
    assert main(["--sizes", "1000", "--repeat", "1", "--http-seconds", "1", "--out", str(tmp_path)]) == 0
    result = json.loads((tmp_path / "results-1000.json").read_text())
    ours, raw = result["engines"]["ours"], result["engines"]["raw_whoosh"]
    assert ours["build"]["passages"] == raw["build"]["passages"] == 1000
    assert set(ours["search"]) >= {"p50_ms", "p95_ms", "highlight_share"}
    assert ours["http"]["errors"] == 0 and ours["http"]["requests"] > 0
    assert ours["incremental_add_s"] > 0
    assert set(result["ratios"]) >= {"build_passages_per_s", "search_p95", "http_p95_vs_raw_search"}
    assert set(result["budget"]) == {"build_at_least_raw_whoosh", "search_p95_at_most_100ms",
                                     "highlight_at_most_a_third", "incremental_add_under_1s",
                                     "http_at_least_100_rps", "http_zero_errors"}
    assert "| build: passages/s |" in capsys.readouterr().out
