from __future__ import annotations

import datetime as dt

import pytest

from indexer.names import NameResolver
from indexer.reference import ReferenceError, load_reference

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
