"""Russian names in every grammatical case, by rule.

Russian copy declines names: "Путин заявил", "встреча с Путиным", "слова Путина", "Путину
позвонил". A list of every form would be long and always incomplete, and pymorphy3's dictionary
does not know most Central Asian names (it guesses "Токаев" right but "Рахмон" as a common noun),
so the forms are made here from the endings, the way a grammar book sets them out. Each person's
`ru` line in people.toml gives the nominative ("Александр Григорьевич Лукашенко": given name,
patronymic, surname); every case of each part is made from it, parts agreeing in case.

The case matters to attribution as much as the form does: the subject of "заявил" stands in the
nominative, so "поздравил Президента Азербайджана Ильхама Алиева" never credits Aliyev. A form
that is only ever oblique (not nominative) is marked as such (`NameForm.oblique`); an indeclinable
one ("Лукашенко", "Эмомали") may be either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

CASES = ("nom", "gen", "dat", "ins", "pre", "acc")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_HUSHING = "жшщчц"  # after these, an unstressed -ом is -ем ("Шушкевичем")
_VELAR_OR_HUSHING = "гкхжшщч"  # after these, -ы is -и ("Кучмы" but "Гамсахурдии")


@dataclass(frozen=True)
class NameForm:
    text: str
    oblique: bool  # never a nominative: not the subject of a verb


def is_cyrillic(text: str) -> bool:
    return bool(CYRILLIC.search(text))


def surname_cases(word: str, female: bool = False) -> tuple[str, ...]:
    """The six cases (CASES order) of a surname."""
    if "-" in word:  # "Гамсахурдиа", "Ло-Шин": only the last part declines, if any
        head, _, tail = word.rpartition("-")
        return tuple(f"{head}-{form}" for form in surname_cases(tail, female))
    low = word.lower()
    if female:
        if low.endswith(("ова", "ева", "ёва", "ина", "ына")):
            stem = word[:-1]
            return (word, stem + "ой", stem + "ой", stem + "ой", stem + "ой", stem + "у")
        if low.endswith("ая"):
            stem = word[:-2]
            return (word, stem + "ой", stem + "ой", stem + "ой", stem + "ой", stem + "ую")
        if low.endswith(("а", "я")):
            return _first_declension(word)
        return (word,) * 6  # "Санду", "Матвиенко", "Тимошенко": women's surnames in a consonant do not decline
    if low.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return (word, word + "а", word + "у", word + "ым", word + "е", word + "а")
    if low.endswith(("ский", "цкий", "ской", "цкой")):
        stem = word[:-2]
        return (word, stem + "ого", stem + "ому", stem + "им", stem + "ом", stem + "ого")
    return _given_like(word)


def given_cases(word: str, female: bool = False) -> tuple[str, ...]:
    """The six cases of a given name; of a hyphenated one ("Касым-Жомарт") only the last part
    declines."""
    if "-" in word:
        head, _, tail = word.rpartition("-")
        return tuple(f"{head}-{form}" for form in given_cases(tail, female))
    if female and not word.lower().endswith(("а", "я")):
        return (word,) * 6
    return _given_like(word)


def patronymic_cases(word: str) -> tuple[str, ...]:
    low = word.lower()
    if low.endswith(("вич", "ич")):
        return (word, word + "а", word + "у", word + "ем", word + "е", word + "а")
    if low.endswith(("вна", "чна", "ична")):
        return _first_declension(word)
    return (word,) * 6  # "оглы", "кызы" and the like stay as they are


def _given_like(word: str) -> tuple[str, ...]:
    """A masculine noun of the second declension (or an indeclinable one)."""
    low = word.lower()
    if low.endswith(("а", "я")):
        return _first_declension(word)
    if low.endswith("ий"):
        stem = word[:-1]
        return (word, stem + "я", stem + "ю", stem + "ем", stem + "и", stem + "я")
    if low.endswith(("ей", "ай", "ой", "уй", "ый")):
        stem = word[:-1]
        return (word, stem + "я", stem + "ю", stem + "ем", stem + "е", stem + "я")
    if low.endswith("ь"):
        stem = word[:-1]
        return (word, stem + "я", stem + "ю", stem + "ем", stem + "е", stem + "я")
    if not low or low[-1] in "аеёиоуыэюя" or low.endswith(("ых", "их")):
        return (word,) * 6  # "Лукашенко", "Эмомали", "Гурбангулы", "Уали", "Черных"
    instrumental = word + ("ем" if low[-1] in _HUSHING else "ом")
    return (word, word + "а", word + "у", instrumental, word + "е", word + "а")


def _first_declension(word: str) -> tuple[str, ...]:
    """Nouns in -а/-я, men's ("Кучма", "Никита") and women's alike."""
    stem, last = word[:-1], word[-1].lower()
    soft = last == "я"
    if stem.lower().endswith("и") and soft:  # "Мария", "Гамсахурдия"
        return (word, stem + "и", stem + "и", stem + "ей", stem + "и", stem + "ю")
    genitive = stem + ("и" if soft or stem[-1:].lower() in _VELAR_OR_HUSHING else "ы")
    instrumental = stem + ("ей" if soft or stem[-1:].lower() in _HUSHING else "ой")
    return (word, genitive, stem + "е", instrumental, stem + "е", stem + ("ю" if soft else "у"))


def full_name_forms(full: str) -> Iterator[NameForm]:
    """Every form of a `ru` name ("Владимир Владимирович Путин" or "Владимир Путин"): the full
    name, given name and surname, given name and patronymic (the respectful address,
    "Курманбек Салиевич"), the surname alone and the initialled forms ("В.Путин", "В. В. Путин"),
    each in every case."""
    words = full.split()
    if len(words) < 2:
        yield from _forms_of([surname_cases(words[0])])
        return
    given, surname = words[0], words[-1]
    patronymic = words[1] if len(words) == 3 else None
    female = given.lower().endswith(("а", "я")) and surname.lower().endswith(("а", "я"))
    g, s = given_cases(given, female), surname_cases(surname, female)
    p = patronymic_cases(patronymic) if patronymic else None
    yield from _forms_of([g, s])
    yield from _forms_of([s])
    if p:
        yield from _forms_of([g, p, s])
        yield from _forms_of([g, p])
    for initials in _initials(given, patronymic):
        yield from (NameForm(f"{initials}{form.text}", form.oblique) for form in _forms_of([s]))


def _initials(given: str, patronymic: str | None) -> list[str]:
    """"В.", "В. ", and with a patronymic "В.В.", "В. В. ", "В.В. ": copy spaces them every way."""
    first = f"{given[0]}."
    found = [first, first + " "]
    if patronymic:
        second = f"{patronymic[0]}."
        found += [first + second, f"{first} {second} ", f"{first}{second} "]
    return found


def _forms_of(paradigms: list[tuple[str, ...]]) -> Iterator[NameForm]:
    """The name in each case, its parts agreeing; a form equal to the nominative is not oblique."""
    nominative = " ".join(p[0] for p in paradigms)
    seen = set()
    for case in range(len(CASES)):
        text = " ".join(p[case] for p in paradigms)
        if text in seen:
            continue
        seen.add(text)
        yield NameForm(text, oblique=text != nominative)
