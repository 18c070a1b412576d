"""One quote, many outlets: the same remark written up in three styles groups under one quote id."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from whoosh import index

from indexer.quotes import MIN_WORDS, QuoteGrouper, quote_tokens
from indexer.search import whoosh_fixes  # noqa: F401 - as the writer opens indexes
from indexer.search.duplicates import QuoteCopies
from indexer.search.schema import make_schema

REMARK = ("The sanctions imposed on our countries have failed, and trade between us has grown by a tenth "
          "this year. We will keep building our own payment systems.")

WIRE = f"""title: Putin: sanctions against the Commonwealth have failed
date: 2024-10-08
source: TASS
summit: 2024-moscow

MOSCOW, October 8. The Western restrictions have not stopped trade inside the Commonwealth, the Russian leader believes.

Vladimir Putin said: «{REMARK}»

The summit continues on Wednesday.
"""

ARGUING = "arguing that the West had misjudged the region."
FEATURE = f"""title: In Moscow, a summit of defiance
date: 2024-10-09
source: BelTA

The leaders gathered in a hall decorated with flags, and the mood was one of quiet defiance.

“{REMARK.replace("systems.", "systems,")}” Vladimir Putin told reporters after the talks, {ARGUING}

Other leaders were more cautious.
"""

TRANSCRIPT = f"""title: Meeting of the CIS Council of Heads of State
date: 2024-10-08
source: kremlin.ru

Vladimir Putin: {REMARK}

Vladimir Putin: Thank you very much, colleagues.
"""

OTHER_REMARK = ("Vladimir Putin said: «We will keep supplying gas to our partners in the Commonwealth at fair "
                "prices, and we are ready to build new pipelines this year.»")
RUSSIAN = ("Владимир Путин заявил: «Санкции, введённые против наших стран, провалились, а торговля между нами "
           "выросла в этом году на десятую часть. Мы продолжим строить собственные платёжные системы.»")


def speaking(article):
    return [p for p in article.passages if p.speakers]


@pytest.fixture
def three_styles(tag_text):
    """The remark's passage in each write-up, as the tagger splits and credits it."""
    found = []
    for text in (WIRE, FEATURE, TRANSCRIPT):
        quoted = [p for p in tag_text(text).passages if "payment systems" in p.text]
        assert len(quoted) == 1
        found.append(quoted[0])
    return found


def test_the_same_remark_in_three_styles_has_the_same_tokens(three_styles):
    assert [p.speakers for p in three_styles] == [("vladimir-putin",)] * 3
    tokens = [quote_tokens(p.text, p.speakers) for p in three_styles]
    assert len(tokens[0]) == 8
    assert all(t.startswith("vladimir-putin~") for t in tokens[0])
    assert tokens[0] == tokens[1] == tokens[2]


def test_the_three_styles_get_one_quote_id_and_the_rest_their_own(tag_text):
    grouper = QuoteGrouper(lambda tokens: None)
    assigned = []  # (passage, quote id) in the order the writer would add them
    for name, text in (("wire", WIRE), ("feature", FEATURE), ("transcript", TRANSCRIPT)):
        for passage in tag_text(text, name=f"{name}.txt").passages:
            assigned.append((passage, grouper.assign(passage.id, quote_tokens(passage.text, passage.speakers))))
    remark = [(p.id, quote_id) for p, quote_id in assigned if "payment systems" in p.text]
    wire_id = remark[0][0]
    assert wire_id.startswith("wire-")
    assert [p.split("-")[0] for p, _ in remark] == ["wire", "feature", "transcript"]
    assert [quote_id for _, quote_id in remark] == [wire_id] * 3
    assert [quote_id == p.id for p, quote_id in assigned if "payment systems" not in p.text] == [True] * 5
    # groups: the remark, and the wire's opening (Putin's view in the wire's own words)
    assert [(p.id.split("-")[0], p.speakers) for p, _ in assigned if quote_tokens(p.text, p.speakers)] == [
        ("wire", ("vladimir-putin",)), ("wire", ("vladimir-putin",)), ("feature", ("vladimir-putin",)),
        ("transcript", ("vladimir-putin",))]
    assert len(grouper) == 2


def test_punctuation_and_quote_styles_do_not_matter():
    styles = [
        f"Putin said: «{REMARK}»",
        f"“{REMARK}” Putin said.",
        f'"{REMARK}" Putin said.',
        f"‘{REMARK.replace('.', ';')}’, Putin said.",
        f"Putin said: „{REMARK.upper()}“",
        f"Vladimir Putin (via video link): {REMARK.replace(',', ' —')}",
    ]
    tokens = [quote_tokens(text, ["vladimir-putin"]) for text in styles]
    assert all(t == tokens[0] for t in tokens)


def test_a_different_remark_of_the_same_speaker_is_another_quote():
    remark = quote_tokens(f"Vladimir Putin said: «{REMARK}»", ["vladimir-putin"])
    other = quote_tokens(OTHER_REMARK, ["vladimir-putin"])
    assert len(other) == 8
    assert set(remark).isdisjoint(other)


def test_the_same_words_of_another_speaker_are_another_quote(tag_text):
    lukashenko = speaking(tag_text(f"source: BelTA\n\nAleksandr Lukashenko said: «{REMARK}»\n"))
    assert [p.speakers for p in lukashenko] == [("aleksandr-lukashenko",)]
    theirs = quote_tokens(lukashenko[0].text, lukashenko[0].speakers)
    ours = quote_tokens(f"Vladimir Putin said: «{REMARK}»", ["vladimir-putin"])
    assert len(theirs) == 8
    assert set(theirs).isdisjoint(ours)
    grouper = QuoteGrouper(lambda tokens: None)
    assert grouper.assign("putin-1", ours) == "putin-1"
    assert grouper.assign("lukashenko-1", theirs) == "lukashenko-1"


def test_a_translation_is_not_a_copy():
    russian = quote_tokens(RUSSIAN, ["vladimir-putin"])
    assert len(russian) == 8
    assert set(russian).isdisjoint(quote_tokens(f"Vladimir Putin said: «{REMARK}»", ["vladimir-putin"]))


def test_a_passage_without_a_speaker_or_with_a_commonplace_has_no_tokens(tag_text):
    narration = tag_text("source: TASS\n\nThe sanctions imposed on the countries of the region have failed to "
                         "stop trade, which has grown by a tenth this year.\n").passages
    assert [(p.speakers, quote_tokens(p.text, p.speakers)) for p in narration] == [((), [])]
    assert quote_tokens(REMARK, []) == []
    assert quote_tokens("Vladimir Putin: Thank you very much, colleagues.", ["vladimir-putin"]) == []
    assert len("thank you very much colleagues".split()) < MIN_WORDS
    grouper = QuoteGrouper(lambda tokens: None)
    assert grouper.assign("a-1", []) == "a-1"
    assert grouper.assign("b-1", []) == "b-1"
    assert len(grouper) == 0


def test_a_copy_of_an_indexed_quote_takes_its_id_from_the_lookup():
    asked = []

    def lookup(tokens):
        asked.append(tokens)
        return "old-article-1234abcd" if tokens[0].startswith("vladimir-putin~") else None

    tokens = quote_tokens(f"Vladimir Putin said: «{REMARK}»", ["vladimir-putin"])
    other = quote_tokens(OTHER_REMARK, ["aleksandr-lukashenko"])
    grouper = QuoteGrouper(lookup)
    assert grouper.assign("new-1", tokens) == "old-article-1234abcd"
    assert grouper.assign("new-2", tokens) == "old-article-1234abcd"  # from this run: no second lookup
    assert grouper.assign("new-3", other) == "new-3"
    assert grouper.assign("new-4", other) == "new-3"
    assert asked == [tokens, other]


def test_a_passage_matching_two_groups_joins_the_older_one():
    grouper = QuoteGrouper(lambda tokens: None)
    assert grouper.assign("p-1", ["s~0~aa", "s~1~bb"]) == "p-1"
    assert grouper.assign("p-2", ["s~0~cc", "s~1~dd"]) == "p-2"
    assert grouper.assign("p-3", ["s~0~cc", "s~1~bb"]) == "p-1"
    assert grouper.assign("p-4", ["s~0~cc"]) == "p-2"  # a token keeps the group it was first seen in


def test_tokens_are_the_same_in_another_process():
    code = ("import json, sys; from indexer.quotes import quote_tokens; "
            "print(json.dumps(quote_tokens(sys.argv[1], ['vladimir-putin', 'aleksandr-lukashenko'])))")
    text = f"Vladimir Putin said: «{REMARK}»"
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True, env=env,
                              check=True)
        runs.append(json.loads(done.stdout))
    assert runs[0] == runs[1] == quote_tokens(text, ["vladimir-putin", "aleksandr-lukashenko"])
    assert len(runs[0]) == 16


def small_index(tmp_path):
    """Three commits (segments): the middle one holds an article record with no quote id; one
    copy is deleted afterwards."""
    ix = index.create_in(str(tmp_path), make_schema())
    commits = [
        [("a-1", "a-1"), ("a-2", "a-2"), ("a-3", "a-3")],
        [("article:b", None)],
        [("b-1", "a-1"), ("b-2", "b-2"), ("c-1", "a-2"), ("c-2", "a-1"), ("c-3", "c-3")],
    ]
    for passages in commits:
        writer = ix.writer()
        for pid, quote_id in passages:
            fields = {"id": pid, "doctype": "article" if quote_id is None else "passage"}
            if quote_id:
                fields["quote_id"] = quote_id
            writer.add_document(**fields)
        writer.commit(merge=False)
    return ix


def test_quote_copies_collapse_list_and_count(tmp_path):
    ix = small_index(tmp_path)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        assert [d["id"] for d in reader.all_stored_fields()] == [
            "a-1", "a-2", "a-3", "article:b", "b-1", "b-2", "c-1", "c-2", "c-3"]
        copies = QuoteCopies.of(reader)
    # docnums: a-1 0, a-2 1, a-3 2, article:b 3, b-1 4, b-2 5, c-1 6, c-2 7, c-3 8
    assert len(copies) == 2
    assert list(copies.group) == [1, 2, 0, 0, 1, 0, 2, 1, 0]
    assert copies.members == [(), (0, 4, 7), (1, 6)]
    assert copies.copies(0) == [4, 7]
    assert copies.copies(7) == [0, 4]
    assert copies.copies(6) == [1]
    assert copies.copies(2) == []
    assert copies.copies(3) == []
    assert copies.collapse([7, 6, 0, 5, 1, 4, 8], 10) == [7, 6, 5, 8]
    assert copies.collapse([7, 6, 0, 5, 1, 4, 8], 2) == [7, 6]
    assert copies.collapse(iter([2, 4, 0]), 5) == [2, 4]
    assert copies.distinct(frozenset(range(9))) == 6  # 2, 3, 5, 8 alone; two quotes
    assert copies.distinct(frozenset({0, 4, 2})) == 2
    assert copies.distinct(frozenset({4, 6})) == 2
    assert copies.distinct(frozenset()) == 0


def test_a_deleted_copy_leaves_its_quote_alone(tmp_path):
    ix = small_index(tmp_path)
    writer = ix.writer()
    writer.delete_by_term("id", "c-1")
    writer.commit(merge=False)
    with ix.searcher() as searcher:
        copies = QuoteCopies.of(searcher.reader())
    assert copies.members == [(), (0, 4, 7)]
    assert copies.copies(1) == []
    assert copies.collapse([1, 6, 0, 4], 10) == [1, 6, 0]
    assert copies.distinct(frozenset({0, 1, 4, 7})) == 2


def test_an_index_without_copies_passes_everything_through(tmp_path):
    ix = index.create_in(str(tmp_path), make_schema())
    with ix.writer() as writer:
        for n in range(4):
            writer.add_document(id=f"p-{n}", doctype="passage", quote_id=f"p-{n}")
    with ix.searcher() as searcher:
        copies = QuoteCopies.of(searcher.reader())
    assert len(copies) == 0
    assert list(copies.group) == [0, 0, 0, 0]
    assert copies.collapse(range(4), 3) == [0, 1, 2]
    assert copies.distinct(frozenset({1, 3})) == 2
