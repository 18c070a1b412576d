from __future__ import annotations

import datetime as dt

from indexer.passage_cuts import MAX_PASSAGE_CHARS


def test_header_wins_over_inference(tag_text):
    article = tag_text(
        "title: Talks\ndate: 2018-09-28\nsource: TASS\nurl: https://example.org/a\nsummit: 2025-dushanbe\n"
        "language: en\n\nThe CIS summit in Dushanbe opened.\n"
    )
    assert (article.title, article.date, article.source, article.url, article.language, article.summit.id) == (
        "Talks", dt.date(2018, 9, 28), "TASS", "https://example.org/a", "en", "2025-dushanbe")
    assert article.problems == ()


def test_summit_by_label_in_header(tag_text):
    article = tag_text("summit: CIS summit, Astana 2022\n\nThe leaders met.\n")
    assert article.summit.id == "2022-astana"
    assert article.date == dt.date(2022, 10, 14)


def test_unknown_summit_and_bad_date_are_reported_and_inference_takes_over(tag_text):
    article = tag_text("summit: atlantis-1999\ndate: 13/10/2023\n\nThe CIS summit in Bishkek opened in 2023.\n")
    assert article.summit.id == "2023-bishkek"
    assert article.problems == (
        "date '13/10/2023' is not YYYY-MM-DD: ignored",
        "unknown summit 'atlantis-1999' (not in summits.toml): inferred from the text instead",
    )


def test_summit_city_narrowed_by_date_or_year(tag_text):
    assert tag_text("date: 2018-09-27\n\nThe CIS summit in Dushanbe opens tomorrow.\n").summit.id == "2018-dushanbe"
    assert tag_text("The CIS summit in Dushanbe in 2025 was the last.\n").summit.id == "2025-dushanbe"
    ambiguous = tag_text("The CIS summit in Dushanbe was a success.\n")
    assert ambiguous.summit is None
    assert ambiguous.problems == (
        "summit is ambiguous (2007-dushanbe, 2011-dushanbe, 2018-dushanbe, 2025-dushanbe): "
        "add a date: or summit: header",)


def test_summit_from_the_capital_named_by_its_demonym(tag_text):
    assert tag_text("The CIS leaders gathered in the Kyrgyz capital in 2016.\n").summit.id == "2016-bishkek"


def test_informal_summit_preferred_when_the_text_says_so(tag_text):
    article = tag_text("date: 2019-12-20\n\nThe informal summit of the CIS in Saint Petersburg began.\n")
    assert article.summit.id == "2019-st-petersburg-informal"


def test_no_summit_without_summit_context(tag_text):
    assert tag_text("The Dushanbe opera staged a new ballet.\n").summit is None


def test_long_paragraph_is_split_at_sentences_with_exact_offsets(tag_text):
    sentence = "Vladimir Putin said that the Commonwealth keeps developing its economic ties. "
    text = "date: 2023-10-13\n\n" + (sentence * 30).strip() + "\n"
    article = tag_text(text)
    assert len(article.passages) == 3
    source = text
    for passage in article.passages:
        assert len(passage.text) <= MAX_PASSAGE_CHARS
        assert passage.text.endswith("ties.")
        assert source[passage.start:passage.end] == passage.text
        assert passage.speakers == ("vladimir-putin",)
    assert " ".join(p.text for p in article.passages) == (sentence * 30).strip()


def test_passage_ids_are_stable_and_content_based(tag_text):
    first = tag_text("The leaders met.\n\nVladimir Putin said the talks went well.\n", name="same.txt")
    edited = tag_text("The leaders met in Minsk.\n\nVladimir Putin said the talks went well.\n", name="same.txt")
    assert first.passages[1].id == edited.passages[1].id == "same-e9636996"
    assert first.passages[0].id != edited.passages[0].id
    twice = tag_text("Trade grew.\n\nTrade grew.\n", name="twice.txt")
    assert [p.id for p in twice.passages] == ["twice-9dcba125", "twice-9dcba125-2"]


def test_topics_from_cues_with_prefix_wildcards(tag_text):
    article = tag_text("Vladimir Putin said the sanctions hit trade and investments.\n")
    assert article.passages[0].topics == ("economy-trade", "world-order-west")


def test_video_and_informal_summits_by_year_without_a_city(tag_text):
    assert tag_text("The CIS summit was held by video conference in 2021.\n").summit.id == "2021-video"
    assert tag_text("The informal summit of the CIS leaders in 2015 was short.\n").summit.id == (
        "2015-05-moscow-informal")
