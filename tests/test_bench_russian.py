"""`python -m bench.russian_share` reports build and tagging time per passage for an all-English
and an all-Russian corpus of one size, with the Russian ÷ English ratios and the verdict on
issue 14's target (timings are not judged here: the machine is shared)."""

from __future__ import annotations

import json

from bench.russian_share import main


def test_russian_share_reports_both_languages_and_the_target(tmp_path, capsys):
    out = tmp_path / "russian-share.json"
    assert main(["--passages", "150", "--runs", "1", "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    assert (result["passages"], result["runs"]) == (150, 1)
    for figure in ("build", "build_cpu", "tagging"):
        assert set(result[figure]["median_ms_per_passage"]) == {"en", "ru"}
        assert result[figure]["ru_over_en"] > 0
    assert result["target_met"] == (result["build_cpu"]["ru_over_en"] <= 1.15)
    printed = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in printed] == [
        "run 1 en", "run 1 ru", "build", "build_cpu", "tagging",
        "target (Russian ≤ 1.15 × English per passage, build CPU)"]
