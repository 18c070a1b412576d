"""Tagging costs what an article's length costs (issue 11, point 6), checked by counting work,
never by timing: lines of the tagger run, paragraphs visited, block numbers compared, name
lookups made. Each count must grow at most linearly: four times the text, at most 4.5 times the
work (quadratic code gives 10 to 16 times at these sizes).

Timings are `python -m bench.tagging_scale`'s job; the texts here are written for these tests.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

import indexer
from bench.tagging_scale import article_text
from indexer.attribution import Attributor
from indexer.corpus import read_article
from indexer.dates import find_dates
from indexer.passage_cuts import MAX_PARAGRAPH_CHARS

INDEXER = str(Path(indexer.__file__).resolve().parent)
LINEAR = 4.5  # work allowed for four times the text


def lines_run(call, under: str = INDEXER) -> int:
    """Lines of Python executed under `under` while `call()` runs (generator expressions too,
    so a look-back written as `any(... for ...)` is counted per step)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def trace(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(under) else None

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


def read(text: str, name: str = "scale.txt"):
    return read_article(Path(name), text.encode("utf-8"))


def grows_linearly(work, n: int) -> tuple[int, int]:
    small, large = work(n), work(4 * n)
    assert 0 < large <= LINEAR * small, f"work {small} for {n} grew to {large} for {4 * n}"
    return small, large


# --- whole articles ------------------------------------------------------------------------


def test_each_paragraph_is_read_for_names_once_however_long_the_article(tagger, monkeypatch):
    """Summit inference and attribution both ask about every paragraph; a long article must not
    outgrow the answers kept between them and be read twice."""
    calls = []
    find = tagger.resolver._find
    monkeypatch.setattr(tagger.resolver, "_find", lambda text: calls.append(text) or find(text))

    def lookups(n: int) -> int:
        calls.clear()
        lines = [f"Putin met the {word} delegation in Minsk to talk about trade." for word in _words(n)]
        tagger.tag(read("CIS summit in Minsk\n\n" + "\n".join(lines)))
        return len(calls)

    small, large = lookups(150), lookups(1200)
    assert large <= 8 * 1.1 * small


def test_attribution_visits_the_paragraphs_after_a_quote_once(tagger):
    """The look-ahead for the paragraph after an utterance took a slice of all the rest."""

    def visits(n: int) -> int:
        paragraphs = _Counting(read("\n".join(f"“We agree on item {i},” Putin said." for i in range(n))).paragraphs)
        Attributor(tagger.resolver).attribute(paragraphs, None, None)
        return paragraphs.visits

    grows_linearly(visits, 200)


def test_headings_are_placed_with_each_block_number_compared_a_few_times(tagger):
    """Whether paragraphs run as lines in blocks was decided by counting each block's
    paragraphs in a list of all of them."""

    def comparisons(n: int) -> int:
        article = read("\n\n".join(f"Putin said item {i} was agreed." for i in range(n)))
        paragraphs = tuple(dataclasses.replace(p, block=_Block(p.block)) for p in article.paragraphs)
        _Block.compared = 0
        tagger.tag(dataclasses.replace(article, paragraphs=paragraphs))
        return _Block.compared

    assert comparisons(800) <= 800


def test_repeated_lines_get_numbered_ids_without_trying_every_number_before(tagger):
    text = "Summit in Minsk\n\n" + "\n".join(["Putin said the talks went well."] * 6)
    ids = [p.id for p in tagger.tag(read(text, "same.txt")).passages[1:]]
    assert ids[1:] == [f"{ids[0]}-{n}" for n in range(2, 7)]
    grows_linearly(lambda n: lines_run(
        lambda: tagger.tag(read("\n".join(["Putin said the talks went well."] * n)))), 150)


def test_the_last_head_of_state_named_is_found_without_rereading_every_name(tagger):
    """"The Head of State", with no outlet and no head of state yet, looked back over every
    name the article had given."""
    text = "\n".join(["Lavrov spoke to Peskov in Minsk.", "The Head of State was not there."] * 2)
    assert [p.speakers for p in tagger.tag(read(text)).passages] == [()] * 4

    def work(n: int) -> int:
        text = "\n".join(["Lavrov spoke to Peskov in Minsk.", "The Head of State was not there."] * n)
        return lines_run(lambda: tagger.tag(read(text)), under=INDEXER + "/attribution")

    grows_linearly(work, 100)


def test_dates_are_checked_against_those_found_in_one_pass():
    text = "On 10 October 2024 the leaders met, and on Friday they spoke again. "
    assert [d.text for d in find_dates(text)] == ["10 October 2024", "on Friday"]
    grows_linearly(lambda n: lines_run(lambda: find_dates(text * n)), 100)


def test_titles_before_unknown_names_are_checked_by_bisection(tagger):
    text = "Kremlin aide Ivan Sidorov met Putin. "
    assert [r.surface for r in tagger.resolver.find(text)] == ["Putin"]
    grows_linearly(lambda n: lines_run(lambda: tagger.resolver._find(text * n)), 100)


# --- one paragraph too long to read whole --------------------------------------------------

SENTENCE = "“We agree on the {0} plan,” Putin said. Lukashenko noted that {0} is next. "  # 85 characters


def _long_line(sentences: int) -> str:
    return "".join(SENTENCE.format(word) for word in _words(sentences)).rstrip()


def test_a_paragraph_too_long_to_read_whole_is_reported(tagger):
    line = _long_line(400)
    assert len(line) == 33_999 > MAX_PARAGRAPH_CHARS
    tagged = tagger.tag(read(f"Summit in Minsk\n\n{line}\n"))
    assert "passage 1: paragraph is 33,999 characters long (line breaks lost?); cut into 2 pieces of at most " \
           "20,000 characters to find speakers" in tagged.problems


def test_a_long_line_is_tagged_as_its_pieces_would_be_on_lines_of_their_own(tagger):
    """Cut at the last sentence end that fits: 235 pairs of sentences of 85 characters (the last
    space left out), as the next sentence ends past 20,000."""
    line = _long_line(400)
    cut = 235 * 85 - 1
    assert line[cut] == " " and cut <= MAX_PARAGRAPH_CHARS < line.index(" Lukashenko", cut)
    whole = tagger.tag(read(f"Summit in Minsk\n\n{line}\n", "whole.txt"))
    pieces = tagger.tag(read(f"Summit in Minsk\n\n{line[:cut]}\n{line[cut + 1:]}\n", "whole.txt"))
    assert whole.passages == pieces.passages
    assert {s for p in whole.passages for s in p.speakers} == {"vladimir-putin", "aleksandr-lukashenko"}
    assert [p for p in whole.problems if "cut into 2 pieces" not in p] == list(pieces.problems)
    assert len(whole.problems) == len(pieces.problems) + 1


def test_reading_the_benchmarks_single_line_grows_linearly(tagger):
    """`bench.tagging_scale`'s article on one line: quotes, names and cues, and no line break."""
    grows_linearly(lambda n: lines_run(lambda: tagger.tag(read(article_text(n, "single")))), 120)


@pytest.mark.parametrize("unit", [
    SENTENCE.format("trade"),
    "Putin said and Lukashenko noted and ",  # one run-on sentence: no full stop to cut at
])
def test_reading_one_long_line_grows_linearly(tagger, unit):
    grows_linearly(lambda n: lines_run(lambda: tagger.tag(read(f"Summit in Minsk\n\n{unit * n}end.\n"))),
                   MAX_PARAGRAPH_CHARS // len(unit))


# --- helpers -------------------------------------------------------------------------------


def _words(n: int) -> list[str]:
    """n different made-up words of eight letters, so that no two lines are the same."""
    syllables = ["ka", "lo", "mi", "ta", "ve", "os", "ri", "du", "be", "an"]
    return ["".join(syllables[int(d)] for d in f"{i:04d}") for i in range(n)]


class _Counting(Sequence):
    """Paragraphs that count how many of them attribution touches (a slice touches all it copies)."""

    def __init__(self, items):
        self.items, self.visits = tuple(items), 0

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index):
        found = self.items[index]
        self.visits += len(found) if isinstance(index, slice) else 1
        return found


class _Block(int):
    """A block number that counts how often it is compared for equality."""

    compared = 0

    def __eq__(self, other) -> bool:
        _Block.compared += 1
        return int(self) == int(other)

    __hash__ = int.__hash__
