"""Ours alone on an index already built, at any size (a million passages: see bench/README.md).

    python -m bench.scale --index DIR [--repeat 5] [--out FILE.json]

Per query class (query_classes.py), p50/p95 of an uncached search through the search layer;
then a repeated identical request (answered from the generation's cache), the time to warm a
generation, and the process's memory once warm. Raw Whoosh and tantivy are left out: building
their indexes at a million passages would take longer than everything else together.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .engines import OursSearcher
from .query_classes import PER_PAGE, QUERY_CLASSES, percentiles

TARGET_P95_MS = 400.0  # the bound at a million passages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__)
    parser.add_argument("--index", required=True, type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    result = measure(args.index, args.repeat)
    print(render(result))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2))
    return 0


def measure(index: Path, repeat: int) -> dict:
    started = time.perf_counter()
    ours = OursSearcher(index)
    ours.reader.warm()
    result = {"passages": ours.reader.passages, "warm_seconds": time.perf_counter() - started,
              "memory_when_warm": _memory(), "classes": []}
    try:
        for spec in QUERY_CLASSES:
            total = ours.run({**spec, "page": 1})  # the first, uncounted
            page = spec.get("page", 1)
            if page > 1:
                page = max(1, min(page, -(-total // PER_PAGE)))
            spec = {**spec, "page": page}
            samples = []
            for _ in range(repeat):
                began = time.perf_counter()
                ours.run(spec)
                samples.append(time.perf_counter() - began)
            result["classes"].append({"name": spec["name"], "q": spec["q"], "page": page, "hits": total,
                                      "partial": ours.partial, **percentiles(samples)})
        result["repeated_request"] = _repeated(ours)
        result["memory_after_classes"] = _memory()
    finally:
        ours.close()
    return result


def _repeated(ours: OursSearcher) -> dict:
    """The same request again and again, as a popular query or a page reload sends it."""
    from indexer.search import SearchRequest

    request = SearchRequest("cooperation", ("vladimir-putin",))
    ours.reader.search(request)
    samples = []
    for _ in range(200):
        began = time.perf_counter()
        ours.reader.search(request)
        samples.append(time.perf_counter() - began)
    return percentiles(samples)


def _memory() -> dict:
    values = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Anonymous"):
            values[key.lower() + "_mib"] = round(int(rest.split()[0]) / 1024, 1)
    return values


def render(result: dict) -> str:
    rows = [f"Ours alone at {result['passages']:,} passages: warm in {result['warm_seconds']:.1f} s, "
            f"memory when warm {result['memory_when_warm']}, after the classes {result['memory_after_classes']}",
            "", "| class | query | p50 / p95 (ms) | hits | p95 ≤ 400 ms |", "| --- | --- | ---: | ---: | --- |"]
    for c in result["classes"]:
        query = (c["q"] or "(empty)") + (f", page {c['page']}" if c["page"] > 1 else "")
        hits = f"{c['hits']:,}" + (" (partial)" if c["partial"] else "")
        verdict = "met" if c["p95_ms"] <= TARGET_P95_MS else "**missed**"
        rows.append(f"| {c['name']} | `{query}` | {c['p50_ms']:.1f} / {c['p95_ms']:.1f} | {hits} | {verdict} |")
    r = result["repeated_request"]
    rows += ["", f"Repeated identical request: p50 {r['p50_ms']:.3f} ms, p95 {r['p95_ms']:.3f} ms.", ""]
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
