"""The one place that resolves names: finds references to people, roles, groups and countries
in text, and narrows each to person ids using the article's date and what it named before.

Finding is context-free (regexes built once from the reference data); narrowing takes the
article context, because "the Kazakh President" is Nazarbayev in 2018 and Tokayev in 2023, and
"Aliyev" is Heydar before 31 October 2003 and Ilham after.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .reference import ReferenceData

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
}
GENERIC_TITLES = r"President|president|Head\s+of\s+State|Head\s+of\s+state|head\s+of\s+state"
PAIR_WORDS = r"leaders|presidents|heads\s+of\s+state"
ANAPHORS = r"(?:joint\s+)?(?:statement|declaration|communiqu[ée]|address|appeal|message)"
# "Heads of State Council", "head of state summit": institutions, not people.
NOT_A_PERSON_AFTER = r"(?!\s+(?:Council|council|Summit|summit|meeting|level|of\s+the\s+Commonwealth))"
CIS_SECRETARY = (
    r"(?:the\s+)?(?:(?:CIS\s+)?Executive\s+Secretary(?:\s+of\s+the\s+(?:CIS|Commonwealth(?:\s+of\s+Independent"
    r"\s+States)?))?|(?:Chairman|Secretary[\s-]+General)\s+of\s+the\s+(?:CIS\s+)?Executive\s+Committee"
    r"(?:\s+of\s+the\s+CIS)?(?:\s*[–—-]\s*Executive\s+Secretary(?:\s+of\s+the\s+CIS)?)?"
    r"|CIS\s+Secretary[\s-]+General|(?:CIS\s+)?executive\s+secretary)"
)
# Capitalised words that may stand before a surname without being a given name.
NOT_GIVEN_NAMES = {
    "The", "This", "That", "These", "Those", "President", "Prime", "Minister", "Deputy", "Foreign",
    "Chairman", "Secretary", "General", "Ambassador", "Mr", "Mrs", "Ms", "Dr", "Speaker", "Head", "State",
    "Our", "His", "Her", "Their", "In", "On", "At", "As", "For", "With", "After", "Before", "When", "Then",
    "CIS", "Commonwealth", "Executive", "Committee", "Council", "Government", "Ministry", "Republic",
    "Federation", "United", "Nations", "Union", "Kremlin", "Press", "Service", "Spokesman", "Spokeswoman",
    "It", "He", "She", "They", "We", "But", "And", "Also", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Today", "Yesterday", "Summit", "Leader", "Leaders", "Office", "Premier",
    "Acting", "Former", "Interim", "Russian", "Belarusian", "Kazakh", "Uzbek", "Kyrgyz", "Tajik", "Turkmen",
    "Azerbaijani", "Armenian", "Moldovan", "Ukrainian", "Georgian", "If", "So", "Both", "Messrs",
}
_GIVEN_NAME_BEFORE = re.compile(r"(?:\b(?P<word>[A-Z][a-z]+)|(?<![\w.])(?P<initial>[A-Z])\.)\s+$")
WORD_START = r"(?<![\w'’-])"
WORD_END = r"(?![\w-])"


@dataclass(frozen=True)
class Reference:
    """A stretch of text that points at a speaker or would-be speaker.

    kind: name (a person's name form), role ("the Belarusian leader", "President of
    Uzbekistan"), generic ("the Head of State", "Our President"), group ("the foreign
    ministers"), pair ("the two leaders"), anaphor ("the statement").
    """

    start: int
    end: int
    surface: str
    kind: str
    candidates: tuple[str, ...] = ()
    title: str | None = None
    country: str | None = None
    group: str | None = None


def _alternation(phrases: Iterable[str]) -> str:
    """Regex alternation, longest first, with any whitespace allowed between words."""
    unique = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in unique)


class NameResolver:
    def __init__(self, reference: ReferenceData):
        self.reference = reference
        self.name_forms = self._name_forms()
        self._country_form = {}
        for country in reference.countries.values():
            for form in (country.name, *country.variants, *country.demonyms):
                self._country_form[_fold(form)] = country.id
        self._group_form = {
            _fold(phrase): group.id for group in reference.groups.values() for phrase in group.phrases
        }
        self._outlet_form = {
            _fold(outlet): country.id
            for country in reference.countries.values()
            for outlet in country.outlets
        }
        self._compile()

    # --- building ---------------------------------------------------------------------------

    def _name_forms(self) -> dict[str, set[str]]:
        """Every surface form of every person: names, variants, patronymic forms, surnames
        alone and initial forms ("V. Putin"), each mapped to the people it may mean."""
        forms: dict[str, set[str]] = {}
        for person in self.reference.people.values():
            for full in (person.name, *person.variants):
                words = full.split()
                for form in (full, words[-1], f"{words[0][0]}. {words[-1]}"):
                    forms.setdefault(form, set()).add(person.id)
            for form in person.patronymic:
                forms.setdefault(form, set()).add(person.id)
        return forms

    def _compile(self) -> None:
        countries = _alternation(
            form
            for c in self.reference.countries.values()
            for form in (c.name, *c.variants, *c.demonyms)
        )
        country_names = _alternation(
            form for c in self.reference.countries.values() for form in (c.name, *c.variants)
        )
        titles = _alternation(TITLE_WORDS)
        self._names_re = re.compile(rf"{WORD_START}(?:{_alternation(self.name_forms)}){WORD_END}")
        self._role_of_re = re.compile(
            rf"{WORD_START}(?:the\s+)?(?P<title>(?i:{titles}))\s+of\s+(?:the\s+)?"
            rf"(?P<country>{country_names}){WORD_END}"
        )
        self._role_adj_re = re.compile(
            rf"{WORD_START}(?:(?i:the|his|her|their|our)\s+)?(?P<country>{countries})(?:['’]s)?"
            rf"\s+(?P<title>(?i:{titles})){WORD_END}{NOT_A_PERSON_AFTER}"
        )
        self._generic_re = re.compile(
            rf"{WORD_START}(?:[Tt]he|[Oo]ur)\s+(?P<title>{GENERIC_TITLES}){WORD_END}(?!\s+of\b)"
            rf"{NOT_A_PERSON_AFTER}"
        )
        self._pair_re = re.compile(rf"{WORD_START}(?i:(?:the\s+two|both)\s+(?:{PAIR_WORDS})){WORD_END}")
        self._group_re = re.compile(
            rf"{WORD_START}(?i:(?:the\s+)?(?:CIS\s+)?(?P<group>{_alternation(self._group_form)}))"
            rf"{WORD_END}{NOT_A_PERSON_AFTER}"
        )
        self._anaphor_re = re.compile(rf"{WORD_START}[Tt]he\s+{ANAPHORS}{WORD_END}")
        self._cis_secretary_re = re.compile(rf"{WORD_START}{CIS_SECRETARY}{WORD_END}", re.IGNORECASE)
        self._country_re = re.compile(rf"{WORD_START}(?:{country_names}){WORD_END}")
        self._outlet_re = re.compile(
            rf"{WORD_START}(?:{_alternation(o for c in self.reference.countries.values() for o in c.outlets)})"
            rf"{WORD_END}"
        )

    # --- finding ----------------------------------------------------------------------------

    def find(self, text: str) -> list[Reference]:
        """All references in `text`, non-overlapping, in order; a role next to a name
        ("President of Belarus Aleksandr Lukashenko") is folded into the name."""
        found = [
            *self._find_names(text),
            *self._find_roles(text),
            *(Reference(m.start(), m.end(), m.group(), "generic", title="president")
              for m in self._generic_re.finditer(text)),
            *(Reference(m.start(), m.end(), m.group(), "pair") for m in self._pair_re.finditer(text)),
            *(Reference(m.start(), m.end(), m.group(), "group", group=self._group_form[_fold(m.group("group"))])
              for m in self._group_re.finditer(text)),
            *(Reference(m.start(), m.end(), m.group(), "anaphor") for m in self._anaphor_re.finditer(text)),
            *(Reference(m.start(), m.end(), m.group(), "role", title="cis_executive_secretary")
              for m in self._cis_secretary_re.finditer(text)),
        ]
        return _merge_appositions(text, _non_overlapping(found), self.could_hold)

    def _find_names(self, text: str) -> Iterable[Reference]:
        for m in self._names_re.finditer(text):
            key = " ".join(m.group().split())
            if " " not in key and self._other_given_name(text, m.start()):
                continue  # "Viktor Lukashenko" is somebody else: never merge him into Aleksandr
            yield Reference(m.start(), m.end(), m.group(), "name", tuple(sorted(self.name_forms[key])))

    @staticmethod
    def _other_given_name(text: str, start: int) -> bool:
        """Is a surname preceded by a given name or initial that none of its known forms has?
        (A known form would have matched as the longer name.)"""
        before = _GIVEN_NAME_BEFORE.search(text[max(0, start - 40):start])
        if not before:
            return False
        return bool(before.group("initial")) or before.group("word") not in NOT_GIVEN_NAMES

    def _find_roles(self, text: str) -> Iterable[Reference]:
        for regex in (self._role_of_re, self._role_adj_re):
            for m in regex.finditer(text):
                title = TITLE_WORDS[_fold(m.group("title"))]
                country = self._country_form[_fold(m.group("country"))]
                yield Reference(m.start(), m.end(), m.group(), "role", title=title, country=country)

    def countries_in(self, text: str) -> list[str]:
        """Country ids named in `text` (by name, not by adjective), in order of first mention."""
        seen: dict[str, None] = {}
        for m in self._country_re.finditer(text):
            seen.setdefault(self._country_form[_fold(m.group())], None)
        return list(seen)

    def outlet(self, text: str) -> tuple[str, str] | None:
        """(outlet as first spelled in countries.toml, country id) for the first known outlet
        in `text`: a credit, a dateline or a source header, never running text, where "Trend"
        and "TASS reported" would mislead."""
        m = self._outlet_re.search(text)
        if not m:
            return None
        country = self._outlet_form[_fold(m.group())]
        spelling = next(o for o in self.reference.countries[country].outlets if _fold(o) == _fold(m.group()))
        return spelling, country

    # --- narrowing --------------------------------------------------------------------------

    def holders(self, title: str, country: str | None, day: dt.date | None) -> list[str]:
        """People who held `title` ("president", "prime_minister", "leader") in `country` on
        `day` (on any day, when the date is unknown)."""
        result = []
        for person in self.reference.people.values():
            for role in person.roles:
                if not role.active_on(day):
                    continue
                if title == "cis_executive_secretary":
                    if role.kind == title:
                        result.append(person.id)
                        break
                    continue
                if role.country != country:
                    continue
                if (title == "president" and role.is_head_of_state) or (
                    title == "prime_minister" and role.kind == "prime_minister") or (
                    title == "leader" and role.leader):
                    result.append(person.id)
                    break
        return result

    def could_hold(self, person_id: str, role_ref: Reference) -> bool:
        """Did the person ever hold the office a role reference names (so "President of
        Belarus Aleksandr Lukashenko" is one reference, but not "Lukashenko, President of ...")?"""
        person = self.reference.people.get(person_id)
        if not person:
            return False
        if role_ref.title == "cis_executive_secretary":
            return any(role.kind == "cis_executive_secretary" for role in person.roles)
        return any(role.country == role_ref.country for role in person.roles)

    def is_head_of_state(self, person_id: str, day: dt.date | None) -> bool:
        person = self.reference.people.get(person_id)
        return bool(person) and any(r.leader for r in person.roles_on(day))

    def narrow(self, candidates: Iterable[str], day: dt.date | None, named: Iterable[str]) -> tuple[str, ...]:
        """Cut an ambiguous candidate list down: first to people in office on the day, then
        to people the article already named. More than one left means ambiguous."""
        pool = list(dict.fromkeys(candidates))
        if len(pool) > 1 and day is not None:
            in_office = [pid for pid in pool if self.reference.people[pid].roles_on(day)]
            pool = in_office or pool
        if len(pool) > 1:
            named_set = set(named)
            already = [pid for pid in pool if pid in named_set]
            pool = already or pool
        return tuple(pool)

    def resolve(self, ref: Reference, day: dt.date | None, named: Iterable[str]) -> tuple[str, ...]:
        """Person ids for a name or role reference (several when still ambiguous)."""
        if ref.kind == "name":
            return self.narrow(ref.candidates, day, named)
        if ref.kind == "role" and (ref.country or ref.title == "cis_executive_secretary"):
            return self.narrow(self.holders(ref.title or "leader", ref.country, day), day, named)
        return ()


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def _non_overlapping(found: list[Reference]) -> list[Reference]:
    """Keep the earliest, then longest, of overlapping matches."""
    kept: list[Reference] = []
    for ref in sorted(found, key=lambda r: (r.start, -(r.end - r.start))):
        if kept and ref.start < kept[-1].end:
            continue
        kept.append(ref)
    return kept


_APPOSITION_GAP = re.compile(r"^[\s,(\[]{0,3}$")


def _merge_appositions(text: str, refs: list[Reference], could_hold) -> list[Reference]:
    """Fold "President of Uzbekistan, Shavkat Mirziyoyev" and "Mirziyoyev, Uzbekistan
    President" into one name reference carrying the role's country, but only when the named
    person held an office there: in "Lukashenko, President of Azerbaijan Ilham Aliyev" the role
    belongs to Aliyev."""

    def fits(name: Reference, role: Reference, gap_from: Reference, gap_to: Reference) -> bool:
        return (
            name.kind == "name" and role.kind == "role"
            and bool(_APPOSITION_GAP.match(text[gap_from.end:gap_to.start]))
            and any(could_hold(pid, role) for pid in name.candidates)
        )

    merged: list[Reference] = []
    i = 0
    while i < len(refs):
        ref, nxt = refs[i], refs[i + 1] if i + 1 < len(refs) else None
        after = refs[i + 2] if i + 2 < len(refs) else None
        role_first = nxt is not None and fits(nxt, ref, ref, nxt)
        name_first = (nxt is not None and fits(ref, nxt, ref, nxt)
                      and not (after is not None and fits(after, nxt, nxt, after)))
        if role_first or name_first:
            name, role = (nxt, ref) if role_first else (ref, nxt)
            merged.append(Reference(ref.start, nxt.end, text[ref.start:nxt.end], "name",
                                    name.candidates, role.title, role.country))
            i += 2
            continue
        merged.append(ref)
        i += 1
    return merged
