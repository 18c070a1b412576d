"""Benchmarks: `python -m bench.run [--sizes 1000,10000,100000]` (see bench/README.md).

Every engine runs on the same generated passages in the same run, so the figures can be read
as ratios against raw Whoosh even on a shared, noisy machine. Index builds run in child
processes, so each one's peak RSS is its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from .engines import BUILDERS, SEARCHERS
from .generate import generate_corpus

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
HTTP_CLIENTS = 8
BUDGET = {"search_p95_ms": 100.0, "highlight_share": 1 / 3, "incremental_add_s": 1.0, "http_rps": 100.0}


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.child_build:
        engine, corpus, index = args.child_build
        started = time.perf_counter()
        passages = BUILDERS[engine](Path(corpus), Path(index))
        seconds = time.perf_counter() - started
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # 0 when it forked none
        print(json.dumps({"passages": passages, "seconds": seconds, "peak_rss_mib": _own_peak_rss_mib(),
                          "worker_peak_rss_mib": workers}))
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    engines = [e for e in ("ours", "raw_whoosh", "tantivy") if e != "tantivy" or _has_tantivy()]
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as work:
            result = run_size(size, Path(work), engines, args)
        (out / f"results-{size}.json").write_text(json.dumps(result, indent=2))
        print(render(result))
    return 0


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000",
                        type=lambda s: [int(x) for x in s.split(",")], help="passage counts to generate")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query per engine")
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


def run_size(size: int, work: Path, engines: list[str], args) -> dict:
    corpus = generate_corpus(work / "corpus", size)
    result = {"size": size, "articles": corpus.articles, "machine": machine(), "date": dt.date.today().isoformat(),
              "engines": {}}
    for engine in engines:
        print(f"[{size}] building with {engine} …", file=sys.stderr, flush=True)
        build = build_in_child(engine, corpus.directory, work / f"index-{engine}")
        search = search_latency(engine, work / f"index-{engine}", args.repeat)
        result["engines"][engine] = {"build": build, "search": search}
    ours = result["engines"]["ours"]
    ours["incremental_add_s"] = incremental_add(corpus.directory, work / "index-ours")
    ours["http"] = http_figures(corpus.directory, work / "index-ours", args.repeat, args.http_seconds)
    result["ratios"] = ratios(result)
    result["budget"] = budget(result)
    return result


def machine() -> dict:
    return {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
            "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)}


def build_in_child(engine: str, corpus: Path, index: Path) -> dict:
    command = [sys.executable, "-m", "bench.run", "--child-build", engine, str(corpus), str(index)]
    completed = subprocess.run(command, stdout=subprocess.PIPE, check=True, cwd=Path(__file__).resolve().parent.parent)
    figures = json.loads(completed.stdout)
    figures["passages_per_s"] = figures["passages"] / figures["seconds"]
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


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"p50_ms": 1000 * statistics.median(ordered),
            "p95_ms": 1000 * ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
            "mean_ms": 1000 * statistics.fmean(ordered), "samples": len(ordered)}


def incremental_add(corpus: Path, index: Path) -> float:
    """Seconds for `summit-search index` to take in one new article (corpus scan included)."""
    from indexer.build import build_index

    source = sorted(corpus.glob("gen_*.txt"))[0]
    shutil.copy(source, corpus / "zz_added_article.txt")
    (corpus / "zz_added_article.txt").write_text(source.read_text() + "\nOne more line for a new hash.\n")
    started = time.perf_counter()
    report = build_index(corpus, index)
    seconds = time.perf_counter() - started
    assert report.added == ["zz_added_article"], report.summary()
    return seconds


# --- HTTP ----------------------------------------------------------------------------------


def _path(query: dict) -> str:
    params = {k: v for k, v in query.items() if k != "kind" and v}
    return "/api/search?" + urlencode(params, doseq=True)


def http_figures(corpus: Path, index: Path, repeat: int, seconds: float) -> dict:
    command = [sys.executable, "-c", "from indexer.cli import main; main()", "serve", "--port", "0",
               "--index", str(index), "--corpus", str(corpus)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
        samples, errors = [], 0
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for query in QUERY_MIX:
            _get(connection, _path(query))
        for _ in range(repeat):
            for query in QUERY_MIX:
                started = time.perf_counter()
                errors += _get(connection, _path(query)) != 200
                samples.append(time.perf_counter() - started)
        connection.close()
        figures = percentiles(samples)
        figures.update(throughput(port, seconds))
        figures["errors"] += errors
        return figures
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()


def _get(connection: http.client.HTTPConnection, path: str) -> int:
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status


def throughput(port: int, seconds: float) -> dict:
    """8 keep-alive clients cycling through the mix for `seconds` (bounded): requests/s."""
    counts, errors = [0] * HTTP_CLIENTS, [0] * HTTP_CLIENTS
    deadline = time.perf_counter() + seconds

    def client(number: int) -> None:
        # one loopback address per client: they stand for eight users, and the server allows
        # each address only a few searches at once (webapp/fairness.py)
        source = (f"127.0.1.{number + 1}", 0)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=source)
        i = number
        while time.perf_counter() < deadline and counts[number] < 100_000:
            try:
                status = _get(connection, _path(QUERY_MIX[i % len(QUERY_MIX)]))
            except (OSError, http.client.HTTPException):
                status = 0
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=source)
            counts[number] += 1
            errors[number] += status != 200
            i += 1
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(HTTP_CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"requests": sum(counts), "errors": sum(errors), "requests_per_s": sum(counts) / elapsed,
            "clients": HTTP_CLIENTS}


# --- reporting -----------------------------------------------------------------------------


def ratios(result: dict) -> dict:
    ours, raw = result["engines"]["ours"], result["engines"]["raw_whoosh"]
    out = {
        "build_passages_per_s": ours["build"]["passages_per_s"] / raw["build"]["passages_per_s"],
        "build_peak_rss": ours["build"]["peak_rss_mib"] / raw["build"]["peak_rss_mib"],
        "search_p50": ours["search"]["p50_ms"] / raw["search"]["p50_ms"],
        "search_p95": ours["search"]["p95_ms"] / raw["search"]["p95_ms"],
        "http_p50_vs_raw_search": ours["http"]["p50_ms"] / raw["search"]["p50_ms"],
        "http_p95_vs_raw_search": ours["http"]["p95_ms"] / raw["search"]["p95_ms"],
        "http_rps_vs_raw_single_thread_qps": ours["http"]["requests_per_s"] / (1000 / raw["search"]["mean_ms"]),
    }
    if "tantivy" in result["engines"]:
        tv = result["engines"]["tantivy"]
        out["tantivy_build_passages_per_s"] = tv["build"]["passages_per_s"] / raw["build"]["passages_per_s"]
        out["tantivy_search_p95"] = tv["search"]["p95_ms"] / raw["search"]["p95_ms"]
    return out


def budget(result: dict) -> dict:
    ours, raw = result["engines"]["ours"], result["engines"]["raw_whoosh"]
    return {
        "build_at_least_raw_whoosh": ours["build"]["passages_per_s"] >= raw["build"]["passages_per_s"],
        "search_p95_at_most_100ms": ours["search"]["p95_ms"] <= BUDGET["search_p95_ms"],
        "highlight_at_most_a_third": ours["search"]["highlight_share"] <= BUDGET["highlight_share"],
        "incremental_add_under_1s": ours["incremental_add_s"] < BUDGET["incremental_add_s"],
        "http_at_least_100_rps": ours["http"]["requests_per_s"] >= BUDGET["http_rps"],
        "http_zero_errors": ours["http"]["errors"] == 0,
    }


def render(result: dict) -> str:
    e = result["engines"]
    rows = [f"## {result['size']:,} passages ({result['articles']:,} articles), {result['date']}", "",
            "| figure | ours | raw Whoosh | ratio ours/raw |" + (" tantivy |" if "tantivy" in e else ""),
            "| --- | ---: | ---: | ---: |" + (" ---: |" if "tantivy" in e else "")]

    def row(name, key, fmt, ratio=None):
        ours, raw = _dig(e["ours"], key), _dig(e["raw_whoosh"], key)
        line = f"| {name} | {fmt.format(ours)} | {fmt.format(raw)} | {'' if ratio is None else f'{ratio:.2f}'} |"
        if "tantivy" in e:
            line += f" {fmt.format(_dig(e['tantivy'], key))} |"
        return line

    r = result["ratios"]
    rows += [
        row("build: passages/s", "build.passages_per_s", "{:,.0f}", r["build_passages_per_s"]),
        row("build: peak RSS (MiB)", "build.peak_rss_mib", "{:,.0f}", r["build_peak_rss"]),
        row("build: largest worker process's peak RSS (MiB)", "build.worker_peak_rss_mib", "{:,.0f}"),
        row("search p50 (ms), 10 hits highlighted", "search.p50_ms", "{:.1f}", r["search_p50"]),
        row("search p95 (ms)", "search.p95_ms", "{:.1f}", r["search_p95"]),
    ]
    http = e["ours"]["http"]
    rows += [
        f"| highlight share of search time | {e['ours']['search']['highlight_share']:.0%} | | | ",
        f"| incremental add of one article (s) | {e['ours']['incremental_add_s']:.2f} | | | ",
        f"| HTTP /api/search p50 / p95 (ms) | {http['p50_ms']:.1f} / {http['p95_ms']:.1f} | | "
        f"{r['http_p50_vs_raw_search']:.2f} / {r['http_p95_vs_raw_search']:.2f} (vs raw search) |",
        f"| HTTP throughput, {http['clients']} clients (req/s) | {http['requests_per_s']:.0f} "
        f"({http['errors']} errors) | | {r['http_rps_vs_raw_single_thread_qps']:.2f} (vs raw single-thread q/s) |",
        "",
        "Budget: " + ", ".join(f"{k} {'met' if v else 'MISSED'}" for k, v in result["budget"].items()),
        "",
    ]
    return "\n".join(rows)


def _dig(data: dict, dotted: str):
    for key in dotted.split("."):
        data = data[key]
    return data


if __name__ == "__main__":
    sys.exit(main())
