from __future__ import annotations

import datetime as dt

import pytest

from indexer.dates import find_dates


def only(text: str):
    found = [d for d in find_dates(text) if d.precision != "year"]
    assert len(found) == 1, found
    return found[0]


def test_full_dates_in_every_common_order():
    for text in ("1 June 2001", "June 1, 2001", "1.06.2001", "01/06/2001", "2001-06-01", "1st of June 2001"):
        assert only(f"Signed on {text} in the capital.").date == dt.date(2001, 6, 1), text


def test_numeric_dates_are_day_first_unless_the_day_cannot_be_a_month():
    assert only("28/11/2006").date == dt.date(2006, 11, 28)
    assert only("11/28/2006").date == dt.date(2006, 11, 28)
    assert only("03/04/2006").date == dt.date(2006, 4, 3)


def test_dateline_day_without_a_year_keeps_day_and_month():
    d = only("MINSK, October 10. /Agency/. The talks began.")
    assert (d.precision, d.year, d.month, d.day) == ("day-month", None, 10, 10)
    assert d.on(dt.date(2014, 10, 11)) == dt.date(2014, 10, 10)
    assert only("YEREVAN, DECEMBER 28, AGENCY.").month == 12


def test_a_missing_year_is_the_one_nearest_the_base_across_new_year():
    assert only("on 30 December").on(dt.date(2021, 1, 2)) == dt.date(2020, 12, 30)


def test_abbreviated_months_and_two_digit_years():
    assert only("on Oct. 10 in the capital").month == 10
    assert only("/ 28 Aug.'05 /").date == dt.date(2005, 8, 28)


def test_day_ranges():
    assert only("on October 24-25").days() == (24, 25)
    assert only("on November 21 and 22").days() == (21, 22)


def test_weekday_beside_its_date():
    found = find_dates("The leaders met on Friday (1 June).")
    assert [(d.precision, d.weekday, d.month, d.day) for d in found] == [
        ("weekday", 4, None, None), ("day-month", None, 6, 1)]


def test_month_and_year_and_bare_years():
    assert [(d.precision, d.year, d.month) for d in find_dates("In March 2023 and again in 2024.")] == [
        ("month", 2023, 3), ("year", 2024, None)]


def test_relative_phrases_resolve_against_the_article_date():
    base = dt.date(2014, 10, 11)  # a Saturday
    resolved = {d.text: d.on(base) for d in find_dates("yesterday, last week and on Tuesday") if d.relative}
    assert resolved == {"yesterday": dt.date(2014, 10, 10), "last week": dt.date(2014, 10, 4),
                        "on Tuesday": dt.date(2014, 10, 7)}


def test_words_that_only_look_like_dates():
    assert find_dates("It may 10 times exceed the 1.5 rate.") == []
    assert not [d for d in find_dates("on 31 February 2001") if d.day]


@pytest.mark.parametrize(("text", "found"), [
    ("in Minsk on October, 10.", [(10, 10, None)]),  # a comma after the month, where the number ends a clause
    ("October, 10, 2014 in Minsk", [(10, 10, 2014)]),
    ("In October, 10 leaders came.", []),  # a count, not a day
    ("Inflation in October, 10.5 percent", []),  # a decimal
    ("Trade grew in September,\n10.", []),  # not across a line
])
def test_a_comma_between_month_and_day(text, found):
    assert [(d.month, d.day, d.year) for d in find_dates(text)] == found
