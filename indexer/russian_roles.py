"""Offices as Russian copy names them: "президент России", "Президента Республики Беларусь",
"белорусский лидер", "глава белорусского государства", "глава МИД РФ", "представитель
Кремля", "генеральный секретарь СНГ", and "Глава государства" with no country.

The English finder (`roles.py`) reads "the Belarusian leader"; Russian puts the country in the
genitive after the title or in an adjective before it, and declines both. Each match says
whether its title word is in an oblique case ("поздравил Президента Казахстана"): the subject of
a speech verb is nominative, so attribution passes over oblique titles.

The country forms are grammar, not facts about the world, so they live here rather than in
countries.toml; the ids are countries.toml's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .name_patterns import WORD_END, WORD_START

# the country after a title, in the genitive
COUNTRY_GENITIVE = {
    "russia": ("России", "РФ", "Российской Федерации"),
    "belarus": ("Беларуси", "Белоруссии", "Республики Беларусь", "Белоруссии"),
    "kazakhstan": ("Казахстана", "Республики Казахстан"),
    "kyrgyzstan": ("Киргизии", "Киргизстана", "Кыргызстана", "Кыргызской Республики", "Киргизской Республики"),
    "tajikistan": ("Таджикистана", "Республики Таджикистан"),
    "uzbekistan": ("Узбекистана", "Республики Узбекистан"),
    "turkmenistan": ("Туркменистана", "Туркмении"),
    "azerbaijan": ("Азербайджана", "Азербайджанской Республики"),
    "armenia": ("Армении", "Республики Армения"),
    "moldova": ("Молдавии", "Молдовы", "Республики Молдова"),
    "ukraine": ("Украины",),
    "georgia": ("Грузии",),
}
# the country as an adjective before a title, by stem ("белорусск-ий лидер")
COUNTRY_ADJECTIVE = {
    "russia": ("российск",), "belarus": ("белорусск",), "kazakhstan": ("казахстанск", "казахск"),
    "kyrgyzstan": ("киргизск", "кыргызск"), "tajikistan": ("таджикск",), "uzbekistan": ("узбекск",),
    "turkmenistan": ("туркменск",), "azerbaijan": ("азербайджанск",), "armenia": ("армянск",),
    "moldova": ("молдавск", "молдовск"), "ukraine": ("украинск",), "georgia": ("грузинск",),
}
_ADJ_END = r"(?:ий|ого|ому|им|ом)"
_NOUN_END = r"(?P<obl>а|у|ом|ем|е)?"  # "президент" nominative, "президента" and the rest oblique
_GLAVA = r"[Гг]лав(?:а|(?P<gobl>ы|е|у|ой))"  # "глава" is nominative, "главы", "главе" oblique

# title pattern -> title kind; each may take a country after it or an adjective before it
_TITLES = (
    (rf"[Пп]резидент{_NOUN_END}", "president"),
    (rf"[Лл]идер{_NOUN_END}", "leader"),
    (rf"[Пп]ремьер(?:-[Мм]инистр)?{_NOUN_END}", "prime_minister"),
    (rf"(?:{_GLAVA}|[Пп]редседател(?:ь|(?P<pobl>я|ю|ем|е)))\s+[Пп]равительства", "prime_minister"),
    (rf"[Мм]инистр{_NOUN_END}\s+иностранных\s+дел", "foreign_minister"),
    (rf"{_GLAVA}\s+(?:МИД(?:а|е)?|внешнеполитического\s+ведомства)", "foreign_minister"),
    # "глава российского внешнеполитического ведомства", "глава белорусской дипломатии": the country inside
    (rf"{_GLAVA}\s+(?P<aadj>(?i:{{adjectives}})(?:ого|ой))\s+(?:МИД(?:а|е)?|внешнеполитического\s+ведомства"
     r"|дипломатии)", "foreign_minister"),
    # "Глава РФ ответил", "главы Казахстана": the head of a named country; "глава делегации" is no title
    (rf"{_GLAVA}(?=\s+(?:{{countries}})(?![\w-]))", "head"),
    (r"[Пп]ресс-секретар(?:ь|(?P<sobl>я|ю|ем|е))", "spokesperson"),
    (r"(?:официальн(?:ый|ого|ому|ым)\s+)?[Пп]редставител(?:ь|(?P<robl>я|ю|ем|е))(?=\s+Кремля)", "spokesperson"),
    # "помощник президента России", "помощника российского лидера": the adjective is the leader's
    (rf"[Пп]омощник(?P<aobl>а|у|ом|е)?\s+(?:президента|(?P<aadj>(?i:{{adjectives}}){_ADJ_END})\s+лидера)", "aide"),
)
_SECRETARY = (
    r"(?:[Гг]енеральн(?:ый|(?P<o1>ого|ому|ым))\s+секретар(?:ь|я|ю|ем)|[Гг]енсек(?P<o2>а|у|ом)?"
    rf"|(?:[Пп]редседател(?:ь|(?P<o3>я|ю|ем|е))|{_GLAVA})\s+(?:[Ии]сполкома|Исполнительного\s+комитета)"
    r"(?:\s+(?:СНГ|Содружества))?(?:\s*[,–—-]\s*исполнительн(?:ый|ого|ому|ым)\s+секретар(?:ь|я|ю|ем))?"
    r"|[Ии]сполнительн(?:ый|(?P<o4>ого|ому|ым))\s+секретар(?:ь|я|ю|ем)(?=\s+(?:СНГ|Содружества)))"
    r"(?:\s+(?:СНГ|Содружества(?:\s+Независимых\s+Государств)?))?"
)
# "Глава государства", "глава белорусского государства": the head of state
_HEAD_OF_STATE = rf"{_GLAVA}\s+(?:(?P<adj>[а-яё]+{_ADJ_END})\s+)?государства"


# "бывший президент", "первый президент Казахстана", "заместитель председателя правительства":
# someone else's office, or one held no longer
_MODIFIED = re.compile(r"(?<![\w-])(?:бывш|экс-|перв|вице-|заместител|зам|покойн|тогдашн|прежн|и\.\s*о\.|"
                       r"исполняющ\w*\s+обязанности)[\w-]*\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class RussianRole:
    start: int
    end: int
    title: str
    country: str | None
    qualifier: str | None
    oblique: bool
    generic: bool = False  # "Глава государства": whose, the outlet and the discourse decide


class RussianRoles:
    def __init__(self) -> None:
        genitive = "|".join(sorted((re.escape(f).replace(r"\ ", r"\s+") for forms in COUNTRY_GENITIVE.values()
                                    for f in forms), key=len, reverse=True))
        self._genitive_country = {" ".join(f.split()): c for c, forms in COUNTRY_GENITIVE.items() for f in forms}
        adjectives = "|".join(stem for stems in COUNTRY_ADJECTIVE.values() for stem in stems)
        self._adjective_country = {stem: c for c, stems in COUNTRY_ADJECTIVE.items() for stem in stems}
        titles = "|".join(
            f"(?P<t{i}>{_numbered(pattern.replace('{adjectives}', adjectives).replace('{countries}', genitive), i)})"
            for i, (pattern, _) in enumerate(_TITLES))
        self._title_kinds = {f"t{i}": kind for i, (_, kind) in enumerate(_TITLES)}
        self._titled = re.compile(
            rf"{WORD_START}(?:(?P<adj>(?i:{adjectives}){_ADJ_END})\s+)?(?:{titles})"
            rf"(?:\s+(?P<kremlin>Кремля)|\s+(?P<country>{genitive}))?{WORD_END}")
        self._secretary = re.compile(rf"{WORD_START}{_SECRETARY}{WORD_END}")
        self._head = re.compile(rf"{WORD_START}{_HEAD_OF_STATE}{WORD_END}")

    def find(self, text: str) -> list[RussianRole]:
        found = [*self._find_titles(text), *self._find_secretaries(text), *self._find_heads(text)]
        return sorted((r for r in found if not _MODIFIED.search(text, max(0, r.start - 40), r.start)),
                      key=lambda r: (r.start, -r.end))

    def _find_titles(self, text: str):
        for m in self._titled.finditer(text):
            group = next(name for name in self._title_kinds if m.group(name))
            kind = self._title_kinds[group]
            country = self._country(m)
            oblique = _oblique(m)
            if m.group("adj") and not country:
                continue  # an adjective that names no country ("новый президент")
            qualifier = "kremlin" if m.group("kremlin") else None
            if m.group("kremlin"):
                country = "russia"
            if kind == "head":
                kind = "leader"  # who leads the country at summits: Armenia's prime minister since 2018
            if country is None and kind in ("president", "leader"):
                if kind == "president" and not re.match(r"\s+[А-ЯЁ]", text[m.end():m.end() + 2]):
                    # "сказал президент", "Президент не назвал даты": the president the story follows
                    yield RussianRole(m.start(), m.end(), "president", None, None, oblique, generic=True)
                continue
            yield RussianRole(m.start(), m.end(), kind, country, qualifier, oblique)

    def _find_secretaries(self, text: str):
        for m in self._secretary.finditer(text):
            oblique = _oblique(m)
            yield RussianRole(m.start(), m.end(), "cis_executive_secretary", None, None, oblique)

    def _find_heads(self, text: str):
        for m in self._head.finditer(text):
            country = self._adjective(m.group("adj")) if m.group("adj") else None
            if m.group("adj") and not country:
                continue
            yield RussianRole(m.start(), m.end(), "president", country, None, _oblique(m),
                              generic=country is None)

    def _country(self, m: re.Match) -> str | None:
        if m.group("country"):
            return self._genitive_country.get(" ".join(m.group("country").split()))
        adjective = m.group("adj") or next((v for k, v in m.groupdict().items() if k.startswith("aadj") and v), None)
        return self._adjective(adjective) if adjective else None

    def _adjective(self, word: str) -> str | None:
        low = word.lower()
        return next((c for stem, c in self._adjective_country.items() if low.startswith(stem)), None)


_OBLIQUE_GROUP = re.compile(r"\(\?P<(o\d|obl|gobl|pobl|sobl|robl|aobl|aadj)>")


def _numbered(pattern: str, i: int) -> str:
    """Each title's case groups renamed apart: one regex may not repeat a group name."""
    return _OBLIQUE_GROUP.sub(lambda m: f"(?P<{m.group(1)}_{i}>", pattern)


def _oblique(m: re.Match) -> bool:
    """Did a case ending other than the nominative's match (a group named for it)?"""
    return any(value is not None and name.startswith(("o", "gobl", "pobl", "sobl", "robl", "aobl"))
               for name, value in m.groupdict().items())
