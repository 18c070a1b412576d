"""A pasted article's `url:` header dates it when no `date:` header does (indexer/url_dates.py)."""

import datetime as dt

import pytest

from indexer.url_dates import date_in_url

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(("url", "day"), [
    ("https://lenta.example/news/2025/10/10/lukashenko-prizval/", dt.date(2025, 10, 10)),
    ("https://ria.example/20110903/429272742.html", dt.date(2011, 9, 3)),
    ("https://news.example/ru/news/2019/5/31/osennee-zasedanie", dt.date(2019, 5, 31)),
    ("https://agency.example/2023-12-27-informal-meeting", dt.date(2023, 12, 27)),
    ("https://sputnik.example/amp/20211228/tokaev-neformalnyi-sammit-19001687.html", dt.date(2021, 12, 28)),
])
def test_a_date_in_the_path(url, day):
    assert date_in_url(url, TODAY) == day


@pytest.mark.parametrize("url", [
    None,
    "",
    "https://tass.example/politika/22267097/amp",  # a story number, no date
    "https://belta.example/president/view/summit-sng-209858-2016/",  # a year alone
    "https://site.example/2019/05/31/preview-of-20191011-summit",  # two different dates
    "https://site.example/2025/13/40/",  # no such day
    "https://site.example/1985/06/01/archive",  # before the CIS
    "https://site.example/2031/01/01/future",  # far in the future
    "https://20251010.example/news",  # the host, not the path
    "http://[::1",  # not an address
])
def test_no_date_or_no_single_plausible_one(url):
    assert date_in_url(url, TODAY) is None


def test_the_url_date_dates_the_article_and_picks_its_summit(tag_text):
    # Dushanbe hosted four summits: only the date in the address tells which one this is
    text = ("url: https://news.example/2018/09/28/cis-summit\n\n"
            "Саммит СНГ открылся в Душанбе. Президент Таджикистана Эмомали Рахмон приветствовал гостей.")
    article = tag_text(text)
    assert (article.summit.id, article.date) == ("2018-dushanbe", dt.date(2018, 9, 28))
    assert any("(url)" in why for why in article.summit_evidence)


def test_without_a_url_the_same_text_has_no_summit(tag_text):
    article = tag_text("Саммит СНГ открылся в Душанбе. Президент Таджикистана Эмомали Рахмон приветствовал гостей.")
    assert article.summit is None


def test_a_date_header_wins_over_the_url(tag_text):
    article = tag_text("date: 2025-10-10\nurl: https://news.example/2018/09/28/cis-summit\n\n"
                       "The CIS summit opened in Dushanbe.")
    assert (article.summit.id, article.date) == ("2025-dushanbe", dt.date(2025, 10, 10))


def test_a_preview_dated_months_ahead_keeps_the_summit_its_text_names(tag_text):
    # published in May about the October summit: the address's day is not the summit's
    article = tag_text("url: https://news.example/2019/05/31/autumn-summit\n\n"
                       "The CIS heads of state will meet in Ashgabat in October 2019, the secretary general said.")
    assert (article.summit.id, article.date) == ("2019-ashgabat", dt.date(2019, 5, 31))
