"""Tagging speed alone: articles and passages tagged per second, with no index.

`python -m bench.tagging [--size 10000] [--corpus DIR ...] [--repeat 3]` tags a generated corpus
(and any real article folders given) in one process and prints the best of `repeat` runs, so two
versions of the tagger can be compared on one noisy machine by running this file against each
(`PYTHONPATH=<other checkout> python bench/tagging.py`). The indexer's build time includes this;
here it is measured apart from Whoosh.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import indexer
from indexer.reference_toml import load_reference
from indexer.tagging import Tagger

REPO = Path(indexer.__file__).resolve().parent.parent  # the checkout whose tagger is measured


def tag_all(tagger: Tagger, files: list[Path]) -> tuple[float, int]:
    start = time.perf_counter()
    passages = sum(len(tagger.tag_file(path).passages) for path in files)
    return time.perf_counter() - start, passages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="passages to generate (0: none)")
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="real article folders too")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    tagger = Tagger(load_reference(REPO / "corpus"))
    with tempfile.TemporaryDirectory() as work:
        sets = {}
        if args.size:
            from bench.generate import generate_corpus
            generated = Path(work) / "generated"
            generate_corpus(generated, args.size)
            sets[f"generated {args.size}"] = sorted(generated.glob("*.txt"))
        for folder in args.corpus:
            sets[str(folder)] = sorted(folder.glob("*.txt"))
        for name, files in sets.items():
            runs = [tag_all(tagger, files) for _ in range(args.repeat)]
            seconds, passages = min(runs)
            print(f"{name}: {len(files)} articles, {passages} passages in {seconds:.2f} s: "
                  f"{len(files) / seconds:.1f} articles/s, {passages / seconds:.0f} passages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
