"""The one place that resolves names: finds references to people, roles, groups and countries
in text, and narrows each to person ids using the article's date and what it named before.

Finding is context-free (regexes built once from the reference data); narrowing takes the
article context, because "the Kazakh President" is Nazarbayev in 2018 and Tokayev in 2023, and
"Aliyev" is Heydar before 31 October 2003 and Ilham after.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from . import roles
from .name_forms import name_forms
from .name_patterns import (
    ANAPHORS,
    CAPITALISED,
    CIS_SECRETARY,
    GENERIC_TITLES,
    GIVEN_NAME_BEFORE,
    MID_SENTENCE,
    MIN_SURNAME_ALONE,
    NOT_A_PERSON_AFTER,
    NOT_GIVEN_NAMES,
    PAIR_WORDS,
    RUSSIAN_PAIR,
    TITLE_BEFORE,
    WORD_END,
    WORD_START,
    WordRegex,
    alternation,
    fold,
    trie_regex,
)
from .reference import ReferenceData
from .references import Reference, counterparts, drop_titles_of_unknown_people, merge_appositions, non_overlapping
from .roles import TITLE_WORDS
from .russian_names import is_cyrillic
from .russian_people import someone_else_before
from .russian_roles import RussianRoles
from .spelling import SpellingIndex, skeleton

__all__ = ["NOT_GIVEN_NAMES", "TITLE_WORDS", "NameResolver", "Reference"]


FIND_CACHE_SIZE = 512


class NameResolver:
    def __init__(self, reference: ReferenceData):
        self.reference = reference
        self.name_forms, self.oblique_forms = name_forms(reference.people.values())
        self.spelling = SpellingIndex(reference.people.values())
        self._country_form = {}
        for country in reference.countries.values():
            for form in (country.name, *country.variants, *country.demonyms):
                self._country_form[fold(form)] = country.id
        self._group_form = {
            fold(phrase): group.id for group in reference.groups.values() for phrase in group.phrases
        }
        self._outlet_form = {
            fold(outlet): country.id
            for country in reference.countries.values()
            for outlet in country.outlets
        }
        self._compile()
        self._found: dict[str, tuple[Reference, ...]] = {}
        self._cache_size = FIND_CACHE_SIZE

    # --- building ---------------------------------------------------------------------------

    def _compile(self) -> None:
        country_names = alternation(
            form for c in self.reference.countries.values() for form in (c.name, *c.variants)
        )
        self._roles = roles.RolePatterns(self.reference, self._country_form, country_names)
        self._russian_roles = RussianRoles()
        latin = [form for form in self.name_forms if not is_cyrillic(form)]
        self._names_re = WordRegex(rf"(?:{alternation(latin)}){WORD_END}")
        # Russian forms, six cases each, are many: a trie keeps the regex's cost that of one name
        cyrillic = [form for form in self.name_forms if is_cyrillic(form)]
        self._russian_names_re = WordRegex(rf"(?:{trie_regex(cyrillic)}){WORD_END}") if cyrillic else None
        self._generic_re = WordRegex(
            rf"(?:[Tt]he|[Oo]ur)\s+(?P<title>{GENERIC_TITLES}){WORD_END}(?!\s+of\b)"
            rf"{NOT_A_PERSON_AFTER}"
        )
        self._pair_re = WordRegex(rf"(?:(?i:(?:the\s+two|both)\s+(?:{PAIR_WORDS}))|{RUSSIAN_PAIR}){WORD_END}")
        self._group_re = re.compile(
            rf"{WORD_START}(?i:(?:the\s+)?(?:CIS\s+)?(?P<group>{alternation(self._group_form)}))"
            rf"{WORD_END}{NOT_A_PERSON_AFTER}"
        )
        self._anaphor_re = WordRegex(rf"[Tt]he\s+{ANAPHORS}{WORD_END}")
        self._cis_secretary_re = re.compile(rf"{WORD_START}{CIS_SECRETARY}{WORD_END}", re.IGNORECASE)
        self._country_re = WordRegex(rf"(?:{country_names}){WORD_END}")
        self._outlet_re = WordRegex(
            rf"(?:{alternation(o for c in self.reference.countries.values() for o in c.outlets)})"
            rf"{WORD_END}"
        )

    # --- finding ----------------------------------------------------------------------------

    def find(self, text: str) -> list[Reference]:
        """All references in `text`, non-overlapping, in order; a role next to a name
        ("President of Belarus Aleksandr Lukashenko") is folded into the name. Summit
        inference and attribution both ask about the same paragraphs, so the last few hundred
        answers are kept (references are immutable; the list is copied), or a whole article's
        (see `article`)."""
        cached = self._found.get(text)
        if cached is None:
            if len(self._found) >= self._cache_size:
                self._found.clear()
            cached = self._found[text] = tuple(self._find(text))
        return list(cached)

    @contextmanager
    def article(self, paragraphs: int) -> Iterator[None]:
        """While one article is tagged, keep the answers about all its paragraphs: summit
        inference reads them all before attribution does, and a cache of a few hundred would
        be emptied in between, so an article of thousands of lines was read twice."""
        room = 2 * paragraphs + 16  # each paragraph, a speaker label in each, the title
        if room > FIND_CACHE_SIZE:
            self._found.clear()
            self._cache_size = room
        try:
            yield
        finally:
            self._cache_size = FIND_CACHE_SIZE
            if len(self._found) > FIND_CACHE_SIZE:
                self._found.clear()

    def _find(self, text: str) -> list[Reference]:
        found = [
            *self._find_names(text),
            *self._find_roles(text),
            *(Reference(m.start(), m.end(), m.group(), "generic", title="president")
              for m in self._generic_re.finditer(text)),
            *(Reference(m.start(), m.end(), m.group(), "pair") for m in self._pair_re.finditer(text)),
            *(Reference(m.start(), m.end(), m.group(), "group", group=self._group_form[fold(m.group("group"))])
              for m in self._group_re.finditer(text)),
            *(Reference(m.start(), m.end(), m.group(), "anaphor") for m in self._anaphor_re.finditer(text)),
            *(Reference(m.start(), m.end(), m.group(), "role", title="cis_executive_secretary")
              for m in self._cis_secretary_re.finditer(text)),
        ]
        refs = merge_appositions(text, non_overlapping(found), self.could_hold)
        return drop_titles_of_unknown_people(text, counterparts(refs, self.reference))

    def _find_names(self, text: str) -> Iterable[Reference]:
        """Listed forms first (one regex); then every other capitalised word, by skeleton."""
        claimed: list[tuple[int, int]] = []
        matches = list(self._names_re.finditer(text))
        if self._russian_names_re is not None and is_cyrillic(text):
            matches = sorted([*matches, *self._russian_names_re.finditer(text)], key=lambda m: m.start())
        for m in matches:
            key = " ".join(m.group().split())
            if key not in self.name_forms:
                key = m.group()  # "В.Путин", with no space to restore
            claimed.append((m.start(), m.end()))
            if " " in key or "." in key:
                yield Reference(m.start(), m.end(), m.group(), "name", tuple(sorted(self.name_forms[key])),
                                oblique=key in self.oblique_forms)
                continue
            if is_cyrillic(key) and someone_else_before(text, m.start()):
                continue  # "Виктор Лукашенко" is not Aleksandr
            ref = self._surname_ref(text, m.start(), m.end(), self.name_forms[key], near=False)
            if ref:
                yield dataclasses.replace(ref, oblique=key in self.oblique_forms) if key in self.oblique_forms else ref
        yield from self._find_by_skeleton(text, claimed)

    def _find_by_skeleton(self, text: str, claimed: list[tuple[int, int]]) -> Iterable[Reference]:
        """Surnames spelt by another romanisation ("Toqaev", "Berdimuhamedow"): each capitalised
        word the listed forms left alone is looked up by skeleton."""
        index = 0
        for m in CAPITALISED.finditer(text):
            start, end = m.span()
            while index < len(claimed) and claimed[index][1] <= start:
                index += 1
            word = m.group()
            if (index < len(claimed) and claimed[index][0] < end) or word in NOT_GIVEN_NAMES or word.isupper():
                continue
            ids, near = self.spelling.surname(word)
            if ids:
                ref = self._surname_ref(text, start, end, ids, near)
                if ref:
                    yield ref
            else:
                ref = self._misspelt_full_name(text, start, end)
                if ref:
                    yield ref

    def _misspelt_full_name(self, text: str, start: int, end: int) -> Reference | None:
        lo = max(0, start - 40)
        before = GIVEN_NAME_BEFORE.search(text[lo:start])
        if not before or not before.group("word") or before.group("word") in NOT_GIVEN_NAMES:
            return None
        fits = self.spelling.misspelt_with_given(text[start:end], before.group("word"))
        if len(fits) != 1:
            return None
        begin = lo + before.start("word")
        return Reference(begin, end, text[begin:end], "name", tuple(fits))

    def _surname_ref(self, text: str, start: int, end: int, ids, near: bool) -> Reference | None:
        """A name reference for a surname at start:end, reaching back over the given name or
        initial before it, which must be one of these people's ("Viktor Lukashenko" is somebody
        else, never merged into Aleksandr); None when it is not."""
        lo = max(0, start - 40)
        before = GIVEN_NAME_BEFORE.search(text[lo:start])
        surname_alone = not before or (before.group("word") in NOT_GIVEN_NAMES)
        if surname_alone:
            if near and not (TITLE_BEFORE.search(text[lo:start]) or MID_SENTENCE.search(text[lo:start])):
                return None  # a near spelling counts only where a proper noun is surely meant
            if len(skeleton(text[start:end])) < MIN_SURNAME_ALONE and (
                    " ".join(text[start:end].split()) not in self.name_forms):
                return None
            return Reference(start, end, text[start:end], "name", tuple(sorted(ids)))
        if before.group("initial"):
            fits = self.spelling.with_initial(ids, before.group("initial")) if near or (
                " ".join(text[start:end].split()) not in self.name_forms) else set()
            begin = lo + before.start("initial")
        else:
            fits = self.spelling.with_given(ids, before.group("word"))
            begin = lo + before.start("word")
        if not fits:
            return None
        return Reference(begin, end, text[begin:end], "name", tuple(sorted(fits)))

    def _find_roles(self, text: str) -> Iterable[Reference]:
        for start, end, title, country, qualifier in self._roles.find(text):
            yield Reference(start, end, text[start:end], "role", title=title, country=country, qualifier=qualifier)
        if is_cyrillic(text):
            for role in self._russian_roles.find(text):
                yield Reference(role.start, role.end, text[role.start:role.end],
                                "generic" if role.generic else "role", title=role.title, country=role.country,
                                qualifier=role.qualifier, oblique=role.oblique)

    def countries_in(self, text: str) -> list[str]:
        """Country ids named in `text` (by name, not by adjective), in order of first mention."""
        seen: dict[str, None] = {}
        for m in self._country_re.finditer(text):
            seen.setdefault(self._country_form[fold(m.group())], None)
        return list(seen)

    def outlet(self, text: str) -> tuple[str, str] | None:
        """(outlet as first spelled in countries.toml, country id) for the first known outlet
        in `text`: a credit, a dateline or a source header, never running text, where "Trend"
        and "TASS reported" would mislead."""
        m = self._outlet_re.search(text)
        if not m:
            return None
        country = self._outlet_form[fold(m.group())]
        spelling = next(o for o in self.reference.countries[country].outlets if fold(o) == fold(m.group()))
        return spelling, country

    # --- narrowing --------------------------------------------------------------------------

    def holders(self, title: str, country: str | None, day: dt.date | None, qualifier: str | None = None) -> list[str]:
        """People who held `title` ("president", "leader", "foreign_minister", "spokesperson",
        ...) in `country` on `day` (on any day, when the date is unknown)."""
        return roles.holders(self.reference, title, country, day, qualifier)

    def could_hold(self, person_id: str, role_ref: Reference) -> bool:
        """Did the person ever hold the office a role reference names (so "President of
        Belarus Aleksandr Lukashenko" is one reference, but not "Lukashenko, President of ...",
        nor "Lavrov, Russian President ...")?"""
        return roles.could_hold(self.reference, person_id, role_ref.title, role_ref.country)

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
            named_set = _as_set(named)
            already = [pid for pid in pool if pid in named_set]
            pool = already or pool
        return tuple(pool)

    def resolve(self, ref: Reference, day: dt.date | None, named: Iterable[str]) -> tuple[str, ...]:
        """Person ids for a name or role reference (several when still ambiguous)."""
        if ref.kind == "name":
            return self.narrow(ref.candidates, day, named)
        if ref.kind != "role":
            return ()
        if ref.country or ref.title == "cis_executive_secretary":
            return self.narrow(self.holders(ref.title or "leader", ref.country, day, ref.qualifier), day, named)
        if roles.official(ref.title):
            # "the foreign minister" with no country: only someone the article already named
            named_set = _as_set(named)
            pool = [pid for pid in self.holders(ref.title, None, day, ref.qualifier) if pid in named_set]
            return self.narrow(pool, day, named)
        return ()


def _as_set(named: Iterable[str]):
    """`named` for membership tests: attribution passes the people named so far as a dict, which
    is not copied (it is asked once per ambiguous name, and a long article names many)."""
    return named if isinstance(named, (set, frozenset, dict)) else set(named)
