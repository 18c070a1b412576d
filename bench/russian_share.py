"""Indexing speed per passage, Russian against English (issue 14: Russian within 15 %).

`python -m bench.russian_share [--passages 40000] [--runs 3] [--out FILE]` generates two corpora
of the same size from the same seed, one all English and one all Russian (`bench.generate
--russian 1`), and times on each, interleaved (English, Russian, English, …) so that a change in
the machine's load hits both alike:

- a full build, `summit-search index --rebuild` in a child process (tagging on both cores and
  Whoosh writing, as a user runs it): its wall time, and its CPU time (the build's processes
  summed), which other work on a shared machine disturbs far less than the wall time;
- tagging alone, in this process, with no index (`bench/tagging.py`'s loop), one core.

It prints and writes the median of the runs per passage and the Russian ÷ English ratios (and
those of the best runs, the least disturbed); the target is judged on the median build CPU time.
Compare ratios, not times, with other runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from indexer.reference_toml import load_reference
from indexer.tagging import Tagger

from .generate import generate_corpus
from .run import machine
from .tagging import tag_all

REPO = Path(__file__).resolve().parent.parent
TARGET = 1.15  # Russian's time per passage at most 15 % over English's


def build_seconds(corpus: Path, index: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of a full rebuild by the installed command, in a child process; the
    CPU time includes its workers (a child's usage counts its own waited-for children)."""
    shutil.rmtree(index, ignore_errors=True)
    command = [str(Path(sys.executable).parent / "summit-search"), "index", "--corpus", str(corpus),
               "--index", str(index), "--rebuild"]
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def measure(work: Path, passages: int, runs: int) -> dict:
    corpora = {"en": generate_corpus(work / "en", passages), "ru": generate_corpus(work / "ru", passages, russian=1.0)}
    tagger = Tagger(load_reference(REPO / "corpus"))
    files = {lang: sorted(made.directory.glob("*.txt")) for lang, made in corpora.items()}
    build: dict[str, list[float]] = {"en": [], "ru": []}
    build_cpu: dict[str, list[float]] = {"en": [], "ru": []}
    tagging: dict[str, list[float]] = {"en": [], "ru": []}
    counted: dict[str, int] = {}
    for run in range(runs):
        for lang, made in corpora.items():
            wall, cpu = build_seconds(made.directory, work / f"index-{lang}")
            build[lang].append(wall)
            build_cpu[lang].append(cpu)
            seconds, counted[lang] = tag_all(tagger, files[lang])
            tagging[lang].append(seconds)
            print(f"run {run + 1} {lang}: build {wall:.1f} s ({cpu:.1f} s CPU), tagging {seconds:.1f} s", flush=True)
    result: dict = {"machine": machine(), "passages": passages, "runs": runs,
                    "articles": {lang: made.articles for lang, made in corpora.items()}}
    for name, times in (("build", build), ("build_cpu", build_cpu), ("tagging", tagging)):
        per_passage = {lang: statistics.median(times[lang]) / counted[lang] * 1e3 for lang in times}
        best = {lang: min(times[lang]) / counted[lang] * 1e3 for lang in times}
        result[name] = {"seconds": times, "median_ms_per_passage": per_passage,
                        "ru_over_en": per_passage["ru"] / per_passage["en"],
                        "best_ms_per_passage": best, "best_ru_over_en": best["ru"] / best["en"]}
    result["target_met"] = result["build_cpu"]["ru_over_en"] <= TARGET
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=40_000, help="passages in each corpus")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "russian-share.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        result = measure(Path(work), args.passages, args.runs)
    for name in ("build", "build_cpu", "tagging"):
        figures = result[name]
        print(f"{name}: English {figures['median_ms_per_passage']['en']:.3f} ms/passage, Russian "
              f"{figures['median_ms_per_passage']['ru']:.3f} ms/passage, Russian ÷ English {figures['ru_over_en']:.2f} "
              f"(best runs: {figures['best_ru_over_en']:.2f})")
    verdict = "met" if result["target_met"] else "MISSED"
    print(f"target (Russian ≤ {TARGET:.2f} × English per passage, build CPU): {verdict}")
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
