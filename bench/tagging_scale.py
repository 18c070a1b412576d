"""Does tagging time grow with an article's length, or faster? (issue 11, point 6)

`python -m bench.tagging_scale [--sizes 2000 8000 32000] [--repeat 3]` tags synthetic articles of
each size in three shapes and prints the time per size and the time per line against the
smallest size: a ratio near 1.0 is linear; 4.0 at four times the lines is quadratic. The shapes
are the ones a hostile or careless paste produces: thousands of one-line paragraphs in one run
(quotes, leaders' names, speech cues, transcript labels, quotes running on), the same as
paragraphs between blank lines (so headings and many blocks), and everything on one line.

`tagging_seconds` is what the reliability benchmark calls: it writes no file and prints nothing.
The text is built here, not drawn from any real article, and is the same on every run.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from functools import lru_cache
from pathlib import Path

import indexer
from indexer.corpus import read_article
from indexer.reference_toml import load_reference
from indexer.tagging import Tagger

REPO = Path(indexer.__file__).resolve().parent.parent
SHAPES = ("lines", "blocks", "single")
SIZES = (2_000, 8_000, 32_000)
SEED = 11
LEADERS = ["Vladimir Putin", "Putin", "Alexander Lukashenko", "Lukashenko", "Kassym-Jomart Tokayev",
           "Shavkat Mirziyoyev", "Ilham Aliyev", "Nikol Pashinyan", "Sadyr Japarov", "Emomali Rahmon"]
ROLES = ["the Russian President", "the Kazakh leader", "the Head of State", "the Belarusian President"]
VERBS = ["said", "noted", "stressed", "added", "remarked"]
TOPICS = ["trade", "security", "the budget", "migration", "energy prices", "the customs rules", "culture"]
CITIES = ["Minsk", "Dushanbe", "Bishkek", "Ashgabat", "Moscow"]
DAYS = ["on Friday", "yesterday", "on 10 October 2024", "on October 11", "in 2024"]
# Each template is one line of copy: {s} a speaker, {q} a clause in the first person, {w} a
# made-up word, so that lines rarely repeat (a repeated line is cheap: its names are cached).
TEMPLATES = [
    '"We will keep talking about {t} with the {w} partners," {s} {v}.',
    '“The work on {t} in {w} is not finished yet,” {s} {v} {d}.',
    "{s} {v} that the talks on {t} in {c} had gone well for {w}.",
    "{s} met the {w} delegation in {c} {d} to discuss {t}.",
    '"{q} in {w}," he {v}.',
    "“{q},” {r} {v} of the {w} plan.",
    "According to {s}, {t} comes first for {w} this year.",
    "{S}: {q}, and {w} is ready for it.",
    '"{q}. We expect more from {w} next year,',
    '"There is more to do on {t}," {s} {v} in {w}.',
    "The leaders also discussed {t} and signed the {w} documents.",
    "Speaking about {t}, {s} praised the hosts in {c} and {w}.",
]
CLAUSES = ["We have done a lot together", "Our countries trust each other", "I am sure we will agree",
           "This matters for every family", "We share a long history"]
SYLLABLES = ["ka", "lo", "mir", "ta", "ven", "os", "ri", "dus", "bel", "an", "or", "ku", "zhi", "nor", "pel"]


def article_text(lines: int, kind: str, seed: int = SEED) -> str:
    """A synthetic article of `lines` paragraphs in shape `kind` (see SHAPES)."""
    if kind not in SHAPES:
        raise ValueError(f"unknown shape {kind!r}; known: {', '.join(SHAPES)}")
    rng = random.Random(seed)
    body = []
    for n in range(lines):
        if kind == "blocks" and n and n % 40 == 0:
            body.append(f"Talks on {rng.choice(TOPICS)} in {rng.choice(CITIES)}")  # a heading
            continue
        speaker = rng.choice(LEADERS)
        body.append(rng.choice(TEMPLATES).format(
            s=speaker, S=speaker, v=rng.choice(VERBS), t=rng.choice(TOPICS), c=rng.choice(CITIES),
            d=rng.choice(DAYS), q=rng.choice(CLAUSES), r=rng.choice(ROLES),
            w="".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))))
    headline = "Leaders of the CIS meet at the summit in Dushanbe"
    separator = {"lines": "\n", "blocks": "\n\n", "single": " "}[kind]
    return f"{headline}\n\n{separator.join(body)}\n"


@lru_cache(maxsize=1)
def _tagger() -> Tagger:
    """Built and warmed once per process: the first article tagged pays for lazy imports (the
    relative-date parser) and caches, which would flatter every ratio against the smallest size."""
    tagger = Tagger(load_reference(REPO / "corpus"))
    tagger.tag(read_article(Path("warm-up.txt"), article_text(50, "lines").encode("utf-8")))
    return tagger


def tagging_seconds(lines: int, kind: str, repeat: int = 1) -> float:
    """Seconds to read and tag one synthetic article (best of `repeat`), as the indexer does
    (`build._tag_one`); the tagger is built once per process and not counted."""
    data = article_text(lines, kind).encode("utf-8")
    tagger = _tagger()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        tagger.tag(read_article(Path(f"scale-{kind}-{lines}.txt"), data))
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    print(f"{'shape':<8}" + "".join(f"{n:>10,} lines" for n in sizes) + "   per-line ratio vs smallest")
    for kind in args.shapes:
        times = [tagging_seconds(n, kind, args.repeat) for n in sizes]
        ratios = [(t / n) / (times[0] / sizes[0]) for t, n in zip(times, sizes, strict=True)]
        print(f"{kind:<8}" + "".join(f"{t:>14.2f} s" for t in times)
              + "   " + " ".join(f"{r:.2f}" for r in ratios), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
