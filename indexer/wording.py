"""Counts in words, so no message says "1 passages"."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """"1 passage", "2 passages", "0 passages"; `plural_form` for nouns that do not add -s
    ("1 summary", "3 summaries")."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"
