"""What a user of a running server meets: memory after many requests, the first request after
start and after a new index generation, and a cheap search while others send slow ones.

    python -m bench.serving --corpus DIR --index DIR [--workers 1] [--threads 8] [--requests 1000]

The index must exist (build it with `summit-search index`). Every request is different, so
no figure comes from the answer cache: the words are read from the index's own vocabulary.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import random
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from .memory import tree_memory
from .server import CLI, health, start_server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serving", description=__doc__)
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--index", required=True, type=Path)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--hostile", type=int, default=4, help="clients sending slow searches")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    result = run(args)
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2))
    return 0


def run(args) -> dict:
    words = _words(args.index)
    rng = random.Random(7)
    rng.shuffle(words)
    server, port = _start(args)
    try:
        result = {"workers": args.workers, "threads": args.threads}
        result["first_request_ms"] = _timed(port, _cheap(words.pop()))
        warm = [_timed(port, _cheap(words.pop())) for _ in range(30)]
        result["warm_request_ms"] = percentiles(warm)
        for n in range(args.requests):
            _timed(port, _mixed(words, rng, n))
        memory = tree_memory(server.pid)
        result["memory_after_requests"] = {"requests": args.requests, **memory}
        idle = [_timed(port, _cheap(words.pop())) for _ in range(60)]
        result["cheap_idle_ms"] = percentiles(idle)
        result["cheap_under_load_ms"], result["slow_query_ms"] = _under_load(port, words, args.hostile)
        result["cheap_under_load_vs_idle_p95"] = round(result["cheap_under_load_ms"]["p95"]
                                                       / result["cheap_idle_ms"]["p95"], 2)
        result["first_after_new_generation_ms"] = _after_new_generation(args, port, words)
        return result
    finally:
        server.terminate()
        server.wait(timeout=60)


def percentiles(samples_ms: list[float]) -> dict:
    ordered = sorted(samples_ms)
    return {"p50": round(ordered[len(ordered) // 2], 1),
            "p95": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1),
            "samples": len(ordered)}


def _words(index: Path) -> list[str]:
    """Words in 3–5,000 passages: cheap, and each a different request."""
    from indexer.search import IndexReader

    with IndexReader(index) as reader:
        vocabulary = reader.gen.vocabulary(reader.searcher)
        return [w for w, n in vocabulary.frequency.items() if 3 <= n <= 5000 and w.isalpha()]


def _cheap(word: str) -> str:
    return f"/api/search?q={quote(word)}"


def _mixed(words: list[str], rng: random.Random, n: int) -> str:
    """Words, pairs, phrases, prefixes, facets and pages, as a day of users would send."""
    word, other = words.pop(), words.pop()
    return rng.choice([f"/api/search?q={word}", f"/api/search?q={word}+{other}",
                       f"/api/search?q=%22{word}+{other}%22", f"/api/search?q={word[:4]}*",
                       f"/api/search?q={word}&speaker=vladimir-putin", f"/api/search?q={word}&page=2",
                       f"/search?q={word}+OR+{other}", f"/api/search?q=&page={n % 40 + 1}"])


def _slow(word: str) -> str:
    """The slowest kind found: a phrase matched position by position, OR-ed with a very
    common word (scored everywhere), different every time so no cache helps."""
    return f"/api/search?q=%22Russian+language%22+OR+state+OR+{quote(word)}"


def _hostile(port: int, words: list[str], stop, times) -> None:
    for word in words:
        if stop.is_set():
            return
        times.append(_timed(port, _slow(word), source="127.0.0.1"))


def _under_load(port: int, words: list[str], clients: int) -> tuple[dict, dict]:
    """Cheap searches from another address while `clients` processes send slow ones."""
    manager = multiprocessing.Manager()
    stop, slow_times = manager.Event(), manager.list()
    hostile = [multiprocessing.Process(target=_hostile, args=(port, [words.pop() for _ in range(200)], stop,
                                                                  slow_times)) for _ in range(clients)]
    for process in hostile:
        process.start()
    time.sleep(2)
    cheap = []
    for _ in range(60):
        cheap.append(_timed(port, _cheap(words.pop()), source="127.0.0.2"))
        time.sleep(0.05)
    stop.set()
    for process in hostile:
        process.join(timeout=120)
    return percentiles(cheap), percentiles(list(slow_times) or [0.0])


def _after_new_generation(args, port: int, words: list[str]) -> float:
    """Add one article, wait until the server reports the new generation, time a fresh search."""
    before = health(port)["generation"]
    article = args.corpus / "bench-serving-new.txt"
    article.write_text("date: 2024-10-08\n\nVladimir Putin said trade would grow.\n", encoding="utf-8")
    try:
        subprocess.run([*CLI, "index", "--corpus", str(args.corpus), "--index", str(args.index)],
                       check=True, capture_output=True)
        deadline = time.monotonic() + 60
        while health(port)["generation"] == before and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2)  # the follower's poll and warm-up
        return _timed(port, _cheap(words.pop()))
    finally:
        article.unlink()
        subprocess.run([*CLI, "index", "--corpus", str(args.corpus), "--index", str(args.index)],
                       check=True, capture_output=True)


def _start(args):
    return start_server(args.corpus, args.index, "--workers", str(args.workers), "--threads", str(args.threads),
                        env={"SUMMIT_SEARCH_SEARCHES_PER_CLIENT": "0"})


def _timed(port: int, path: str, source: str = "127.0.0.1") -> float:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300, source_address=(source, 0))
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    sys.exit(main())
