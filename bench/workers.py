"""What a second worker buys: `summit-search serve --workers 1` (waitress, one process) against
`--workers 2` (gunicorn, two processes), under the same load from wrk.

The load generator is not Python on purpose: a Python client competes with the server for the
interpreter's attention on the same cores and tops out near the rates it is meant to measure.
wrk sends the query mix of bench/run.py through /api/search, each of `--connections` keep-alive
connections going straight to its next request, all from one address, so the server runs with
no per-client search limit (webapp/fairness.py).

    python -m bench.workers --size 100000 [--seconds 20] [--connections 8] [--corpus DIR] [--index DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from bench.generate import generate_corpus
from bench.memory import process_tree, tree_memory
from bench.run import QUERY_MIX, machine
from bench.server import CLI, REPO, health, start_server

WORKER_COUNTS = (1, 2)
WARM_SECONDS = 3  # every thread of every worker opens its readers and fills its caches first
START_SECONDS = 600  # bound on waiting for a server to answer /healthz (a 100k index opens in seconds)

# One request after another, cycling through the mix; done() hands the figures back as JSON, p95
# included (wrk's --latency table has 50/75/90/99). errors.status counts answers of 400 and up.
# per_page cycles through 100 values, so the mix is 1,200 distinct requests cycling: more than
# the 256 answers a generation remembers in each worker, so every answer is built anew (what
# the mix matched is still remembered: indexer/search/generation.py).
WRK_SCRIPT = """
local paths = {PATHS}
local i = 0
local n = 0
request = function()
  i = i % #paths + 1
  if i == 1 then n = n + 1 end
  return wrk.format("GET", paths[i] .. "&per_page=" .. (1 + n % 100))
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, '
    .. '"non_2xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.status, e.connect, e.read, e.write, e.timeout))
end
"""


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if shutil.which("wrk") is None:
        sys.exit("bench.workers needs wrk on the PATH (Debian: apt-get install wrk)")
    with tempfile.TemporaryDirectory(prefix="bench-workers-") as work:
        work = Path(work)
        corpus = Path(args.corpus) if args.corpus else work / "corpus"
        if not corpus.is_dir():
            print(f"generating {args.size:,} passages into {corpus} …", file=sys.stderr, flush=True)
            generate_corpus(corpus, args.size)
        index = Path(args.index) if args.index else work / "index"
        print(f"indexing {corpus} into {index} …", file=sys.stderr, flush=True)
        built = subprocess.run([*CLI, "index", "--corpus", str(corpus), "--index", str(index)], cwd=REPO,
                               capture_output=True, text=True)  # the generated corpus's warnings are expected
        if built.returncode:
            sys.exit(f"summit-search index failed:\n{built.stderr[-2000:]}")
        script = work / "mix.lua"
        script.write_text(WRK_SCRIPT.replace("PATHS", ", ".join(json.dumps(_path(q)) for q in QUERY_MIX)))
        runs = {str(w): measure(w, corpus, index, script, args) for w in WORKER_COUNTS}
    one, two = runs["1"], runs["2"]
    result = {"size": args.size, "passages": two["passages"], "date": dt.date.today().isoformat(),
              "machine": machine(), "seconds": args.seconds, "connections": args.connections, "runs": runs,
              "ratio_2_over_1": {key: two[key] / one[key] for key in ("requests_per_s", "p50_ms", "p95_ms", "rss_mib")}}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"workers-{args.size}.json").write_text(json.dumps(result, indent=2))
    print(render(result))
    return 0


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.workers", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="passages to generate")
    parser.add_argument("--seconds", type=int, default=20, help="length of each wrk run")
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections")
    parser.add_argument("--corpus", help="a corpus folder to reuse (generated there if missing)")
    parser.add_argument("--index", help="an index folder to reuse (brought up to date with the corpus)")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results"), help="where JSON goes")
    return parser.parse_args(argv)


def _path(query: dict) -> str:
    return "/api/search?" + urlencode({k: v for k, v in query.items() if k != "kind" and v}, doseq=True)


def measure(workers: int, corpus: Path, index: Path, script: Path, args) -> dict:
    print(f"serving with {workers} worker(s) …", file=sys.stderr, flush=True)
    server, port = start_server(corpus, index, "--workers", str(workers),
                                env={"SUMMIT_SEARCH_SEARCHES_PER_CLIENT": "0"})
    try:
        answer = health(port, START_SECONDS)
        url = f"http://127.0.0.1:{port}/"
        _wrk(url, script, args.connections, WARM_SECONDS)
        cpu_before = _cpu_seconds(server.pid)
        figures = _wrk(url, script, args.connections, args.seconds)
        figures["server_cores_busy"] = (_cpu_seconds(server.pid) - cpu_before) / args.seconds
        figures.update(tree_memory(server.pid))
        figures.update(workers=workers, server="waitress" if workers == 1 else "gunicorn",
                       passages=answer["passages"])
        return figures
    finally:
        server.terminate()
        server.wait(timeout=60)
        server.stdout.close()


def _wrk(url: str, script: Path, connections: int, seconds: int) -> dict:
    """One wrk thread: a few hundred requests a second take a fraction of a core, and every
    other core is the server's."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency",
               "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    raw = json.loads(output.split("RESULT ", 1)[1])
    return {"requests": raw["requests"], "requests_per_s": raw["requests"] / (raw["duration_us"] / 1e6),
            "p50_ms": raw["p50_us"] / 1000, "p95_ms": raw["p95_us"] / 1000, "non_2xx": raw["non_2xx"],
            "socket_errors": {k: raw[k] for k in ("connect", "read", "write", "timeout")}}


def _stat(pid: int) -> list[str]:
    """/proc/PID/stat after the command name: [1] is the parent, [11] and [12] user and system ticks."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _cpu_seconds(root: int) -> float:
    ticks = 0
    for pid in process_tree(root):
        try:
            ticks += sum(int(t) for t in _stat(pid)[11:13])
        except (OSError, IndexError):
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def render(result: dict) -> str:
    rows = [f"## `serve --workers` at {result['passages']:,} passages, {result['date']} "
            f"({result['machine']['cpus']} cores; wrk, {result['connections']} connections, {result['seconds']} s)",
            "", "| workers | server | requests/s | p50 (ms) | p95 (ms) | non-2xx | socket errors | processes "
            "| RSS (MiB) | PSS (MiB) | server's busy cores |",
            "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for run in result["runs"].values():
        rows.append(f"| {run['workers']} | {run['server']} | {run['requests_per_s']:,.0f} | {run['p50_ms']:.1f} "
                    f"| {run['p95_ms']:.1f} | {run['non_2xx']} | {sum(run['socket_errors'].values())} "
                    f"| {run['processes']} | {run['rss_mib']:,.0f} | {run['pss_mib']:,.0f} "
                    f"| {run['server_cores_busy']:.2f} |")
    r = result["ratio_2_over_1"]
    rows += ["", f"2 ÷ 1: requests/s {r['requests_per_s']:.2f}, p50 {r['p50_ms']:.2f}, p95 {r['p95_ms']:.2f}, "
                 f"RSS {r['rss_mib']:.2f}", ""]
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
