"""Leaders an article names in office, as evidence of when it was written: "Kyrgyz President
Almazbek Atambayev" rules out every summit outside his term.

Names are found by `NameResolver.find`, paragraph by paragraph: attribution asks it about the
same paragraphs right after, and the resolver keeps its answers, so the summit's share of the
cost is small. A leader counts with an office beside the name ("President Medvedev", "Medvedev,
the Russian President") or, when the article names the office elsewhere ("The Kyrgyz President
thanked the guests. ... Almazbek Atambayev said"), as the only person named who ever held it;
never a former one ("former President Akayev", "бывший президент Акаев") and never in a sentence about another summit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .names import NameResolver, Reference
from .reference import ReferenceData, Role

TITLE_BEFORE = re.compile(
    r"(?<![\w-])(?P<title>President|Prime\s+Minister|Premier|[Ll]eader|Head\s+of\s+State|(?:CIS|[Ee]xecutive)\s+"
    r"[Ss]ecretary|[Пп]резидент(?:а|у|ом|е)?|[Пп]ремьер(?:-министр(?:а|у|ом|е)?)?|[Гг]лав(?:а|ы|е|у|ой)\s+государства|"
    r"[Лл]идер(?:а|у|ом|е)?)[\s,]{1,3}$")
# Russian: "бывший президент", "экс-президент", "первый президент Казахстана" (the founding one, out
# of office when named so), "покойный", "тогдашний"
FORMER_BEFORE = re.compile(
    r"(?:former|ex-|then-?|late|previous|predecessor,?|(?<![\w-])(?:бывш\w*|экс-|перв(?:ый|ого|ому|ым)|покойн\w*|"
    r"прежн\w*|тогдашн\w*|предшественник\w*))\s*(?:\w+\s+){0,3}$", re.IGNORECASE)
TITLE_KIND = {"president": "president", "prime minister": "prime_minister", "premier": "prime_minister",
              "leader": "leader", "head of state": "president"}
# Russian titles in any case ("Президента Казахстана", "премьер-министром"), by their stems
RUSSIAN_TITLE_KIND = (("президент", "president"), ("премьер", "prime_minister"), ("глав", "president"),
                      ("лидер", "leader"))


@dataclass(frozen=True)
class NamedLeader:
    people: tuple[str, ...]  # the person ids the name may mean
    kind: str  # president, prime_minister, leader, or a role kind
    country: str | None
    surface: str


def fits(role: Role, kind: str, country: str | None) -> bool:
    if country and role.country != country:
        return False
    return {"president": role.is_head_of_state, "leader": role.leader,
            "prime_minister": role.kind == "prime_minister"}.get(kind, role.kind == kind)


def leaders_in(parts: list[str], resolver: NameResolver, about_this: Callable[[int], bool]) -> list[NamedLeader]:
    """Leaders named with an office, beside the name or elsewhere in the article; `about_this`
    says whether an offset into the joined parts is in a sentence about the summit reported."""
    titled: list[NamedLeader] = []
    untitled: list[tuple[Reference, str]] = []  # (name, its surface), offsets into the joined text
    # (kind, country) named by a role alone ("the Kyrgyz President"), in text order: a dict, not
    # a set, so the evidence notes come out the same on every run whatever the hash seed
    offices: dict[tuple[str, str], None] = {}
    offset = 0
    for part in parts:
        previous = None
        for ref in resolver.find(part) if part else ():
            if not about_this(offset + ref.start):
                previous = ref
                continue
            if ref.kind == "role" and ref.country and ref.title:
                offices[(TITLE_KIND.get(ref.title.lower(), ref.title), ref.country)] = None
            elif ref.kind == "name" and ref.candidates:
                found = _titled(part, ref, previous)
                if found:
                    titled.append(found)
                elif not FORMER_BEFORE.search(part[max(0, ref.start - 40):ref.start]):
                    untitled.append((ref, " ".join(ref.surface.split())))
            previous = ref
        offset += len(part) + 1
    said = {(leader.kind, leader.country) for leader in titled}  # "Kyrgyz President Atambayev" said it
    return titled + _office_elsewhere(resolver.reference, untitled, [o for o in offices if o not in said])


def _titled(text: str, ref: Reference, previous: Reference | None) -> NamedLeader | None:
    kind, country = (TITLE_KIND.get((ref.title or "").lower(), ref.title), ref.country)
    if not kind and previous is not None and previous.kind == "role" and previous.title and re.fullmatch(
            r"[\s,]{0,3}", text[previous.end:ref.start]):
        kind, country = previous.title, None  # a role for the wrong country: the office still counts
    if not kind and (m := TITLE_BEFORE.search(text[max(0, ref.start - 40):ref.start])):
        title = " ".join(m.group("title").lower().split())
        russian = next((k for stem, k in RUSSIAN_TITLE_KIND if title.startswith(stem)), None)
        kind, country = russian or TITLE_KIND.get(title, "cis_executive_secretary"), None
    start = previous.start if previous is not None and kind and ref.title is None else ref.start
    if kind and kind != "generic" and not FORMER_BEFORE.search(text[max(0, start - 40):ref.start]):
        return NamedLeader(ref.candidates, kind, country, " ".join(ref.surface.split()))
    return None


def _office_elsewhere(reference: ReferenceData, untitled, offices) -> list[NamedLeader]:
    """Names without an office beside them, for an office the article names elsewhere and no
    name bears: only when exactly one person named ever held it (two would be a leader and a
    predecessor, or a president and the prime minister who held the office before or after)."""
    found = []
    for kind, country in offices:
        holders = {}
        for ref, surface in untitled:
            people = tuple(p for p in ref.candidates if any(fits(r, kind, country) for r in reference.people[p].roles))
            if people:
                holders.setdefault(people, surface)
        if len(holders) == 1:
            (people, surface), = holders.items()
            found.append(NamedLeader(people, kind, country, f"{surface} (office named elsewhere)"))
    return found
