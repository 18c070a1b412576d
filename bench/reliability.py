"""Reliability figures: what survives kills, races, hostile queries and huge articles.

    .venv/bin/python -m bench.reliability            # 20 kills, 60 adds, 20k passages: ~10 minutes
    .venv/bin/python -m bench.reliability --quick    # smaller, for a smoke run

Prints, and writes to bench/results/reliability.json:
- SIGKILLs survived out of N: parallel rebuilds killed at random moments after their workers
  start (alternately the main process and its whole group); survived = no process left, no
  staging folder left, the next run completes and the index is whole;
- concurrent adds lost out of N: N adds from 3 processes × 6 threads, in groups of six sharing
  a file name; lost = an add whose reported file does not hold its text, or that is not indexed;
- the worst latency of a fixed list of hostile queries through HTTP;
- a cheap query's p95 through HTTP when idle and under 4 and 8 clients sending hostile
  queries back to back (from 127.0.0.1; the cheap client is another address, 127.0.0.2, as a
  journalist is not the attacker: per-client fairness is part of what is measured);
- tagging time for 2k, 8k and 32k-line articles (bench/tagging_scale.py).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

from bench.generate import generate_corpus
from bench.server import CLI, REPO, start_server
from bench.tagging_scale import SHAPES, tagging_seconds
from indexer.build import build_index
from indexer.reference import REFERENCE_FILES
from indexer.search import IndexReader, SearchRequest

HOSTILE = [
    " OR ".join(f"{chr(c)}*" for c in range(97, 123)),  # every prefix of one letter
    "a" * 500,  # a long word: spelling correction compares it with every term
    "(*a*)", "*a*", "text:?a*", "s* AND t*", "text:[a TO z]",
    "(" * 10_000 + "putin" + ")" * 10_000, "x" * 100_000,
    " ".join(f"word{n}" for n in range(80)),
    '"the summit of the leaders of the states in the capital"',
]
CHEAP = "/api/search?q=sanctions&per_page=10"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 kills, 18 adds, 5k passages, 2k/8k lines")
    args = parser.parse_args(argv)
    kills, adds, passages = (5, 18, 5_000) if args.quick else (20, 60, 20_000)
    sizes = (2_000, 8_000) if args.quick else (2_000, 8_000, 32_000)
    with tempfile.TemporaryDirectory(prefix="reliability-") as work:
        work = Path(work)
        corpus = generate_corpus(work / "corpus", passages).directory
        for name in REFERENCE_FILES:
            (corpus / name).write_bytes((REPO / "corpus" / name).read_bytes())
        index = work / "index"
        build_index(corpus, index, parallel=True)
        result = {
            "passages": passages,
            "kills": sigkills(corpus, index, kills),
            "adds": concurrent_adds(work, adds),
            "queries": hostile_queries(corpus, index),
            "tagging": {shape: {str(n): round(tagging_seconds(n, shape), 3) for n in sizes} for shape in SHAPES},
        }
    out = REPO / "bench" / "results" / "reliability.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(render(result))
    return 0


# --- kills ---------------------------------------------------------------------------------


def sigkills(corpus: Path, index: Path, n: int) -> dict:
    expected = _total(index)
    rng, survived, failures = random.Random(7), 0, []
    for kill in range(n):
        process = subprocess.Popen([*CLI, "index", "--rebuild", "--corpus", str(corpus), "--index", str(index)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                                   cwd=REPO)
        while len(group_members(process.pid)) < 2 and process.poll() is None:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 4.0))
        (os.killpg if kill % 2 else os.kill)(process.pid, signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 30
        while group_members(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = group_members(process.pid)
        next_run = subprocess.run([*CLI, "index", "--corpus", str(corpus), "--index", str(index)],
                                  capture_output=True, text=True, cwd=REPO)
        staging = [p.name for p in index.parent.iterdir() if p.name.startswith(f".{index.name}.")
                   and not p.name.endswith(".lock")]
        ok = not left and next_run.returncode == 0 and not staging and _total(index) == expected
        survived += ok
        if not ok:
            failures.append({"kill": kill, "processes_left": len(left), "staging": staging,
                             "next_run": next_run.stderr.strip()[-300:]})
        for pid in left:  # do not let one failure spoil the next
            os.kill(pid, signal.SIGKILL)
    return {"survived": survived, "of": n, "failures": failures}


def group_members(group: int) -> list[int]:
    """Living (not zombie) processes of a process group, read from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                members.append(int(entry.name))
    return members


def _total(index: Path, text: str = "") -> int:
    with IndexReader(index) as reader:
        return reader.search(SearchRequest(text))["passages"]


# --- adds ----------------------------------------------------------------------------------

# Adds the files named on stdin (one JSON list per process) from six threads at once, and
# prints what each add reported. The processes load the reference data, say they are ready,
# and start together when told to go, so that the adds really overlap.
ADDER = """
import json, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from indexer.adding import add_articles
from indexer.reference_toml import load_reference
from indexer.tagging import Tagger
corpus, index, gate = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
files = [Path(p) for p in json.loads(sys.stdin.readline())]
tagger = Tagger(load_reference(corpus))
(gate / f"ready-{sys.argv[4]}").touch()
while not (gate / "go").exists():
    time.sleep(0.01)
def add(path):
    try:
        (r,), _ = add_articles(corpus, index, [path], wait=600, tagger=tagger)
        return {"source": str(path), "stored_as": r.stored_as, "error": r.error,
                "duplicate_of": r.duplicate_of, "indexed": r.indexed}
    except Exception as exc:
        return {"source": str(path), "stored_as": None, "error": repr(exc), "duplicate_of": None,
                "indexed": False}
with ThreadPoolExecutor(6) as pool:
    print(json.dumps(list(pool.map(add, files))))
"""


def run_concurrent_adds(corpus: Path, index: Path, batches: list[list[str]], gate: Path) -> tuple[list[dict], float]:
    """One process per batch, all adding at once (`gate` is an empty folder for the start
    signal): what each add reported, and the seconds from the start to the last answer."""
    runs = []
    for number, batch in enumerate(batches):
        run = subprocess.Popen([*CLI[:1], "-c", ADDER, str(corpus), str(index), str(gate), str(number)], cwd=REPO,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        run.stdin.write(json.dumps(batch) + "\n")
        run.stdin.flush()
        runs.append(run)
    while len(list(gate.glob("ready-*"))) < len(batches):
        if any(run.poll() is not None for run in runs):
            raise RuntimeError(f"an add process died before it was ready: {runs[0].stderr.read()[-500:]}")
        time.sleep(0.05)
    started = time.perf_counter()
    (gate / "go").touch()
    results = []
    for run in runs:
        out, err = run.communicate(timeout=1800)
        if run.returncode:
            raise RuntimeError(f"an add process failed: {err[-500:]}")
        results += json.loads(out)
    return results, time.perf_counter() - started


def concurrent_adds(work: Path, n: int, processes: int = 3) -> dict:
    from indexer.search import read_state

    corpus = work / "adds-corpus"
    corpus.mkdir()
    for name in REFERENCE_FILES:
        (corpus / name).write_bytes((REPO / "corpus" / name).read_bytes())
    index = work / "adds-index"
    build_index(corpus, index)
    texts, batches = {}, [[] for _ in range(processes)]
    for k in range(n):
        source = work / "uploads" / str(k) / f"same{k // 6}.txt"
        source.parent.mkdir(parents=True)
        texts[str(source)] = f"date: 2024-10-08\n\nThe CIS summit in Moscow heard delegate {k}; marker{k:04d}.\n"
        source.write_text(texts[str(source)])
        batches[k % processes].append(str(source))
    (work / "gate").mkdir()
    results, seconds = run_concurrent_adds(corpus, index, batches, work / "gate")
    indexed = {a.file for a in read_state(index).articles.values()}
    lost = [r for r in results if not r["stored_as"] or not (corpus / r["stored_as"]).exists()
            or (corpus / r["stored_as"]).read_text() != texts[r["source"]] or r["stored_as"] not in indexed]
    return {"lost": len(lost), "of": n, "distinct_names": len({r["stored_as"] for r in results}),
            "seconds": round(seconds, 1), "errors": sorted({r["error"] for r in results if r["error"]})}


# --- queries -------------------------------------------------------------------------------


def hostile_queries(corpus: Path, index: Path) -> dict:
    server, port = start_server(corpus, index)
    try:
        worst = {}
        for text in HOSTILE:
            started = time.perf_counter()
            status = _get(port, f"/api/search?q={quote(text)}")
            worst[text[:40]] = {"seconds": round(time.perf_counter() - started, 3), "status": status}
        result = {"hostile": worst, "worst_seconds": max(w["seconds"] for w in worst.values()),
                  "statuses": sorted({w["status"] for w in worst.values()})}
        _warm(port)
        for clients in (0, 4, 8):
            result[f"cheap_p95_with_{clients}_hostile"] = _cheap_under_load(port, clients)
        return result
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()


def _warm(port: int) -> None:
    """Every server thread opens its own index reader on its first request (tens of ms): warm
    them all, so the idle figure is the steady state and not eight cold starts."""
    for _ in range(3):
        threads = [threading.Thread(target=_get, args=(port, CHEAP)) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


def _cheap_under_load(port: int, clients: int, samples: int = 60) -> dict:
    stop = threading.Event()
    statuses: dict[int, int] = {}

    def hostile(number: int) -> None:
        while not stop.is_set():
            status = _get(port, f"/api/search?q={quote(HOSTILE[number % 3])}")
            statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=hostile, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(1.0 if clients else 0)
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        status = _get(port, CHEAP, source="127.0.0.2")  # the journalist is not the attacker
        times.append(time.perf_counter() - started if status == 200 else float("inf"))
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    times.sort()
    return {"p95_ms": round(times[int(0.95 * (len(times) - 1))] * 1000, 1),
            "p50_ms": round(times[len(times) // 2] * 1000, 1), "hostile_statuses": statuses}


def _get(port: int, path: str, timeout: float = 300, source: str = "127.0.0.1") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()


# --- report --------------------------------------------------------------------------------


def render(result: dict) -> str:
    q, kills, adds = result["queries"], result["kills"], result["adds"]
    idle = q["cheap_p95_with_0_hostile"]["p95_ms"]
    lines = [
        f"passages: {result['passages']}",
        f"SIGKILLs survived: {kills['survived']} of {kills['of']}",
        f"concurrent adds lost or overwritten: {adds['lost']} of {adds['of']} ({adds['seconds']} s)",
        f"worst hostile query: {q['worst_seconds']:.2f} s (statuses {q['statuses']})",
    ]
    lines += [f"  {text!r}: {w['seconds']:.3f} s, {w['status']}" for text, w in q["hostile"].items()]
    for clients in (0, 4, 8):
        cheap = q[f"cheap_p95_with_{clients}_hostile"]
        lines.append(f"cheap query p95 with {clients} hostile clients: {cheap['p95_ms']} ms "
                     f"({cheap['p95_ms'] / idle:.1f} × idle; hostile answers {cheap['hostile_statuses']})")
    for shape, times in result["tagging"].items():
        sizes = sorted(times, key=int)
        base = times[sizes[0]] / int(sizes[0])
        per_line = ", ".join(f"{n}: {times[n]:.2f} s ({times[n] / int(n) / base:.2f})" for n in sizes)
        lines.append(f"tagging, {shape}: {per_line}  (time per line ÷ at {sizes[0]})")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
