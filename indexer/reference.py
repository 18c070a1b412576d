"""The user-editable reference data (people, countries, summits, topics, outlets) as typed objects.

What the tagger and the site read; `reference_toml.py` reads the files into them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

REFERENCE_FILES = ("people.toml", "countries.toml", "summits.toml", "topics.toml", "outlets.toml")
# Heads of state and government lead at summits; the other offices are the officials who speak
# there (ministers, spokespeople, aides) and the CIS's own chief executive.
ROLE_KINDS = (
    "president", "head_of_state", "prime_minister", "cis_executive_secretary",
    "foreign_minister", "minister", "spokesperson", "aide",
)
SUMMIT_FORMATS = ("regular", "informal", "video")


UNKNOWN_SPEAKER_PREFIX = "unknown-"


def unknown_speaker_label(speaker_id: str) -> str:
    """'unknown-ivan-petrov' -> 'Ivan Petrov (not in people.toml)'."""
    name = " ".join(w.capitalize() for w in speaker_id.removeprefix(UNKNOWN_SPEAKER_PREFIX).split("-"))
    return f"{name} (not in people.toml)"


class ReferenceError(ValueError):
    """A reference-data file is missing or malformed; the message names file and entry."""


@dataclass(frozen=True)
class Role:
    kind: str
    country: str
    start: dt.date
    end: dt.date | None
    leader: bool
    title: str = ""  # how copy names the office when the kind is too coarse ("Defence Minister")

    def active_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def is_head_of_state(self) -> bool:
        return self.kind in ("president", "head_of_state")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    variants: tuple[str, ...]
    patronymic: tuple[str, ...]
    roles: tuple[Role, ...]
    # the name in Russian ("Александр Лукашенко"), how Russian-language copy and users spell it
    russian: tuple[str, ...] = ()

    def roles_on(self, day: dt.date | None) -> list[Role]:
        return [role for role in self.roles if role.active_on(day)]


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Country:
    id: str
    name: str
    variants: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class Summit:
    id: str
    label: str
    city: str
    country: str
    dates: tuple[dt.date, ...]
    format: str
    leaders: tuple[str, ...] = ()  # people the file says took part (checked against their terms)

    @property
    def date(self) -> dt.date:
        return self.dates[0]


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    variants: tuple[str, ...]
    domains: tuple[str, ...]  # host names; a sub-domain of one is the outlet's too


@dataclass(frozen=True)
class ReferenceData:
    people: dict[str, Person]
    groups: dict[str, Group]
    countries: dict[str, Country]
    summits: dict[str, Summit]
    topics: dict[str, Topic]
    fingerprint: str = field(default="")
    # host city as summits.toml spells it -> other spellings copy uses ("St Petersburg", "Kiev")
    city_variants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    outlets: dict[str, Outlet] = field(default_factory=dict)

    def speaker_name(self, speaker_id: str) -> str:
        """Display name for a person, group or country id; unknown ids fall back to themselves."""
        if speaker_id.startswith(UNKNOWN_SPEAKER_PREFIX):
            return unknown_speaker_label(speaker_id)
        if speaker_id in self.people:
            return self.people[speaker_id].name
        if speaker_id in self.groups:
            return self.groups[speaker_id].name
        if speaker_id in self.countries:
            return self.countries[speaker_id].name
        return speaker_id
