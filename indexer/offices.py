"""People's offices as readers name them ("President of Belarus", "Kremlin spokesman"), dated, for
the index's meta record: the site says who someone was when they spoke without the reference files."""

from __future__ import annotations

import datetime as dt

from .reference import ReferenceData, Role

ROLE_WORDS = {"president": "President", "head_of_state": "Head of state", "prime_minister": "Prime Minister",
              "foreign_minister": "Foreign Minister", "minister": "Minister", "spokesperson": "Spokesperson",
              "aide": "Aide", "cis_executive_secretary": "CIS Secretary General"}


def role_label(role: Role, reference: ReferenceData) -> str:
    if role.title:
        return role.title
    country = reference.countries.get(role.country)
    word = ROLE_WORDS.get(role.kind, role.kind.replace("_", " ").capitalize())
    return f"{word} of {country.name}" if country and role.kind != "cis_executive_secretary" else word


def offices(reference: ReferenceData) -> dict[str, list[list]]:
    """Each person's offices as [label, country name, from, to] (ISO dates; to None while held)."""
    return {person.id: [[role_label(role, reference),
                         reference.countries[role.country].name if role.country in reference.countries else None,
                         role.start.isoformat(), role.end.isoformat() if role.end else None]
                        for role in person.roles]
            for person in reference.people.values()}


def office_on(roles: list[list], day: str | None) -> tuple[str, str | None] | None:
    """The office held on `day` (ISO), the latest one when undated or none was held then:
    (label, country name). A leader's office comes before a second one held at once."""
    if not roles:
        return None
    held = [r for r in roles if day and r[2] <= day and (r[3] is None or day < r[3])]
    chosen = held[0] if held else max(roles, key=lambda r: r[3] or dt.date.max.isoformat())
    return chosen[0], chosen[1]
