"""Clues that tell the summit an article reports from the one it only mentions: an invitation or
a proposal names a coming meeting, a preview's dateline says when it was filed, a weekday beside
a day and month fixes the year, and a page's date may come glued to its time."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.dates import find_dates
from indexer.summit_cues import sentence_kind
from indexer.summits import SummitMatcher

from .conftest import infer, summit_of


@pytest.fixture(scope="module")
def matcher(reference):
    return SummitMatcher(reference)


@pytest.mark.parametrize("sentence", [
    "Путин пригласил лидеров стран СНГ на неформальную встречу в Петербург в декабре.",
    "Президент 10 октября пригласил глав государств — участников Содружества (СНГ) на неформальную встречу.",
    "«Был бы очень рад вас видеть в Петербурге в конце года на нашей неформальной встрече», — сказал он.",
    "Белорусская сторона предложила провести очередное заседание 15 октября 2021 года в Минске.",
    "Putin invited the CIS leaders to an informal meeting in St Petersburg in December.",
    "Belarus proposed to hold the next session in Minsk on 15 October 2021.",
])
def test_an_invitation_or_a_proposal_is_about_a_coming_meeting(sentence):
    assert sentence_kind(sentence, sentence.lower()) == "next"


def test_an_invitation_to_something_else_is_not(matcher):
    sentence = "Лидеры пригласили журналистов на брифинг после заседания."
    assert sentence_kind(sentence, sentence.lower()) == "this"


def test_an_invitation_at_a_summit_does_not_make_it_informal(matcher):
    # at the regular Dushanbe summit, an invitation to December's informal meeting
    text = ("ДУШАНБЕ, 10 октября 2025 года. Путин пригласил лидеров СНГ на неформальную встречу в Петербург в "
            "декабре.\nОб этом он сказал на заседании Совета глав государств СНГ в Душанбе.")
    assert summit_of(matcher, text) == "2025-dushanbe"


def test_a_proposed_date_for_the_next_summit_is_not_this_ones(matcher):
    text = ("18.12.2020 Саммит СНГ прошел в формате видеоконференции.\n"
            "Белорусская сторона предложила провести следующее заседание 15 октября 2021 года в Минске.")
    assert summit_of(matcher, text) == "2020-video"


@pytest.mark.parametrize(("text", "day"), [
    ("18.12.202015:28", dt.date(2020, 12, 18)),  # a page's date glued to its time
    ("15:58 пт, 11 октября, 2019", dt.date(2019, 10, 11)),  # a page's "day month, year"
])
def test_a_web_pages_date_stamp(text, day):
    assert [d.date for d in find_dates(text) if d.date] == [day]


def test_a_previews_dateline_gives_no_points_to_a_summit_near_it(matcher):
    # filed in Moscow two days before an informal Moscow meeting, about October's summit elsewhere
    match = infer(matcher, "Москва. 6 мая. INTERFAX - Следующий саммит СНГ пройдет в октябре 2015 года в Астане, "
                           "сообщил помощник президента.")
    assert match.summit is None
    assert not any("6 мая" in why and "2015-05-moscow-informal" in why for why in match.evidence)


def test_a_weekday_beside_a_day_and_month_picks_the_year(matcher):
    text = ("Путин на неформальном саммите СНГ пригласил коллегу с визитом в 2022 году. Об этом сообщили "
            "во вторник, 28 декабря.")
    match = infer(matcher, text)
    assert match.summit.id == "2021-st-petersburg-informal"  # 28 December 2021 was a Tuesday; 2022's a Wednesday
    assert "'28 декабря' was a Tuesday in 2021" in match.evidence


def test_the_same_text_without_the_weekday_leans_to_the_year_named(matcher):
    text = "Путин на неформальном саммите СНГ пригласил коллегу с визитом в 2022 году. Об этом сообщили 28 декабря."
    assert summit_of(matcher, text) != "2021-st-petersburg-informal"


@pytest.mark.parametrize(("text", "summit"), [
    ("Президент в феврале посетит Москву для участия в неформальном саммите СНГ.", "2008-moscow-informal"),
    ("Президент в июле посетит Москву для участия в неформальном саммите СНГ.", "2006-07-moscow-informal"),
    ("The president will travel to Moscow in February for an informal CIS summit.", "2008-moscow-informal"),
])
def test_a_month_with_no_year_tells_a_citys_summits_apart(matcher, text, summit):
    assert summit_of(matcher, text) == summit


def test_a_month_alone_chooses_no_summit(matcher):
    # a month says nothing of the city or year: among every summit held in February it cannot choose
    match = infer(matcher, "Президент в феврале примет участие в неформальном саммите СНГ.")
    assert match.summit is None


def test_the_same_text_without_the_month_chooses_none_of_the_citys_summits(matcher):
    assert summit_of(matcher, "Президент посетит Москву для участия в неформальном саммите СНГ.") is None


def test_a_dateline_days_before_the_meeting_it_announces_is_a_preview_of_it(matcher):
    # filed on 22 December about the meeting on the 28th: not the summit two days before the 22nd
    match = infer(matcher, "BAKU, Dec. 22\nThe informal summit of the CIS leaders, scheduled for December 28 in St. "
                           "Petersburg, is being prepared, Peskov said. The next summit will be held on October 14, "
                           "2022.")
    assert match.summit.id == "2021-st-petersburg-informal"
    assert any("the meeting it announces" in why for why in match.evidence)


def test_a_meeting_announced_for_long_after_the_dateline_is_another_one(matcher):
    match = infer(matcher, "BAKU, Dec. 22\nThe summit of the CIS leaders was held in St. Petersburg. The next one is "
                           "scheduled for March 28.")
    assert not any("the meeting it announces" in why for why in match.evidence)


def test_a_day_given_for_the_next_meeting_is_not_this_ones_anywhere(matcher):
    # the headline gives the next summit's day; the dateline and the body report the Moscow meeting
    text = ("Саммит СНГ пройдет в Астане 9 октября\nМИНСК, 8 мая – Sputnik. Следующая встреча лидеров стран СНГ "
            "состоится в столице Казахстана 9 октября.\n\"Девятое октября пусть остается?\" – уточнил Назарбаев на "
            "неформальном саммите, проходившем в пятницу в Москве.")
    assert summit_of(matcher, text) == "2015-05-moscow-informal"



@pytest.mark.parametrize("text", [
    "МИНСК, 10 октября\nСаммит СНГ прошел в Минске. Следующая встреча лидеров СНГ состоится 25 октября в Минске.",
    "MINSK, Oct. 10\nThe CIS summit took place. The leaders, who met in Minsk on October 10, agreed that the next "
    "summit will be held in Moscow.",
])
def test_a_report_of_a_held_summit_is_no_preview_and_keeps_its_dateline(matcher, text):
    assert summit_of(matcher, text) == "2014-minsk"


def test_a_month_in_a_sentence_about_the_past_is_no_clue(matcher):
    match = infer(matcher, "Саммит СНГ открылся в Москве\nЕще в январе министры иностранных дел согласовали "
                           "повестку встречи.")
    assert match.summit is None
