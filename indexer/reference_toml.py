"""Reading the reference TOML files (`corpus/*.toml`) into `reference.py`'s objects.

Loading validates everything up front so that a typo in a TOML file is reported once, with
the file and entry, instead of surfacing later as a silently wrong attribution.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from pathlib import Path

from .reference import (
    REFERENCE_FILES,
    ROLE_KINDS,
    SUMMIT_FORMATS,
    Country,
    Group,
    Outlet,
    Person,
    ReferenceData,
    ReferenceError,
    Role,
    Summit,
    Topic,
)

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")


def load_reference(corpus_dir: Path) -> ReferenceData:
    """Read and validate the reference files in `corpus_dir`."""
    raw = {name: _read_toml(corpus_dir / name) for name in REFERENCE_FILES}
    countries = _parse_countries(raw["countries.toml"], corpus_dir / "countries.toml")
    people, groups = _parse_people(raw["people.toml"], corpus_dir / "people.toml", countries)
    summits, cities = _parse_summits(raw["summits.toml"], corpus_dir / "summits.toml", countries, people)
    topics = _parse_topics(raw["topics.toml"], corpus_dir / "topics.toml")
    outlets = _parse_outlets(raw["outlets.toml"], corpus_dir / "outlets.toml")
    return ReferenceData(people, groups, countries, summits, topics, reference_fingerprint(corpus_dir), cities,
                         outlets)


def reference_fingerprint(corpus_dir: Path) -> str:
    """A hash of the reference files: when it changes, every article's tags may change."""
    digest = hashlib.sha256()
    for name in REFERENCE_FILES:
        path = corpus_dir / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReferenceError(f"{path}: reference file is missing") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReferenceError(f"{path}: not valid TOML: {exc}") from None


def _entries(data: dict, table: str, path: Path) -> list[dict]:
    stray = [key for key, value in data.items() if not isinstance(value, list)]
    if stray:
        raise ReferenceError(f"{path}: '{stray[0]}' stands outside any [[{table}]] entry")
    entries = data.get(table, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ReferenceError(f"{path}: [[{table}]] must be an array of tables")
    return entries


def _require(entry: dict, key: str, kind: type, path: Path, where: str):
    value = entry.get(key)
    if not isinstance(value, kind) or value in ("", []):
        raise ReferenceError(f"{path}: {where}: '{key}' is missing or not a {kind.__name__}")
    return value


def _strings(entry: dict, key: str, path: Path, where: str) -> tuple[str, ...]:
    values = entry.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise ReferenceError(f"{path}: {where}: '{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in values)


def _slug(entry: dict, path: Path, index: int, table: str, seen: set[str]) -> str:
    ident = _require(entry, "id", str, path, f"{table} #{index + 1}")
    if not SLUG.match(ident):
        raise ReferenceError(f"{path}: {table} '{ident}': id must be lower-case letters, digits, '-'")
    if ident in seen:
        raise ReferenceError(f"{path}: {table} '{ident}': duplicate id")
    seen.add(ident)
    return ident


def _parse_countries(data: dict, path: Path) -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for i, entry in enumerate(_entries(data, "country", path)):
        ident = _slug(entry, path, i, "country", set(countries))
        where = f"country '{ident}'"
        countries[ident] = Country(
            id=ident,
            name=_require(entry, "name", str, path, where),
            variants=_strings(entry, "variants", path, where),
            demonyms=_strings(entry, "demonyms", path, where),
            capital=entry.get("capital", ""),
            outlets=_strings(entry, "outlets", path, where),
        )
    return countries


def _parse_people(data: dict, path: Path, countries: dict[str, Country]):
    people: dict[str, Person] = {}
    groups: dict[str, Group] = {}
    for i, entry in enumerate(_entries(data, "person", path)):
        ident = _slug(entry, path, i, "person", set(people))
        where = f"person '{ident}'"
        people[ident] = Person(
            id=ident,
            name=_require(entry, "name", str, path, where),
            variants=_strings(entry, "variants", path, where),
            patronymic=_strings(entry, "patronymic", path, where),
            roles=tuple(_parse_role(r, path, where, countries) for r in entry.get("roles", [])),
            russian=_strings(entry, "ru", path, where),
        )
    for i, entry in enumerate(_entries(data, "group", path)):
        ident = _slug(entry, path, i, "group", set(groups) | set(people))
        where = f"group '{ident}'"
        groups[ident] = Group(
            id=ident,
            name=_require(entry, "name", str, path, where),
            phrases=_strings(entry, "phrases", path, where),
        )
    return people, groups


def _parse_role(entry: dict, path: Path, where: str, countries: dict[str, Country]) -> Role:
    kind = entry.get("role")
    if kind not in ROLE_KINDS:
        raise ReferenceError(f"{path}: {where}: role must be one of {', '.join(ROLE_KINDS)}")
    country = entry.get("country")
    if country not in countries:
        raise ReferenceError(f"{path}: {where}: unknown country '{country}' (see countries.toml)")
    start, end = entry.get("from"), entry.get("to")
    if not isinstance(start, dt.date) or (end is not None and not isinstance(end, dt.date)):
        raise ReferenceError(f"{path}: {where}: role 'from'/'to' must be dates like 2019-03-20")
    leader = entry.get("leader", kind in ("president", "head_of_state"))
    title = entry.get("title", "")
    if not isinstance(title, str):
        raise ReferenceError(f"{path}: {where}: role 'title' must be a string")
    return Role(kind, country, start, end, bool(leader), title.strip())


def _parse_summits(data: dict, path: Path, countries: dict[str, Country], people: dict[str, Person]):
    summits: dict[str, Summit] = {}
    for i, entry in enumerate(_entries(data, "summit", path)):
        ident = _slug(entry, path, i, "summit", set(summits))
        where = f"summit '{ident}'"
        dates = entry.get("dates")
        if not isinstance(dates, list) or not dates or not all(isinstance(d, dt.date) for d in dates):
            raise ReferenceError(f"{path}: {where}: 'dates' must be a list of dates")
        if entry.get("format") not in SUMMIT_FORMATS:
            raise ReferenceError(f"{path}: {where}: format must be one of {', '.join(SUMMIT_FORMATS)}")
        if entry.get("country") not in countries:
            raise ReferenceError(f"{path}: {where}: unknown country '{entry.get('country')}'")
        leaders = _strings(entry, "leaders", path, where)
        unknown = [pid for pid in leaders if pid not in people]
        if unknown:
            raise ReferenceError(f"{path}: {where}: unknown person '{unknown[0]}' in 'leaders' (see people.toml)")
        summits[ident] = Summit(
            id=ident,
            label=_require(entry, "label", str, path, where),
            city=entry.get("city", ""),
            country=entry["country"],
            dates=tuple(sorted(dates)),
            format=entry["format"],
            leaders=leaders,
        )
    cities: dict[str, tuple[str, ...]] = {}
    for i, entry in enumerate(_entries(data, "city", path)):
        name = _require(entry, "name", str, path, f"city #{i + 1}")
        cities[name] = _strings(entry, "variants", path, f"city '{name}'")
    return summits, cities


def _parse_topics(data: dict, path: Path) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    for i, entry in enumerate(_entries(data, "topic", path)):
        ident = _slug(entry, path, i, "topic", set(topics))
        where = f"topic '{ident}'"
        topics[ident] = Topic(
            id=ident,
            label=_require(entry, "label", str, path, where),
            cues=_strings(entry, "cues", path, where),
        )
    return topics


def _parse_outlets(data: dict, path: Path) -> dict[str, Outlet]:
    """Outlets, with every spelling and domain owned by one outlet only: an article naming a
    spelling two entries share could be credited to either."""
    outlets: dict[str, Outlet] = {}
    owner: dict[str, str] = {}
    for i, entry in enumerate(_entries(data, "outlet", path)):
        ident = _slug(entry, path, i, "outlet", set(outlets))
        where = f"outlet '{ident}'"
        outlet = Outlet(
            id=ident,
            name=_require(entry, "name", str, path, where).strip(),
            variants=_strings(entry, "variants", path, where),
            domains=tuple(d.lower() for d in _strings(entry, "domains", path, where)),
        )
        bad = [d for d in outlet.domains if not DOMAIN.match(d)]
        if bad:
            raise ReferenceError(f"{path}: {where}: domain '{bad[0]}' is not a host name like tass.com")
        for form in dict.fromkeys(f.casefold() for f in (outlet.name, *outlet.variants, *outlet.domains)):
            if owner.setdefault(form, ident) != ident:
                raise ReferenceError(f"{path}: {where}: '{form}' also names outlet '{owner[form]}'")
        outlets[ident] = outlet
    return outlets
