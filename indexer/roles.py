"""Offices as copy names them, and who held one on a given day.

Leaders' titles ("the Kazakh President") and officials' titles ("the Russian Foreign Minister",
"Kremlin spokesman") both resolve by date against people.toml, but they must never cross: a
minister's title is not a head of state's, and "the Belarusian leader" is never a minister.
"""

from __future__ import annotations

import datetime as dt
import re

from .name_patterns import (
    APPOSED,
    NOT_A_PERSON_AFTER,
    THE_BEFORE,
    UPPER,
    WORD_END,
    WORD_START,
    WordRegex,
    alternation,
    cased,
    fold,
)
from .reference import ReferenceData, Role

# Office words in running text, mapped to what they select among a country's dated roles.
TITLE_WORDS = {
    "president": "president",
    "head of state": "president",
    "prime minister": "prime_minister",
    "premier": "prime_minister",
    "head of government": "prime_minister",
    "head of the government": "prime_minister",
    "leader": "leader",
    "counterpart": "leader",
    "foreign minister": "foreign_minister",
    "foreign affairs minister": "foreign_minister",
    "minister of foreign affairs": "foreign_minister",
    "top diplomat": "foreign_minister",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "press secretary": "spokesperson",
    "presidential spokesman": "spokesperson",
    "presidential press secretary": "spokesperson",
    "aide": "aide",
    "presidential aide": "aide",
    "presidential assistant": "aide",
    "assistant to the president": "aide",
}
HEAD_TITLES = ("president", "prime_minister", "leader")
HEAD_KINDS = ("president", "head_of_state", "prime_minister")
OFFICIAL_KINDS = ("foreign_minister", "minister", "spokesperson", "aide")
# Titles that stand without a country ("presidential aide Yuri Ushakov", "the foreign minister"):
# they fold into a name, and alone they mean only someone the article has already named.
COUNTRYLESS_TITLES = (
    "foreign minister", "foreign affairs minister", "minister of foreign affairs", "spokesman",
    "spokeswoman", "spokesperson", "press secretary", "presidential spokesman",
    "presidential press secretary", "presidential aide", "presidential assistant",
)
# Seats of power that stand for their country in "Kremlin spokesman", "Akorda aide".
SEATS = {"Kremlin": "Russia", "Akorda": "Kazakhstan"}
# Words that tie an office to the president's staff, not the government's: in 2010 the Kremlin's
# spokeswoman and the prime minister's spokesman were both Russian spokespeople.
PRESIDENCY_WORDS = ("kremlin", "akorda", "presidential", "president")
GOVERNMENT_TITLE = re.compile(r"prime\s+minister|government|premier", re.IGNORECASE)
# A modifier before a title makes it another office: a deputy foreign minister is not the minister,
# and a former president is not the one in office. (A bare "minister" is no title for the same
# reason: "Defence Minister of Russia" is not the foreign minister.)
_MODIFIER_BEFORE = re.compile(r"(?:\b(?:[Dd]eputy|[Vv]ice|[Ff]irst|[Ff]ormer)\s+|\b(?:[Vv]ice|ex)-)$")


def modified(text: str, start: int) -> bool:
    """Is the title starting at `start` someone else's office ("Deputy", "former", "ex-")?"""
    return bool(_MODIFIER_BEFORE.search(text, max(0, start - 10), start))


def official(title: str | None) -> bool:
    return title in OFFICIAL_KINDS


def role_fits(role: Role, title: str) -> bool:
    """Does the role answer to the office a title selects?"""
    if title == "president":
        return role.is_head_of_state
    if title == "leader":
        return role.leader
    return role.kind == title


def holders(reference: ReferenceData, title: str, country: str | None, day: dt.date | None,
            qualifier: str | None = None) -> list[str]:
    """People who held the office on `day` (any day when undated). A leader's title needs its
    country; an official's may go without (then any country's holder); the CIS's does not take
    one. A presidency qualifier ("Kremlin") sets the government's staff aside when others fit."""
    if country is None and title in HEAD_TITLES:
        return []
    found: dict[str, Role] = {}
    for person in reference.people.values():
        for role in person.roles:
            if (role.active_on(day) and role_fits(role, title)
                    and (country is None or title == "cis_executive_secretary" or role.country == country)):
                found.setdefault(person.id, role)
                break
    if qualifier in PRESIDENCY_WORDS and official(title):
        presidency = [pid for pid, role in found.items() if not GOVERNMENT_TITLE.search(role.title)]
        return presidency or list(found)
    return list(found)


def could_hold(reference: ReferenceData, person_id: str, title: str | None, country: str | None) -> bool:
    """Did the person ever hold the office a role reference names? An official's title fits only
    someone who held that office; a leader's only someone who led or governed that country."""
    person = reference.people.get(person_id)
    if not person:
        return False
    if title == "cis_executive_secretary":
        return any(role.kind == title for role in person.roles)
    if official(title):
        return any(role_fits(role, title) and country in (None, role.country) for role in person.roles)
    if title in HEAD_TITLES:
        return any(role.kind in HEAD_KINDS and role.country == country for role in person.roles)
    return any(role.country == country for role in person.roles)


def official_kind(reference: ReferenceData, person_ids: tuple[str, ...]) -> str | None:
    """The one official office all these people held and none of them led a country in, so that
    "Lavrov and his Belarusian counterpart" is the Belarusian foreign minister, not Lukashenko."""
    kinds: set[str] = set()
    for pid in person_ids:
        person = reference.people.get(pid)
        if not person or any(role.kind in HEAD_KINDS for role in person.roles):
            return None
        kinds.update(role.kind for role in person.roles if role.kind in OFFICIAL_KINDS)
    return kinds.pop() if len(kinds) == 1 else None


class RolePatterns:
    """Finds titles in text: "President of Uzbekistan", "the Russian Foreign Minister", "Kremlin
    spokesman", and the countryless "presidential aide" (which must be definite or stand before a
    name: "a spokesman for the delegation" refers to nobody)."""

    def __init__(self, reference: ReferenceData, country_form: dict[str, str], country_names: str):
        self.country_form = country_form
        self.seat_form = {fold(seat): country_form[fold(name)] for seat, name in SEATS.items()
                          if fold(name) in country_form}
        places = alternation([
            *(form for c in reference.countries.values() for form in (c.name, *c.variants, *c.demonyms)), *SEATS])
        titles = alternation(TITLE_WORDS)
        self.of_re = re.compile(
            rf"{WORD_START}(?:the\s+)?(?P<title>(?i:{titles}))\s+of\s+(?:the\s+)?(?P<country>{country_names}){WORD_END}"
        )
        self.adj_re = re.compile(
            rf"{WORD_START}(?:(?i:the|his|her|their|our)\s+)?(?P<country>{places})"
            rf"(?:['’]s)?\s+(?P<title>(?i:{titles})){WORD_END}{NOT_A_PERSON_AFTER}"
        )
        demonyms = alternation(d for c in reference.countries.values() for d in c.demonyms)
        # "the head of the Belarusian state", "the leader of the Kazakh state"
        self.of_state_re = re.compile(
            rf"{WORD_START}(?:the\s+)?(?P<title>(?i:head|leader))\s+of\s+the\s+(?P<country>{demonyms})\s+state{WORD_END}"
        )
        self.countryless_re = WordRegex(
            rf"(?P<title>{alternation(cased(COUNTRYLESS_TITLES))}){WORD_END}(?P<name>\s+[{UPPER}])?"
        )

    def find(self, text: str):
        """(start, end, title, country, qualifier) for each title in `text`."""
        for regex in (self.of_re, self.adj_re):
            for m in regex.finditer(text):
                place = fold(m.group("country"))
                country = self.seat_form.get(place) or self.country_form.get(place)
                if country and not modified(text, m.start()):
                    yield m.start(), m.end(), TITLE_WORDS[fold(m.group("title"))], country, self._qualifier(place, m)
        for m in self.of_state_re.finditer(text):
            if not modified(text, m.start()):
                yield m.start(), m.end(), "president", self.country_form[fold(m.group("country"))], None
        for m in self.countryless_re.finditer(text):
            start, end = m.start(), m.end("title")
            the = THE_BEFORE.search(text, max(0, start - 6), start)
            if the and the.group(1):
                start = the.start()
            appositive = APPOSED.search(text, max(0, start - 4), start)
            if not (the or m.group("name")) or appositive or modified(text, start):
                continue  # "a spokesman", "Ivan Petrov, the spokesman": describes, does not refer
            yield start, end, TITLE_WORDS[fold(m.group("title"))], None, self._qualifier("", m)

    def _qualifier(self, place: str, m: re.Match) -> str | None:
        """"kremlin" or "presidential" when the wording ties an office to the president's staff."""
        if place in self.seat_form:
            return place
        return "presidential" if "president" in m.group("title").lower() else None
