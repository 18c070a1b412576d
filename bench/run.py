"""Benchmarks: `python -m bench.run [--sizes 1000,10000,100000] [--corpus DIR]` (see bench/README.md).

Every engine runs on the same generated passages in the same run, so the figures can be read
as ratios against raw Whoosh even on a shared, noisy machine. Index builds run in child
processes, so each one's peak RSS is its own, and the runner samples each child together with
its workers (bench/memory.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import query_classes
from .engines import BUILDERS, SEARCHERS
from .generate import existing_corpus, generate_corpus
from .http_load import http_figures
from .memory import TreeSampler
from .query_classes import percentiles
from .render import budget, ratios, render
from .tagged_engines import TAGGED_BUILDERS

QUERY_MIX = [
    {"kind": "word", "q": "sanctions"},
    {"kind": "word", "q": "language"},
    {"kind": "phrase", "q": '"Russian language"'},
    {"kind": "phrase", "q": '"world order"'},
    {"kind": "boolean", "q": "trade AND security"},
    {"kind": "boolean", "q": "security NOT border"},
    {"kind": "prefix", "q": "integr*"},
    {"kind": "prefix", "q": "econom*"},
    {"kind": "word + facet", "q": "sanctions", "speaker": ["vladimir-putin"]},
    {"kind": "phrase + facets", "q": '"world order"', "topic": ["world-order-west"], "summit": ["2023-bishkek"]},
    {"kind": "browse", "q": ""},
    {"kind": "browse + facet", "q": "", "topic": ["economy-trade"]},
]
# the raw engines again, on ours' tagged passages, for the query classes
CHILD_BUILDERS = {**BUILDERS, **{f"{engine}_tagged": build for engine, build in TAGGED_BUILDERS.items()}}
ADDED_ARTICLE = "zz_added_article.txt"


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.child_build:
        engine, corpus, index = args.child_build
        started = time.perf_counter()
        passages = CHILD_BUILDERS[engine](Path(corpus), Path(index))
        seconds = time.perf_counter() - started
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # 0 when it forked none
        print(json.dumps({"passages": passages, "seconds": seconds, "peak_rss_mib": _own_peak_rss_mib(),
                          "worker_peak_rss_mib": workers}))
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    engines = [e for e in ("ours", "raw_whoosh", "tantivy") if e != "tantivy" or _has_tantivy()]
    for size in [None] if args.corpus else args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{size or 'corpus'}-") as work:
            result = run_size(size, Path(work), engines, args)
        (out / f"results-{result['size']}.json").write_text(json.dumps(result, indent=2))
        print(render(result))
    return 0


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000",
                        type=lambda s: [int(x) for x in s.split(",")], help="passage counts to generate")
    parser.add_argument("--corpus", type=Path, help="reuse this corpus (made by `python -m bench.generate`) "
                        "instead of generating one per size; --sizes is then ignored, and the corpus is left as found")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query (and query class) per engine")
    parser.add_argument("--http-seconds", type=float, default=10.0, help="length of the throughput run")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results"), help="where JSON goes")
    parser.add_argument("--child-build", nargs=3, metavar=("ENGINE", "CORPUS", "INDEX"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _has_tantivy() -> bool:
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


def run_size(size: int | None, work: Path, engines: list[str], args) -> dict:
    """Every figure for one corpus: `size` passages generated into `work`, or (None) the
    corpus of --corpus. Nothing holds all passages at once: builders read the corpus (or ours'
    index) one article or passage at a time, and the generator writes as it goes."""
    corpus = existing_corpus(args.corpus) if size is None else generate_corpus(work / "corpus", size)
    if (corpus.directory / ADDED_ARTICLE).exists():  # the incremental add would overwrite, then remove it
        raise SystemExit(f"{corpus.directory / ADDED_ARTICLE}: move it out of the corpus first")
    result = {"size": size or corpus.passages, "articles": corpus.articles, "machine": machine(),
              "date": dt.date.today().isoformat(), "engines": {}}
    label = f"[{size or corpus.directory}]"
    try:
        for engine in engines:
            print(f"{label} building with {engine} …", file=sys.stderr, flush=True)
            build = build_in_child(engine, corpus.directory, work / f"index-{engine}")
            search = search_latency(engine, work / f"index-{engine}", args.repeat)
            result["engines"][engine] = {"build": build, "search": search}
        if size is None:
            result["size"] = result["engines"]["ours"]["build"]["passages"]
        class_indexes = {"ours": work / "index-ours"}
        for engine in engines[1:]:
            print(f"{label} building {engine} with ours' tags …", file=sys.stderr, flush=True)
            tagged = work / f"index-{engine}_tagged"
            result["engines"][engine]["build_tagged"] = build_in_child(f"{engine}_tagged", work / "index-ours", tagged)
            class_indexes[engine] = tagged
            if engine == "raw_whoosh":
                class_indexes["raw_whoosh_nofacets"] = tagged
        print(f"{label} query classes …", file=sys.stderr, flush=True)
        result["query_classes"] = query_classes.measure(class_indexes, args.repeat)
        ours = result["engines"]["ours"]
        ours["incremental_add_s"] = incremental_add(corpus.directory, work / "index-ours")
        ours["http"] = http_figures(corpus.directory, work / "index-ours", args.repeat, args.http_seconds, QUERY_MIX)
    finally:
        (corpus.directory / ADDED_ARTICLE).unlink(missing_ok=True)  # a reused corpus is left as it was found
    result["ratios"] = ratios(result)
    result["budget"] = budget(result)
    return result


def machine() -> dict:
    return {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
            "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)}


def build_in_child(engine: str, source: Path, index: Path) -> dict:
    """`source` is the corpus, or ours' index for a tagged build. `tree` is the child with
    its workers, summed at each sample: what the build takes from the machine at its peak."""
    command = [sys.executable, "-m", "bench.run", "--child-build", engine, str(source), str(index)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=Path(__file__).resolve().parent.parent)
    with TreeSampler(child.pid) as sampler:
        stdout, _ = child.communicate()
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    figures = json.loads(stdout)
    figures["passages_per_s"] = figures["passages"] / figures["seconds"]
    figures["tree"] = sampler.figures()
    return figures


def _own_peak_rss_mib() -> float:
    """This process's own peak RSS (its workers' is reported beside it).

    Not getrusage: on Linux a child's ru_maxrss keeps the high-water mark of the parent it was
    forked from, across exec, so every build would inherit the benchmark runner's memory. VmHWM
    belongs to the process's own (post-exec) memory map."""
    status = Path("/proc/self/status").read_text()
    own = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))
    return own / 1024


def search_latency(engine: str, index: Path, repeat: int) -> dict:
    searcher = SEARCHERS[engine](index)
    try:
        for query in QUERY_MIX:  # warm caches once, as a running server would have
            searcher.search(query)
        highlight_before = getattr(getattr(searcher, "reader", None), "highlight_seconds", 0.0)
        samples = []
        for _ in range(repeat):
            for query in QUERY_MIX:
                started = time.perf_counter()
                searcher.search(query)
                samples.append(time.perf_counter() - started)
        highlight = getattr(getattr(searcher, "reader", None), "highlight_seconds", 0.0) - highlight_before
    finally:
        searcher.close()
    figures = percentiles(samples)
    if engine == "ours":
        figures["highlight_share"] = highlight / sum(samples)
    return figures


def incremental_add(corpus: Path, index: Path) -> float:
    """Seconds for `summit-search index` to take in one new article (corpus scan included)."""
    from indexer.build import build_index

    source = sorted(corpus.glob("gen_*.txt"))[0]
    shutil.copy(source, corpus / ADDED_ARTICLE)
    (corpus / ADDED_ARTICLE).write_text(source.read_text() + "\nOne more line for a new hash.\n")
    started = time.perf_counter()
    report = build_index(corpus, index)
    seconds = time.perf_counter() - started
    assert report.added == [Path(ADDED_ARTICLE).stem], report.summary()
    return seconds


if __name__ == "__main__":
    sys.exit(main())
