"""Russian dates read into the same TextDates as English ones (indexer/russian_dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.dates import find_dates

FRIDAY = dt.date(2025, 10, 10)


def parts(text: str) -> list[tuple]:
    return [(d.text, d.precision, d.year, d.month, d.day, d.day_end) for d in find_dates(text)]


@pytest.mark.parametrize("text, day", [
    ("Саммит прошел 10 октября 2025 года в Душанбе.", "10 октября 2025 года"),
    ("Саммит прошел 10 октября 2025 г. в Душанбе.", "10 октября 2025 г."),
    ("Саммит прошел 10 октября 2025 в Душанбе.", "10 октября 2025"),
    ("Саммит прошел 10.10.2025 в Душанбе.", "10.10.2025"),
])
def test_a_full_date_in_each_way_russian_writes_it(text, day):
    assert parts(text) == [(day, "day", 2025, 10, 10, None)]


def test_a_day_and_month_without_a_year_takes_the_year_from_the_article():
    found = find_dates("Лидеры встретятся 7 октября.")
    assert parts("Лидеры встретятся 7 октября.") == [("7 октября", "day-month", None, 10, 7, None)]
    assert found[0].on(dt.date(2006, 10, 9)) == dt.date(2006, 10, 7)


@pytest.mark.parametrize("text, month", [
    ("ДУШАНБЕ, 3 сен - РИА Новости.", 9), ("АЛМАТЫ, 28 дек — Sputnik.", 12), ("МИНСК, 12 сент. /БЕЛТА/.", 9),
    ("С 1 мая все изменилось.", 5), ("К 1 марта документы готовы.", 3),
])
def test_months_in_every_case_and_the_datelines_abbreviations(text, month):
    assert [(d.precision, d.month) for d in find_dates(text)] == [("day-month", month)]


def test_a_range_of_days():
    assert parts("Президент прибыл в Душанбе, где 27—28 сентября пройдет саммит.") == [
        ("27—28 сентября", "day-month", None, 9, 27, 28)]


@pytest.mark.parametrize("text, found", [
    ("в октябре 2025 года", ("в октябре 2025 года", "month", 2025, 10, None, None)),
    ("Октябрь 2025 выдался теплым.", ("Октябрь 2025", "month", 2025, 10, None, None)),
    ("в 2012 году председательство перейдет", ("2012", "year", 2012, None, None, None)),
])
def test_a_month_of_a_year_and_a_bare_year(text, found):
    assert parts(text) == [found]


@pytest.mark.parametrize("text, day", [
    ("Лидеры встретились в пятницу.", FRIDAY),
    ("Во вторник лидеры встретились.", dt.date(2025, 10, 7)),
    ("Вчера лидеры встретились.", dt.date(2025, 10, 9)),
    ("Саммит проходит сегодня.", FRIDAY),
])
def test_weekdays_and_relative_days_are_read_against_the_article_date(text, day):
    (found,) = find_dates(text)
    assert found.relative and found.on(FRIDAY) == day


def test_weekday_is_named():
    (found,) = find_dates("В понедельник саммит открылся.")
    assert (found.precision, found.weekday) == ("weekday", 0)


def test_no_dates_where_none_are():
    assert find_dates("На 31 февраля ничего не назначено, 5 марок и 10 декабристов.") == []
    assert find_dates("Сегодняшнее заседание важно.") == []
