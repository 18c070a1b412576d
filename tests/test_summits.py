"""Summit inference against a small summits file written here, so that corrections to the
bundled one do not move these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.reference_toml import load_reference
from indexer.report import article_json, article_table
from indexer.summits import SummitMatcher
from indexer.tagging import Tagger

from .conftest import infer, make_corpus, summit_of

SUMMITS = """
[[summit]]
id = "2007-dushanbe"
label = "CIS summit, Dushanbe 2007"
city = "Dushanbe"
country = "tajikistan"
dates = [2007-10-05]
format = "regular"

[[summit]]
id = "2011-dushanbe"
label = "CIS summit, Dushanbe 2011"
city = "Dushanbe"
country = "tajikistan"
dates = [2011-09-03]
format = "regular"

[[summit]]
id = "2008-bishkek"
label = "CIS summit, Bishkek 2008"
city = "Bishkek"
country = "kyrgyzstan"
dates = [2008-10-10]
format = "regular"

[[summit]]
id = "2016-bishkek"
label = "CIS summit, Bishkek 2016"
city = "Bishkek"
country = "kyrgyzstan"
dates = [2016-09-16]
format = "regular"

[[summit]]
id = "2023-bishkek"
label = "CIS summit, Bishkek 2023"
city = "Bishkek"
country = "kyrgyzstan"
dates = [2023-10-13]
format = "regular"

[[summit]]
id = "2017-sochi"
label = "CIS summit, Sochi 2017"
city = "Sochi"
country = "russia"
dates = [2017-10-11]
format = "regular"

[[summit]]
id = "2013-minsk"
label = "CIS summit, Minsk 2013"
city = "Minsk"
country = "belarus"
dates = [2013-10-25]
format = "regular"

[[summit]]
id = "2014-minsk"
label = "CIS summit, Minsk 2014"
city = "Minsk"
country = "belarus"
dates = [2014-10-10]
format = "regular"

[[summit]]
id = "2019-st-petersburg-informal"
label = "Informal CIS summit, Saint Petersburg 2019"
city = "Saint Petersburg"
country = "russia"
dates = [2019-12-20]
format = "informal"

[[summit]]
id = "2021-st-petersburg-informal"
label = "Informal CIS summit, Saint Petersburg 2021"
city = "Saint Petersburg"
country = "russia"
dates = [2021-12-28]
format = "informal"

[[summit]]
id = "2023-st-petersburg-informal"
label = "Informal CIS summit, Saint Petersburg 2023"
city = "Saint Petersburg"
country = "russia"
dates = [2023-12-26]
format = "informal"

[[summit]]
id = "2020-video"
label = "CIS summit by video conference, 2020"
city = ""
country = "uzbekistan"
dates = [2020-12-18]
format = "video"

[[summit]]
id = "2021-video"
label = "CIS summit by video conference, 2021"
city = ""
country = "belarus"
dates = [2021-10-15]
format = "video"

[[city]]
name = "Saint Petersburg"
variants = ["St Petersburg", "St. Petersburg"]

[[city]]
name = "Astana"
variants = ["Nur-Sultan"]
"""


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    corpus = make_corpus(tmp_path_factory.mktemp("summits") / "corpus")
    (corpus / "summits.toml").write_text(SUMMITS, encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def matcher(small_corpus):
    return SummitMatcher(load_reference(small_corpus))




def test_full_date_in_the_dateline(matcher):
    match = infer(matcher, "Minsk, 10 October 2014 (Agency) -- The CIS summit opened.")
    assert match.summit.id == "2014-minsk"
    assert match.date == dt.date(2014, 10, 10)
    assert any("2014-10-10" in why for why in match.evidence)


def test_dateline_day_without_a_year_and_the_article_date_it_gives(matcher):
    match = infer(matcher, "MINSK, October 25. /Agency/. The CIS summit opened in Minsk.")
    assert (match.summit.id, match.date) == ("2013-minsk", dt.date(2013, 10, 25))


def test_day_and_month_in_the_body(matcher):
    assert summit_of(matcher, "The CIS summit took place in Minsk on 10 October.") == "2014-minsk"


def test_header_date_within_three_weeks(matcher):
    assert summit_of(matcher, "The CIS summit in Bishkek opens tomorrow.", dt.date(2016, 9, 14)) == "2016-bishkek"


def test_weekday_of_the_summit(matcher):
    assert summit_of(matcher, "The CIS summit in Dushanbe ended on Saturday.") == "2011-dushanbe"


def test_year_named(matcher):
    assert summit_of(matcher, "The CIS summit in Bishkek in 2016 was short.") == "2016-bishkek"


def test_year_named_as_the_coming_chairmanship(matcher):
    assert summit_of(matcher, "At the CIS summit in Minsk, Russia was chosen. It will chair in 2015.") == "2014-minsk"


def test_capital_named_by_its_demonym(matcher):
    assert summit_of(matcher, "The CIS leaders gathered in the Kyrgyz capital in 2023.") == "2023-bishkek"


def test_leader_named_in_office(matcher):
    match = infer(matcher, "Kyrgyz President Almazbek Atambayev welcomed the CIS leaders in Bishkek.")
    assert match.summit.id == "2016-bishkek"
    assert any("Atambayev" in why for why in match.evidence)


def test_president_out_of_office_rules_a_summit_out(matcher):
    assert summit_of(matcher, "President Dmitry Medvedev attended the CIS summit in Bishkek.") == "2008-bishkek"


def test_informal_cue(matcher):
    assert summit_of(matcher, "An informal CIS summit opened in Saint Petersburg in 2019.") == (
        "2019-st-petersburg-informal")


def test_video_cue_without_a_city(matcher):
    assert summit_of(matcher, "The CIS heads of state met by video conference in 2021.") == "2021-video"


def test_st_petersburg_spelling(matcher):
    assert summit_of(matcher, "St. Petersburg hosted an informal CIS summit in 2021.") == (
        "2021-st-petersburg-informal")


def test_dateline_city_is_not_the_venue(matcher):
    match = infer(matcher, "MOSCOW, December 28 (Agency) - The informal CIS summit in St Petersburg opened.")
    assert match.summit.id == "2021-st-petersburg-informal"


def test_two_summits_left_means_none_and_a_problem_naming_both(matcher):
    match = infer(matcher, "The CIS summit in Minsk was a success.")
    assert match.summit is None
    assert "2013-minsk" in match.problem and "2014-minsk" in match.problem
    assert "2013-minsk, 2014-minsk fit the evidence equally" in match.evidence[0]


def test_next_venue_is_not_the_summit_reported(matcher):
    text = ("The CIS summit opened in Bishkek on Friday in 2023. "
            "The leaders agreed that the next summit will be held in Minsk on October 10.")
    assert summit_of(matcher, text) == "2023-bishkek"


def test_the_date_of_the_next_meeting_rules_it_and_later_ones_out(matcher):
    text = ("Belarus will chair the Commonwealth in 2021, the Council of CIS Heads of State decided today. "
            "The next meeting of the Council will be held on October 15, 2021 in Minsk.")
    assert summit_of(matcher, text) == "2020-video"


def test_heads_of_government_meeting_is_not_a_summit(matcher):
    match = infer(matcher, "The CIS Council of Heads of Government met in Minsk on October 25.")
    assert match.summit is None and match.problem is None
    assert "heads-of-government" in match.evidence[0]


@pytest.mark.parametrize("text", [
    "At the CIS summit the leaders agreed that Russia takes over the chair of the Commonwealth in 2017.",
    "The CIS heads of state met. Russia will chair the Commonwealth in 2017.",
    "The CIS leaders signed four documents. The 2017 summit will be held in Russia.",
])
def test_a_year_named_as_the_future_picks_no_summit_on_its_own(matcher, text):
    match = infer(matcher, text)
    assert match.summit is None
    assert "2017-sochi" not in (match.problem or "")


@pytest.mark.parametrize("cue", ["chaired by Belarus", "hosted by Belarus", "held under Belarus's chairmanship",
                                 "held during the Belarusian presidency"])
def test_host_country_as_the_chair(matcher, cue):
    match = infer(matcher, f"The CIS summit {cue} took place in 2021.")
    assert match.summit.id == "2021-video"
    assert any("host country named: Belarus" in why for why in match.evidence)


def test_the_coming_chair_is_not_the_host(matcher):
    text = "The CIS summit took place in 2021. From next year Russia's chairmanship begins."
    assert summit_of(matcher, text) is None


@pytest.mark.parametrize("text, summit", [
    ("Leaders at the CIS summit in Bishkek marked the 25th anniversary of the Commonwealth.", "2016-bishkek"),
    ("The Dushanbe summit fell in the year of the CIS's twentieth anniversary.", "2011-dushanbe"),
])
def test_anniversary_of_the_cis_gives_the_year(matcher, text, summit):
    match = infer(matcher, text)
    assert match.summit.id == summit
    assert any("anniversary" in why for why in match.evidence)


def test_leader_named_with_the_office_elsewhere(matcher):
    text = ("The Kyrgyz President opened the CIS summit in Bishkek.\n"
            "\"We have much to discuss,\" Almazbek Atambayev said.")
    match = infer(matcher, text)
    assert match.summit.id == "2016-bishkek"
    assert any("Atambayev (office named elsewhere)" in why for why in match.evidence)


def test_two_holders_of_an_office_named_elsewhere_rule_nothing_out(matcher):
    text = ("The Kyrgyz President opened the CIS summit in Bishkek.\n"
            "Almazbek Atambayev recalled a talk with Kurmanbek Bakiyev.")
    assert summit_of(matcher, text) is None


def test_the_summit_on_the_exact_day_beats_one_two_days_away(matcher):
    text = "CIS leaders met informally on Tuesday (28 December) in St Petersburg."
    match = infer(matcher, text)
    assert match.summit.id == "2021-st-petersburg-informal"
    assert "'28 December' is the summit's day" in match.evidence


def test_all_the_weaker_cues_together(matcher):
    text = ("CIS summit chaired by Kyrgyzstan closes\n"
            "The Kyrgyz President greeted his guests on the 25th anniversary of the CIS.\n"
            "\"The talks were long,\" Almazbek Atambayev told them, and added that in 2017 the chairmanship "
            "passes to Russia.")
    assert summit_of(matcher, text) == "2016-bishkek"


def test_no_summit_without_summit_context(matcher):
    assert summit_of(matcher, "The Dushanbe opera staged a new ballet on Saturday.") is None


def test_inspect_shows_the_evidence(small_corpus, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("MINSK, October 25. /Agency/. The CIS summit opened in Minsk.\n", encoding="utf-8")
    reference = load_reference(small_corpus)
    article = Tagger(reference).tag_file(path)
    shown = article_json(article, reference)
    assert shown["summit"]["id"] == "2013-minsk" and shown["date"] == "2013-10-25"
    assert "'October 25' is the summit's day" in shown["summit_evidence"]
    assert "Why:      " in article_table(article, reference)


def test_a_day_and_month_alone_choose_no_summit(matcher):
    match = infer(matcher, "ASTANA, September 3 (Agency) - The CIS envoy said the chairmanship plan is ready.")
    assert match.summit is None
    assert "only a day and month with no year" in match.evidence[0]


def test_a_year_less_dateline_far_from_every_summit_in_the_city_named_is_not_the_summits_date(matcher):
    text = ("BISHKEK, February 17 (Agency) - Kyrgyzstan will chair the CIS, its envoy said in Bishkek.\n"
            "The CIS summit is due in Bishkek on September 16.")
    match = infer(matcher, text)
    assert (match.summit.id, match.date) == ("2016-bishkek", dt.date(2016, 2, 17))


@pytest.mark.parametrize("cue", ["The virtual meeting of the CIS Heads of State Council",
                                 "The CIS Heads of State Council, held online,", "The CIS summit via video link"])
def test_virtual_and_online_meetings_are_video_summits(matcher, cue):
    assert summit_of(matcher, f"MINSK. Agency - {cue} chaired by Belarus is underway.") == "2021-video"


def test_a_name_a_city_bore_for_a_while_dates_the_article(matcher):
    text = "NUR-SULTAN (Agency) - The CIS summit chaired by Belarus opened."
    match = infer(matcher, text)
    assert match.summit.id == "2021-video"
    assert any("'NUR-SULTAN' was the city's name" in why for why in match.evidence)


def test_a_heads_of_state_meeting_scheduled_later_does_not_make_a_government_meeting_a_summit(matcher):
    text = ("The CIS Council of Heads of Government met in Minsk today.\n"
            "A declaration is being prepared for the meeting of the CIS Council of Heads of State "
            "scheduled for October 25 in Minsk.")
    match = infer(matcher, text)
    assert match.summit is None and "heads-of-government" in match.evidence[0]


def test_taking_part_in_the_next_meeting_is_the_regular_meeting_reported(matcher):
    text = ("On October 13, the President took part in the next meeting of the CIS Council of Heads of State "
            "held in Bishkek.")
    assert summit_of(matcher, text) == "2023-bishkek"
