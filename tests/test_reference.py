from __future__ import annotations

import datetime as dt

import pytest

from indexer.names import NameResolver
from indexer.reference import ReferenceError
from indexer.reference_toml import load_reference

from .conftest import make_corpus


@pytest.mark.parametrize(("file", "content", "message"), [
    ("people.toml", 'id = "loose"\n[[person]]\nid = "x"\nname = "X"\n', "'id' stands outside any [[person]] entry"),
    ("people.toml", '[[person]]\nid = "x"\nname = "X"\nroles = [{ role = "king", country = "russia", '
                    "from = 2000-01-01 }]\n", "person 'x': role must be one of"),
    ("people.toml", '[[person]]\nid = "x"\nname = "X"\nroles = [{ role = "president", country = "atlantis", '
                    "from = 2000-01-01 }]\n", "person 'x': unknown country 'atlantis'"),
    ("summits.toml", '[[summit]]\nid = "s"\nlabel = "S"\ncountry = "russia"\ndates = []\nformat = "regular"\n',
     "summit 's': 'dates' must be a list of dates"),
    ("topics.toml", '[[topic]]\nid = "Bad Id"\nlabel = "T"\ncues = ["x"]\n', "id must be lower-case"),
])
def test_reference_mistakes_name_the_file_and_entry(tmp_path, file, content, message):
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / file).write_text(content)
    with pytest.raises(ReferenceError) as caught:
        load_reference(corpus)
    assert str(caught.value).startswith(f"{corpus / file}: ")
    assert message in str(caught.value)


def test_bundled_reference_data_covers_2000_to_2026(reference):
    assert len(reference.people) >= 120
    assert {s.date.year for s in reference.summits.values()} == set(range(2000, 2026))


def test_every_country_has_exactly_one_leader_on_every_day_checked(reference):
    """Gaps or overlaps in the dated roles would make "the Kyrgyz President" resolve to nobody,
    or to two people; checked on the first day of every quarter from 2000 to 2026."""
    resolver = NameResolver(reference)
    days = [dt.date(year, month, 1) for year in range(2000, 2027) for month in (1, 4, 7, 10)]
    problems = []
    for country in reference.countries:
        for day in days:
            leaders = resolver.holders("leader", country, day)
            if len(leaders) != 1:
                problems.append(f"{country} {day}: {leaders}")
    assert problems == []


# The Bakiyev/Otunbayeva overlap (7-15 April 2010: the interim government formed on 7 April,
# Bakiyev resigned on 15 April) is the only documented one; every other day has one leader.
DOCUMENTED_LEADER_OVERLAPS = {
    ("kyrgyzstan", frozenset({"kurmanbek-bakiyev", "roza-otunbayeva"})): (dt.date(2010, 4, 7), dt.date(2010, 4, 15)),
}


def test_every_summit_lies_within_a_term_of_every_leader_it_lists(reference):
    problems = []
    for summit in reference.summits.values():
        assert summit.leaders, f"{summit.id} lists no leaders"
        for person_id in summit.leaders:
            person = reference.people[person_id]
            for day in summit.dates:
                if not person.roles_on(day):
                    problems.append(f"{summit.id} {day}: {person_id} holds no office")
    assert problems == []


def test_every_summit_lists_the_head_of_state_of_its_host_or_chair(reference):
    problems = []
    for summit in reference.summits.values():
        hosts = {
            pid for pid in summit.leaders
            if any(r.country == summit.country and r.is_head_of_state and r.active_on(summit.date)
                   for r in reference.people[pid].roles)
            or any(r.country == summit.country and r.leader and r.active_on(summit.date)
                   for r in reference.people[pid].roles)
        }
        if not hosts:
            problems.append(summit.id)
    assert problems == []


def test_leader_overlaps_are_only_the_documented_ones(reference):
    resolver = NameResolver(reference)
    start, end = dt.date(2010, 3, 1), dt.date(2010, 5, 1)
    seen = set()
    day = start
    while day < end:
        leaders = resolver.holders("leader", "kyrgyzstan", day)
        assert len(leaders) in (1, 2), (day, leaders)
        if len(leaders) == 2:
            key = ("kyrgyzstan", frozenset(leaders))
            first, last = DOCUMENTED_LEADER_OVERLAPS[key]
            assert first <= day < last, day
            seen.add(key)
        day += dt.timedelta(days=1)
    assert seen == set(DOCUMENTED_LEADER_OVERLAPS)


@pytest.mark.parametrize(("summit_id", "dates", "city"), [
    ("2001-08-sochi-informal", [dt.date(2001, 8, 1), dt.date(2001, 8, 2)], "Sochi"),
    ("2003-05-st-petersburg-informal", [dt.date(2003, 5, 30)], "Saint Petersburg"),
    ("2006-07-moscow-informal", [dt.date(2006, 7, 21), dt.date(2006, 7, 22)], "Moscow"),
    ("2015-05-moscow-informal", [dt.date(2015, 5, 8)], "Moscow"),
    ("2017-12-novo-ogaryovo-informal", [dt.date(2017, 12, 26)], "Novo-Ogaryovo"),
    ("2022-10-st-petersburg-informal", [dt.date(2022, 10, 7)], "Saint Petersburg"),
    ("2025-12-st-petersburg-informal", [dt.date(2025, 12, 22)], "Saint Petersburg"),
])
def test_reported_informal_summits_exist_with_their_dates(reference, summit_id, dates, city):
    summit = reference.summits[summit_id]
    assert list(summit.dates) == dates
    assert summit.format == "informal"
    assert summit.city == city
    assert summit.country == "russia"


def test_reported_summit_date_corrections(reference):
    assert "2016-st-petersburg-informal" not in reference.summits  # an EAEU/CSTO meeting
    assert reference.summits["2016-bishkek"].dates == (dt.date(2016, 9, 16),)
    assert reference.summits["2024-st-petersburg-informal"].dates == (dt.date(2024, 12, 25),)


def test_city_variants_load_and_name_summit_cities(reference):
    variants = reference.city_variants
    assert {"St Petersburg", "St. Petersburg", "St.Petersburg"} <= set(variants["Saint Petersburg"])
    assert "Kiev" in variants["Kyiv"]
    assert "Nur-Sultan" in variants["Astana"]
    assert "Borovoe" in variants["Burabay"]
    assert "Novo-Ogarevo" in variants["Novo-Ogaryovo"]
    assert "Dagomys" in variants["Sochi"]
    assert "Kishinev" in variants["Chisinau"]
    assert "Ashkhabad" in variants["Ashgabat"]
    assert "Alma-Ata" in variants["Almaty"]
    summit_cities = {s.city for s in reference.summits.values()}
    assert set(variants) <= summit_cities


def test_city_table_entry_without_name_is_reported(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    with (corpus / "summits.toml").open("a") as f:
        f.write('\n[[city]]\nvariants = ["X"]\n')
    with pytest.raises(ReferenceError, match="city #"):
        load_reference(corpus)


@pytest.mark.parametrize(("person_id", "day", "kind", "title"), [
    ("sergei-lavrov", dt.date(2024, 10, 8), "foreign_minister", ""),
    ("dmitry-peskov", dt.date(2022, 10, 7), "spokesperson", "Kremlin spokesman"),
    ("yuri-ushakov", dt.date(2025, 12, 22), "aide", "Presidential aide"),
    ("sergei-lebedev", dt.date(2024, 10, 8), "cis_executive_secretary", "CIS Secretary General"),
    ("sergei-lebedev", dt.date(2019, 10, 11), "cis_executive_secretary", ""),
    ("kassym-jomart-tokayev", dt.date(2004, 9, 16), "foreign_minister", ""),
])
def test_officials_have_dated_roles(reference, person_id, day, kind, title):
    roles = reference.people[person_id].roles_on(day)
    assert [(r.kind, r.title, r.leader) for r in roles] == [(kind, title, False)]


def test_reported_term_corrections(reference):
    resolver = NameResolver(reference)
    assert resolver.holders("prime_minister", "kyrgyzstan", dt.date(2001, 6, 1)) == ["kurmanbek-bakiyev"]
    assert resolver.holders("prime_minister", "kyrgyzstan", dt.date(2007, 2, 15)) == ["azim-isabekov"]
    assert resolver.holders("prime_minister", "kyrgyzstan", dt.date(2020, 12, 1)) == ["artem-novikov"]
    assert resolver.holders("leader", "kyrgyzstan", dt.date(2020, 11, 1)) == ["sadyr-japarov"]
    assert resolver.holders("prime_minister", "uzbekistan", dt.date(2016, 12, 1)) == ["shavkat-mirziyoyev"]
    assert resolver.holders("prime_minister", "belarus", dt.date(2025, 3, 20)) == ["alexander-turchin"]
    assert resolver.holders("cis_executive_secretary", None, dt.date(2004, 5, 1)) == ["vladimir-rushailo"]


def test_niyazov_title_name_is_a_variant(reference):
    assert "Turkmenbashi" in reference.people["saparmurat-niyazov"].variants
