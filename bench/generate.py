"""A deterministic corpus of realistic articles for benchmarks, in the real article format.

Sentences come from the bundled articles, recombined and sprinkled with a Zipf-distributed
tail of made-up words (so the vocabulary grows like a real one); speakers are the leaders in
office on each summit's date, quoted in the styles the tagger knows (direct quotes before and
after attribution, reported speech, quotes running over two paragraphs), under section headings;
most articles carry a metadata header, the rest leave date and summit to inference. With
`--russian SHARE`, that share of the articles is Russian (bench/russian_articles.py); without it
the corpus is byte for byte what it was.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from indexer.corpus import list_article_files, read_article
from indexer.names import NameResolver
from indexer.reference import REFERENCE_FILES
from indexer.reference_toml import load_reference

from .russian_articles import RussianArticleWriter

REPO = Path(__file__).resolve().parent.parent
SEED_CORPUS = REPO / "corpus"
SYLLABLES = ["ka", "lo", "mir", "ta", "ven", "os", "ri", "dus", "bel", "an", "or", "ku", "zhi", "sta", "nor",
             "pel", "gra", "vi", "te", "mon", "ush", "ar", "ek", "lin"]
TAIL_WORDS = 20_000
ZIPF_EXPONENT = 1.1
SPEECH_VERBS = ["said", "noted", "stressed", "emphasised", "remarked", "stated"]
REPORTED = ["stressed that", "noted that", "is convinced that", "emphasised that", "said that"]


MANIFEST = "bench-corpus.json"  # not a .txt file: the indexer never reads it


@dataclass(frozen=True)
class GeneratedCorpus:
    directory: Path
    articles: int
    passages: int


def generate_corpus(directory: Path, passages: int, seed: int = 2024, russian: float = 0.0) -> GeneratedCorpus:
    """Write about `passages` passages (one per line, headings included) into `directory`.

    Each article goes to disk as soon as it is made, so a million passages take no more
    memory than a thousand; a manifest records what was made, for `bench.run --corpus`."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    for name in REFERENCE_FILES:
        shutil.copy(SEED_CORPUS / name, directory / name)
    rng = random.Random(seed)
    writer = _ArticleWriter(rng)
    # the Russian articles draw from their own stream, so the English ones' draws stay as they were
    ru_rng = random.Random(seed + 1)
    ru_writer = RussianArticleWriter(ru_rng, writer.reference, writer._leaders_on, writer.outlets) if russian else None
    written = articles = 0
    while written < passages:
        if ru_writer and ru_rng.random() < russian:
            text, count = ru_writer.article(min(ru_rng.randint(8, 20), passages - written))
        else:
            text, count = writer.article(min(rng.randint(8, 20), passages - written))
        (directory / f"gen_{articles:06d}.txt").write_text(text, encoding="utf-8")
        written += count
        articles += 1
    (directory / MANIFEST).write_text(json.dumps({"passages": written, "articles": articles, "seed": seed,
                                                  **({"russian": russian} if russian else {})}))
    return GeneratedCorpus(directory, articles, written)


def existing_corpus(directory: Path) -> GeneratedCorpus:
    """A corpus generated earlier (by `python -m bench.generate`), reused as it is."""
    manifest = directory / MANIFEST
    if manifest.is_file():
        made = json.loads(manifest.read_text())
        return GeneratedCorpus(directory, made["articles"], made["passages"])
    articles = list_article_files(directory)
    return GeneratedCorpus(directory, len(articles), 0)  # passages unknown: the builds count them


class _ArticleWriter:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.reference = load_reference(SEED_CORPUS)
        self.resolver = NameResolver(self.reference)
        self.sentences = _seed_sentences()
        self.tail = [_pseudo_word(rng) for _ in range(TAIL_WORDS)]
        # cumulative once: random.choices would add up 20,000 weights on every call (the same
        # draws either way, so the corpus stays byte for byte what it was)
        self.tail_cumulative = list(itertools.accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(TAIL_WORDS)))
        self.summits = sorted(self.reference.summits.values(), key=lambda s: s.date)
        self.topics = [t.label for t in self.reference.topics.values()]
        self.outlets = [o for c in self.reference.countries.values() for o in c.outlets[:1]]

    def article(self, lines: int) -> tuple[str, int]:
        rng = self.rng
        summit = rng.choice(self.summits)
        speakers = self._leaders_on(summit) or ["Vladimir Putin"]
        header = rng.random() < 0.7
        out = []
        if header:
            out.append(f"title: {self._sentence(6)}\ndate: {summit.date.isoformat()}\n"
                       f"source: {rng.choice(self.outlets)}\nsummit: {summit.id}\n")
        out.append(self._sentence(7).rstrip(".") + "\n")  # headline
        count = 1
        city = summit.city or "a video conference"
        out.append(f"The CIS summit in {city} in {summit.date.year} {self._sentence(12).lower()}\n")
        count += 1
        while count < lines:
            if rng.random() < 0.12:
                out.append(f"On {rng.choice(self.topics).lower()} and {self._words(2)}\n")
            else:
                out.append(self._paragraph(rng.choice(speakers)) + "\n")
            count += 1
        return "\n".join(out), count

    def _paragraph(self, speaker: str) -> str:
        rng, style = self.rng, self.rng.random()
        if style < 0.3:
            return f"“{self._sentence(18)} {self._sentence(12)},” {speaker} {rng.choice(SPEECH_VERBS)}."
        if style < 0.5:
            return f"{speaker} {rng.choice(SPEECH_VERBS)}, “{self._sentence(20)}”"
        if style < 0.65:
            return f"{speaker} {rng.choice(REPORTED)} {self._sentence(22)[0].lower()}{self._sentence(22)[1:]}"
        return " ".join(self._sentence(rng.randint(10, 24)) for _ in range(rng.randint(1, 3)))

    def _sentence(self, words: int) -> str:
        mixed = self.rng.choice(self.sentences).split()[:words]
        for word in self.rng.choices(self.tail, cum_weights=self.tail_cumulative, k=max(2, words // 4)):
            mixed.insert(self.rng.randrange(1, len(mixed) + 1), word)
        text = " ".join(mixed).rstrip(".,;:")
        return text[0].upper() + text[1:] + "."

    def _words(self, n: int) -> str:
        return " ".join(self.rng.choices(self.tail, cum_weights=self.tail_cumulative, k=n))

    def _leaders_on(self, summit) -> list[str]:
        names = []
        for country in self.reference.countries:
            names += [self.reference.people[p].name for p in self.resolver.holders("leader", country, summit.date)]
        return names


def _seed_sentences() -> list[str]:
    """Plain sentences (no quote marks or brackets) from the bundled articles."""
    sentences = []
    for path in list_article_files(SEED_CORPUS):
        for paragraph in read_article(path).paragraphs:
            if paragraph.kind != "body":
                continue
            for sentence in re.split(r"(?<=[.!?])\s+", paragraph.text):
                clean = re.sub(r"[“”\"«»\[\]]", "", sentence).strip()
                if len(clean.split()) >= 6:
                    sentences.append(clean)
    return sentences


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=generate_corpus.__doc__)
    parser.add_argument("directory", type=Path, help="emptied first")
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--russian", type=float, default=0.0, help="share of articles in Russian, 0 to 1")
    args = parser.parse_args(argv)
    if not 0 <= args.russian <= 1:
        parser.error("--russian must be between 0 and 1")
    started = time.perf_counter()
    made = generate_corpus(args.directory, args.passages, args.seed, args.russian)
    print(f"{made.passages:,} passages in {made.articles:,} articles written to {made.directory} "
          f"in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
