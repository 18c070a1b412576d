"""Summit inference on Russian articles: the same evidence as in English (dates, host cities in
every case, the format, other summits and bodies, years, leaders in office), read from Russian
text. Against a small summits file written here, as in test_summits.py."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.dates import find_dates, lowered
from indexer.reference_toml import load_reference
from indexer.report import article_json
from indexer.russian_places import declined
from indexer.summits import SummitMatcher
from indexer.tagging import Tagger

from .conftest import infer, make_corpus, summit_of


def summit(ident: str, city: str, country: str, day: str, fmt: str = "regular") -> str:
    return (f'[[summit]]\nid = "{ident}"\nlabel = "{ident}"\ncity = "{city}"\ncountry = "{country}"\n'
            f"dates = [{day}]\nformat = \"{fmt}\"\n\n")


SUMMITS = "".join([
    summit("2004-astana", "Astana", "kazakhstan", "2004-09-16"),
    summit("2005-kazan", "Kazan", "russia", "2005-08-26"),
    summit("2006-minsk", "Minsk", "belarus", "2006-11-28"),
    summit("2011-dushanbe", "Dushanbe", "tajikistan", "2011-09-03"),
    summit("2012-ashgabat", "Ashgabat", "turkmenistan", "2012-12-05"),
    summit("2013-minsk", "Minsk", "belarus", "2013-10-25"),
    summit("2014-minsk", "Minsk", "belarus", "2014-10-10"),
    summit("2015-burabay", "Burabay", "kazakhstan", "2015-10-16"),
    summit("2016-bishkek", "Bishkek", "kyrgyzstan", "2016-09-16"),
    summit("2017-sochi", "Sochi", "russia", "2017-10-11"),
    summit("2019-ashgabat", "Ashgabat", "turkmenistan", "2019-10-11"),
    summit("2020-video", "", "uzbekistan", "2020-12-18", "video"),
    summit("2021-video", "", "belarus", "2021-10-15", "video"),
    summit("2021-st-petersburg-informal", "Saint Petersburg", "russia", "2021-12-28", "informal"),
    summit("2022-10-st-petersburg-informal", "Saint Petersburg", "russia", "2022-10-07", "informal"),
    summit("2022-astana", "Astana", "kazakhstan", "2022-10-14"),
    summit("2022-st-petersburg-informal", "Saint Petersburg", "russia", "2022-12-26", "informal"),
    summit("2023-bishkek", "Bishkek", "kyrgyzstan", "2023-10-13"),
    summit("2023-st-petersburg-informal", "Saint Petersburg", "russia", "2023-12-26", "informal"),
    summit("2025-dushanbe", "Dushanbe", "tajikistan", "2025-10-10"),
]) + """
[[city]]
name = "Saint Petersburg"
variants = ["St Petersburg", "Санкт-Петербург", "Петербург", "Северная столица"]

[[city]]
name = "Astana"
variants = ["Nur-Sultan", "Астана", "Нур-Султан"]

[[city]]
name = "Burabay"
variants = ["Бурабай", "Боровое", "Боровом"]

[[city]]
name = "Ashgabat"
variants = ["Ашхабад", "Ашгабат"]

[[city]]
name = "Minsk"
variants = ["Минск"]

[[city]]
name = "Dushanbe"
variants = ["Душанбе"]

[[city]]
name = "Bishkek"
variants = ["Бишкек"]

[[city]]
name = "Kazan"
variants = ["Казань"]

[[city]]
name = "Sochi"
variants = ["Сочи"]
"""


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    corpus = make_corpus(tmp_path_factory.mktemp("ru-summits") / "corpus")
    (corpus / "summits.toml").write_text(SUMMITS, encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def matcher(small_corpus):
    return SummitMatcher(load_reference(small_corpus))




# --- host cities in every case ---------------------------------------------------------------

@pytest.mark.parametrize("name, forms", [
    ("Минск", {"минск", "минска", "минску", "минске", "минском"}),
    ("Москва", {"москва", "москвы", "москве", "москву", "москвой"}),
    ("Казань", {"казань", "казани", "казанью"}),
    ("Санкт-Петербург", {"санкт-петербурге", "санкт-петербурга"}),
    ("Кишинёв", {"кишинёве", "кишиневе"}),
    ("Бурабай", {"бурабае", "бурабая"}),
    ("Алма-Ата", {"алма-ате", "алма-аты"}),
    ("Душанбе", {"душанбе"}), ("Сочи", {"сочи"}), ("Алматы", {"алматы"}),
    ("Северная столица", {"северной столице", "северную столицу"}),
])
def test_case_forms_of_a_city_follow_from_its_ending(name, forms):
    assert forms <= declined(name)
    if name in ("Душанбе", "Сочи", "Алматы"):
        assert declined(name) == forms


@pytest.mark.parametrize("text, summit_id", [
    ("Саммит СНГ прошел в Минске в 2013 году.", "2013-minsk"),
    ("Лидеры СНГ вылетели из Бишкека в 2016 году.", "2016-bishkek"),
    ("Лидеры СНГ прибыли в Душанбе в 2011 году.", "2011-dushanbe"),
    ("В Бурабае собрались лидеры стран СНГ.", "2015-burabay"),
    ("Саммит СНГ в Казани завершился.", "2005-kazan"),
    ("Заседание СГГ прошло в Ашхабаде в 2012 году.", "2012-ashgabat"),
    ("Неформальный саммит СНГ прошел в Петербурге в 2021 году.", "2021-st-petersburg-informal"),
    ("Неформальная встреча лидеров СНГ прошла в Северной столице в 2023 году.", "2023-st-petersburg-informal"),
])
def test_host_city_in_any_case(matcher, text, summit_id):
    assert summit_of(matcher, text) == summit_id


@pytest.mark.parametrize("text, summit_id", [
    ("Саммит СНГ прошел в белорусской столице в 2014 году.", "2014-minsk"),
    ("Саммит СНГ прошел в столице Таджикистана в 2025 году.", "2025-dushanbe"),
    ("Лидеры СНГ собрались в казахстанской столице в 2022 году.", "2022-astana"),
    ("Лидеры СНГ собрались в столице Республики Казахстан в 2004 году.", "2004-astana"),
])
def test_the_capital_named_by_its_country(matcher, text, summit_id):
    assert summit_of(matcher, text) == summit_id


# --- dates -------------------------------------------------------------------------------------

def test_full_date_and_city_in_the_dateline(matcher):
    match = infer(matcher, "Выступление на заседании Совета глав государств СНГ\n10 октября 2025 года, Душанбе\n"
                           "Уважаемые коллеги!")
    assert match.summit.id == "2025-dushanbe" and match.date == dt.date(2025, 10, 10)


def test_dateline_day_without_a_year_and_the_weekday(matcher):
    text = "Баку, 25 октября /Агентство/\nВ Минске в пятницу проходит заседание Совета глав государств СНГ."
    match = infer(matcher, text)
    assert match.summit.id == "2013-minsk" and match.date == dt.date(2013, 10, 25)
    assert "'в пятницу': the summit's weekday" in match.evidence


def test_month_and_year(matcher):
    assert summit_of(matcher, "Саммит СНГ в Минске прошел в октябре 2014 года.") == "2014-minsk"


def test_yesterday_from_the_header_date(matcher):
    match = infer(matcher, "Позавчера в Минске завершился саммит СНГ.", dt.date(2014, 10, 14))
    assert match.summit.id == "2014-minsk"
    assert "'Позавчера' from '2014-10-14' is 2 days from the summit" in match.evidence


def test_the_founding_date_of_the_cis_does_not_date_the_article(matcher):
    text = ("Саммит проходит в год 30-летия создания СНГ (8 декабря 1991 года).\n"
            "Президент поблагодарил за работу в ходе председательства Белоруссии в СНГ.")
    match = infer(matcher, text)
    assert match.summit.id == "2021-video"
    assert "'30-летия создания СНГ': the summit's year" in match.evidence


# --- the kind of meeting -----------------------------------------------------------------------

@pytest.mark.parametrize("cue", ["в формате видеоконференции", "в режиме видеоконференции", "в режиме онлайн",
                                 "онлайн"])
def test_video_cue(matcher, cue):
    match = infer(matcher, f"Саммит глав государств СНГ прошел {cue} в 2020 году.")
    assert match.summit.id == "2020-video"


@pytest.mark.parametrize("cue", ["неформальный саммит СНГ", "неформальная встреча глав государств СНГ"])
def test_informal_cue(matcher, cue):
    match = infer(matcher, f"В Санкт-Петербурге 28 декабря прошла {cue}.")
    assert match.summit.id == "2021-st-petersburg-informal"
    assert any(why.endswith("only informal summits") for why in match.evidence)


def test_heads_of_government_meeting_is_not_a_summit(matcher):
    match = infer(matcher, "Совет глав правительств СНГ собрался в Минске 25 октября.")
    assert match.summit is None and match.problem is None
    assert "heads-of-government" in match.evidence[0]


def test_heads_of_state_and_of_government_both_named_go_to_the_heads_of_state(matcher):
    text = ("11 октября в столице Туркмении пройдет заседание совета глав государств СНГ.\n"
            "Сегодня в Ашхабаде проходит заседание совета глав правительств стран СНГ.")
    assert summit_of(matcher, text) == "2019-ashgabat"


@pytest.mark.parametrize("body", ["ОДКБ", "ЕАЭС", "ШОС", "БРИКС", "Высшего Евразийского экономического совета"])
def test_another_bodys_summit_city_is_no_evidence(matcher, body):
    text = f"Лидеры СНГ встретились в Минске. Саммит {body} прошел в Бишкеке в 2016 году."
    match = infer(matcher, text)
    assert match.summit is None
    assert not any("Bishkek" in why for why in match.evidence)


# --- other summits named ----------------------------------------------------------------------

@pytest.mark.parametrize("next_one", [
    "Следующий саммит СНГ пройдет в Минске.",
    "Очередной саммит СНГ состоится в Минске.",
    "Лидеры договорились, что оно состоится в Минске.",
])
def test_the_next_venue_is_not_the_summit_reported(matcher, next_one):
    text = f"Саммит СНГ в Бишкеке завершился в пятницу в 2016 году. {next_one}"
    match = infer(matcher, text)
    assert match.summit.id == "2016-bishkek"
    assert not any("Minsk" in why for why in match.evidence)


def test_a_regular_session_in_progress_is_the_one_reported(matcher):
    text = "В Минске на очередном заседании Совета глав государств СНГ состоится обсуждение 14 документов, 25 октября."
    assert summit_of(matcher, text) == "2013-minsk"


def test_the_previous_meeting_named_makes_this_the_one_after(matcher):
    text = ("В Санкт-Петербурге пройдет неформальная встреча лидеров СНГ.\n"
            "Предыдущая неформальная встреча лидеров СНГ состоялась 7 октября в Санкт-Петербурге.")
    match = infer(matcher, text)
    assert match.summit.id == "2022-st-petersburg-informal"
    assert any("(2022-10-st-petersburg-informal) came before" in why for why in match.evidence)


def test_a_headline_starting_with_the_venue_is_not_a_dateline(matcher):
    match = infer(matcher, "В Санкт-Петербурге пройдет неформальный саммит СНГ\nМИНСК, 29 декабря. Об этом сообщил "
                           "генсек.")
    assert match.summit.id == "2021-st-petersburg-informal"
    assert "host city Saint Petersburg named (body)" in match.evidence


# --- years ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, summit_id", [
    ("Лидеры СНГ в Душанбе поздравили друг друга с 20-летием СНГ.", "2011-dushanbe"),
    ("Саммит СНГ в Бишкеке приурочен к 25-летию создания Содружества.", "2016-bishkek"),
])
def test_anniversary_of_the_cis_gives_the_year(matcher, text, summit_id):
    match = infer(matcher, text)
    assert match.summit.id == summit_id
    assert any("летие" in why or "летию" in why for why in match.evidence)


@pytest.mark.parametrize("text", [
    "Лидеры СНГ встретились в Минске. В 2015 году председательство перейдет к Казахстану.",
    "Лидеры СНГ встретились в Минске. Следующий саммит пройдет в 2015 году.",
])
def test_a_year_named_as_the_next_chairmanship_or_summit_speaks_for_the_year_before(matcher, text):
    match = infer(matcher, text)
    assert match.summit.id == "2014-minsk"
    assert not any(why.startswith("'2015': the summit's year") for why in match.evidence)


def test_a_year_named_as_the_future_picks_no_summit_on_its_own(matcher):
    assert summit_of(matcher, "Главы государств СНГ подписали документы. В 2015 году председательство "
                              "перейдет к Казахстану.") is None


@pytest.mark.parametrize("cue", ["под председательством Узбекистана", "в период председательства Узбекистана"])
def test_host_country_as_the_chair(matcher, cue):
    match = infer(matcher, f"Саммит глав государств СНГ прошел {cue} в формате видеоконференции.")
    assert match.summit.id == "2020-video"
    assert any("host country named: Uzbekistan" in why for why in match.evidence)


# --- leaders in office ------------------------------------------------------------------------

def test_leader_named_in_office_in_a_declined_form(matcher):
    match = infer(matcher, "Под председательством президента Казахстана Касым-Жомарта Токаева в Астане прошел "
                           "саммит СНГ.")
    assert match.summit.id == "2022-astana"
    assert any("in office: president 2019" in why for why in match.evidence)


@pytest.mark.parametrize("former", ["Бывший президент", "Первый президент"])
def test_a_former_leader_rules_nothing_out(matcher, former):
    match = infer(matcher, f"{former} Казахстана Нурсултан Назарбаев приехал в Бишкек на саммит СНГ.")
    assert match.summit is None and "2023-bishkek" in match.problem


# --- inspect ----------------------------------------------------------------------------------

def test_inspect_shows_the_summit_and_its_evidence_for_a_russian_article(small_corpus):
    text = "Саммит СНГ в Душанбе\nДУШАНБЕ, 3 сен - Агентство. Лидеры СНГ поздравили друг друга с 20-летием СНГ.\n"
    path = small_corpus / "ru.txt"
    path.write_text(text, encoding="utf-8")
    reference = load_reference(small_corpus)
    doc = article_json(Tagger(reference).tag_file(path), reference)
    assert doc["summit"]["id"] == "2011-dushanbe"
    assert "'3 сен' is the summit's day" in doc["summit_evidence"]


def test_a_clause_about_another_bodys_meeting_is_kept_apart(matcher):
    text = ("28 ноября в Астане состоится встреча глав государств ОДКБ, а 28 декабря в Санкт-Петербурге пройдет "
            "неформальная встреча глав государств СНГ.")
    match = infer(matcher, text)
    assert match.summit.id == "2021-st-petersburg-informal"
    assert not any("Astana" in why for why in match.evidence)


def test_the_host_of_the_summit_names_the_host_country(matcher):
    match = infer(matcher, "Хозяин нынешнего саммита СНГ президент Таджикистана поздравил коллег с 20-летием СНГ.")
    assert match.summit.id == "2011-dushanbe"
    assert any(why.startswith("host country named: Tajikistan") for why in match.evidence)


def test_an_english_line_opening_with_in_and_the_city_names_the_venue_not_a_dateline(matcher):
    match = infer(matcher, "In Minsk the CIS leaders met in 2013.")
    assert match.summit.id == "2013-minsk"
    assert "host city Minsk named (body)" in match.evidence


def test_nur_sultan_in_any_case_dates_the_article(matcher):
    text = "Саммит СНГ прошел в Нур-Султане."
    ev = matcher.reader.read(text, lowered(text), [], find_dates(text))
    assert ev.periods == [(dt.date(2019, 3, 20), dt.date(2022, 9, 17), "Нур-Султане")]
