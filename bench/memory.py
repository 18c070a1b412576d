"""Peak memory of a process together with its workers, sampled from /proc.

A build forks a tagging pool and Whoosh writer processes, so no single process's peak says
what the machine must hold: `ru_maxrss` gives the largest one alone (and, on Linux, a forked
child's includes what it inherited). This sums the resident memory of a process and all its
descendants at each sample. Two sums: RSS, which counts a page shared after fork once per
process that maps it (what `ps` and most monitors add up), and PSS, which splits a shared
page between its sharers (what the processes really take from the machine).

    python -m bench.memory [--interval 0.5] [--out FILE.json] -- COMMAND ...
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def process_tree(root: int) -> list[int]:
    """A process, its children and theirs, from /proc."""
    children, found, todo = _children_map(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def tree_memory(root: int) -> dict:
    """A running process and its workers now, summed (MiB): RSS, PSS, and anonymous memory (the
    heap: RSS less mapped files, such as an index the kernel shares between processes)."""
    tree = process_tree(root)
    found = [m for m in (_smaps(pid) for pid in tree) if m]
    return {"processes": len(tree), **{f"{key.lower()}_mib": round(sum(m.get(key, 0) for m in found) / 1024, 1)
                                       for key in ("Rss", "Pss", "Anonymous")}}


def _smaps(pid: int) -> dict[str, int] | None:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    values = {}
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Pss", "Anonymous"):
            values[key] = int(rest.split()[0])
    return values


def _rss_pss_kib(pid: int) -> tuple[int, int] | None:
    values = _smaps(pid)
    return None if values is None else (values.get("Rss", 0), values.get("Pss", 0))


class TreeSampler:
    """Samples a process tree in a thread until stopped; the peaks are sums over the tree."""

    def __init__(self, root: int, interval: float = 0.5):
        self.root, self.interval = root, interval
        self.peak_rss_kib = self.peak_pss_kib = self.peak_processes = self.samples = 0
        self.peak_single_rss_kib = 0
        # seconds, processes, RSS, PSS (KiB), and [pid, RSS, PSS] of each process
        self.timeline: list[tuple[float, int, int, int, list[list[int]]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._started = time.monotonic()

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(self.interval):
                return

    def sample(self) -> None:
        rss = pss = count = 0
        each = []
        for pid in process_tree(self.root):
            figures = _rss_pss_kib(pid)
            if figures is None:
                continue
            rss, pss, count = rss + figures[0], pss + figures[1], count + 1
            each.append([pid, *figures])
            self.peak_single_rss_kib = max(self.peak_single_rss_kib, figures[0])
        self.samples += 1
        self.timeline.append((round(time.monotonic() - self._started, 2), count, rss, pss, each))
        if rss > self.peak_rss_kib:
            self.peak_rss_kib, self.peak_processes = rss, count
        self.peak_pss_kib = max(self.peak_pss_kib, pss)

    def figures(self) -> dict:
        return {"peak_rss_sum_mib": self.peak_rss_kib / 1024, "peak_pss_sum_mib": self.peak_pss_kib / 1024,
                "peak_single_rss_mib": self.peak_single_rss_kib / 1024, "processes_at_peak": self.peak_processes,
                "samples": self.samples}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--out", type=Path, help="write the figures and the timeline here as JSON")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    started = time.perf_counter()
    process = subprocess.Popen(command)
    with TreeSampler(process.pid, args.interval) as sampler:
        returncode = process.wait()
    figures = {"command": command, "returncode": returncode, "seconds": time.perf_counter() - started,
               **sampler.figures()}
    print(json.dumps(figures), file=sys.stderr)
    if args.out:
        args.out.write_text(json.dumps({**figures, "timeline": sampler.timeline}))
    return returncode


if __name__ == "__main__":
    sys.exit(main())
