"""Every listed surface form of every person, each mapped to the people it may mean: the
table the name finder's one big regex is built from (`names.py`).

Names, variants, patronymic forms, surnames alone and initial forms ("V. Putin"); Russian forms
in every case (`russian_names`), with "ё" printed as "е" too. Other spellings are left to the
skeleton pass (`SpellingIndex`). A form that is oblique for everyone it may mean ("Путина") is
never a verb's subject, so it is set apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from .language import yo_as_ye
from .reference import Person
from .russian_names import full_name_forms, is_cyrillic


def name_forms(people: Iterable[Person]) -> tuple[dict[str, set[str]], set[str]]:
    """(form -> person ids, the forms that are oblique for everyone they may mean)."""
    forms: dict[str, set[str]] = {}
    oblique: set[str] = set()
    nominative: set[str] = set()
    for person in people:
        for full in (person.name, *person.variants, *person.russian):
            if is_cyrillic(full):
                for form in full_name_forms(full):
                    # most Russian copy prints "ё" as "е": "Мирзиеев" is "Мирзиёев"
                    for text in {form.text, yo_as_ye(form.text)}:
                        forms.setdefault(text, set()).add(person.id)
                        (oblique if form.oblique else nominative).add(text)
                continue
            words = full.split()
            for form in (full, words[-1], f"{words[0][0]}. {words[-1]}"):
                forms.setdefault(form, set()).add(person.id)
        for form in person.patronymic:
            forms.setdefault(form, set()).add(person.id)
    return forms, oblique - nominative
