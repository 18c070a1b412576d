"""A reference in text to a person or would-be speaker, and how the references the finders
return become one list: overlaps dropped, a title beside a name folded into it ("President of
Uzbekistan, Shavkat Mirziyoyev"), a title before a name nobody listed left out."""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from . import roles
from .reference import ReferenceData


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
    qualifier: str | None = None  # "kremlin", "presidential": the president's staff, not the government's
    oblique: bool = False  # a Russian form that is never nominative ("Путина"): not a verb's subject


def non_overlapping(found: list[Reference]) -> list[Reference]:
    """Keep the earliest, then longest, of overlapping matches."""
    kept: list[Reference] = []
    for ref in sorted(found, key=lambda r: (r.start, -(r.end - r.start))):
        if kept and ref.start < kept[-1].end:
            continue
        kept.append(ref)
    return kept


_APPOSITION_GAP = re.compile(r"^[\s,(\[]{0,3}$")


def merge_appositions(text: str, refs: list[Reference], could_hold) -> list[Reference]:
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
                                    name.candidates, role.title, role.country,
                                    oblique=ref.oblique))  # the first word's case: "Президента ... Медведева"
            i += 2
            continue
        merged.append(ref)
        i += 1
    return merged


_UNKNOWN_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+")


def drop_titles_of_unknown_people(text: str, refs: list[Reference]) -> list[Reference]:
    """"Kremlin aide Ivan Sidorov": a title standing before a name nobody listed is that
    person's title, not a reference to whoever holds the office in people.toml."""
    starts = [ref.start for ref in refs]  # in order: the refs do not overlap
    return [ref for ref in refs
            if not (ref.kind == "role" and (m := _UNKNOWN_NAME_AFTER.match(text, ref.end))
                    and bisect.bisect_left(starts, m.end()) == bisect.bisect_left(starts, ref.end))]


def counterparts(refs: list[Reference], reference: ReferenceData) -> list[Reference]:
    """"Lavrov and his Belarusian counterpart": a counterpart holds the office of whoever
    was referred to just before, so here the Belarusian foreign minister, not the leader."""
    for i, ref in enumerate(refs):
        if i and ref.kind == "role" and "counterpart" in ref.surface.lower():
            before = refs[i - 1]
            kind = before.title if roles.official(before.title) else (
                roles.official_kind(reference, before.candidates) if before.kind == "name" else None)
            if kind:
                refs[i] = dataclasses.replace(ref, title=kind)
    return refs
