"""People nobody listed, in Russian copy: "посол Украины Николай Дорошенко заявил".

English copy marks a name by capitals alone; Russian capitalises organisations too ("Совет
Безопасности", "Содружество Независимых Государств"), so a capitalised pair is taken for a
person only when pymorphy3's dictionary reads its first word as a given name and neither word as
an organisation or a place. The speaker id is the name in Latin letters, so that an unknown
speaker reads the same in both scripts' results ("unknown-nikolay-doroshenko").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .reference import UNKNOWN_SPEAKER_PREFIX

WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
# "Николай Дорошенко" ending a stretch of text, "Ален Симонян" starting one
NAME_AT_END = re.compile(rf"(?<![\w-])(?P<name>{WORD}\s+{WORD})\s*$")
NAME_AT_START = re.compile(rf"^\s*(?P<name>{WORD}\s+{WORD})(?![\w-])")
_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", [
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
    "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True))


def transliterate(text: str) -> str:
    """Latin letters for a Russian name, lower case, as BGN/PCGN and English copy write them:
    "е" is "ye" at a word's start and after a vowel ("Султанбаев" is "sultanbayev", as in
    "Tokayev"), and "й" is "y" ("Парубий" is "parubiy"). An id, not a spelling."""
    low = text.lower()
    out = []
    for i, c in enumerate(low):
        if c == "е" and (i == 0 or low[i - 1] in "аеёиоуыэюяъь -"):
            out.append("ye")
        else:
            out.append(_LATIN.get(c, c))
    return "".join(out)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3  # loaded on first use: most articles never ask

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=4096)
def is_person_name(given: str, surname: str) -> bool:
    """Does "given surname" read as a person's name (not "Совет Безопасности")?"""
    morph = _morph()
    given_parses = morph.parse(given.split("-")[0])
    if not any("Name" in p.tag for p in given_parses):
        return False
    return not any(tag in p.tag for p in (*given_parses[:1], *morph.parse(surname)[:1])
                   for tag in ("Orgn", "Geox"))


_WORD_BEFORE = re.compile(r"(?:(?P<initial>(?<![\w.])[А-ЯЁ]\.\s*)|(?P<word>(?<![\w-])[А-ЯЁ][а-яё]+)\s+)$")


def someone_else_before(text: str, start: int) -> bool:
    """Does another person's given name or initial stand before the surname at `start`
    ("Виктор Лукашенко", "В.Лукашенко")? The listed person's own forms were matched whole
    first, so whatever given name is left here is somebody else's."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not match:
        return False
    if match.group("initial"):
        return True
    return any("Name" in p.tag and p.score > 0.3 for p in _morph().parse(match.group("word")))


_SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ын|баев|ян|янц|енко|ко|ук|юк|швили|дзе|ия|ли|заде|зода|ски|ский|цкий)$")


def unknown_speaker(name: str, titled: bool = False) -> tuple[str, str] | None:
    """(speaker id, problem) for an unlisted person's name ("Николай Дорошенко"), or None. After a
    title ("пресс-секретарь Эрбол Султанбаев") a surname's ending will do where the dictionary
    does not know the given name."""
    words = name.split()
    if len(words) != 2:
        return None
    if not is_person_name(*words) and not (titled and _SURNAME_END.search(words[1]) and not _place_or_body(*words)):
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(" ".join(words))).strip("-")
    return (UNKNOWN_SPEAKER_PREFIX + slug,
            f"'{' '.join(words)}' speaks but is not in people.toml: credited as an unknown speaker (add them there)")


def name_ending(text: str) -> tuple[str, str, str] | None:
    """(speaker id, problem, surname) for an unlisted name ending `text`."""
    match = NAME_AT_END.search(text)
    found = unknown_speaker(match.group("name")) if match else None
    return (*found, match.group("name").split()[-1]) if found else None


def _place_or_body(*words: str) -> bool:
    morph = _morph()
    return any(tag in p.tag for word in words for p in morph.parse(word)[:1] for tag in ("Orgn", "Geox"))


def name_starting(text: str, titled: bool = False) -> tuple[str, str, str] | None:
    match = NAME_AT_START.match(text)
    found = unknown_speaker(match.group("name"), titled) if match else None
    return (*found, match.group("name").split()[-1]) if found else None


# an office held by an unlisted person, in the nominative (the subject after a speech verb)
_OFFICE = re.compile(r"(?<![\w-])(?i:посол|директор|заведующий|руководитель|начальник|министр|замминистра|"
                     r"заместитель|советник|помощник|представитель|председатель|секретарь|пресс-секретарь|спикер|"
                     r"депутат|сенатор|губернатор|мэр|посланник|консул|полпред)(?![\w-])")
# the same offices in the genitive, after "по словам", "по информации", "со ссылкой на"
OFFICE_GENITIVE = re.compile(r"(?<![\w-])(?i:посла|директора|заведующего|руководителя|начальника|министра|"
                              r"замминистра|заместителя|советника|помощника|представителя|председателя|секретаря|"
                              r"пресс-секретаря|спикера|депутата|сенатора|губернатора|мэра|посланника|консула|"
                              r"полпреда)(?![\w-])")
_CAPITAL_WORD = re.compile(rf"(?<![\w-]){WORD}(?![\w-])")


def titled_name(text: str, position: int, genitive: bool = False) -> tuple[str, str, str] | None:
    """(speaker id, problem, surname) for an unlisted person after an office and whatever
    belongs to it ("сообщил журналистам директор департамента МИД КР Болотбек Мукашев",
    "Чрезвычайный и Полномочный Посол Узбекистана в Беларуси Насирджан Юсупов"): the first
    pair of capitalised words after the office, in the same sentence, that reads as a name.
    With `genitive` ("по информации заведующего отделом … Муратбека Азымбакиева") the office and
    the name are in the genitive, and the id is made from the name's nominative, so that the
    person is the same one wherever the article names them."""
    window = re.split(r"[.!?;«»“”\"]", text[position:position + 200], maxsplit=1)[0]
    office = (OFFICE_GENITIVE if genitive else _OFFICE).search(window)
    if not office or len(window[:office.start()].split()) > 6:
        return None
    words = list(_CAPITAL_WORD.finditer(window, office.end()))
    for first, second in zip(words, words[1:], strict=False):
        if window[first.end():second.start()].strip() == "":
            pair = nominative(first.group(), second.group()) if genitive else (first.group(), second.group())
            found = unknown_speaker(" ".join(pair), titled=True) if pair else None
            if found:
                return (*found, pair[1])
    return None


def nominative(given: str, surname: str) -> tuple[str, str] | None:
    """"Муратбека Азымбакиева" -> ("Муратбек", "Азымбакиев"): the given name's genitive says the
    gender, and the surname is read in that gender ("Азымбакиева" alone could be a woman's
    nominative). None when the given name reads as no genitive."""
    morph = _morph()
    given_parse = next((p for p in morph.parse(given) if {"gent", "NOUN", "sing"} <= p.tag.grammemes
                        and p.tag.gender in ("masc", "femn")), None)
    if given_parse is None:
        return None
    gender = given_parse.tag.gender
    given_nominative = given_parse.inflect({"nomn"})
    surname_parse = next((p for p in morph.parse(surname) if {"gent", "sing"} <= p.tag.grammemes
                          and (gender in p.tag.grammemes or "ms-f" in p.tag.grammemes)), None)
    if not given_nominative or surname_parse is None:
        return None
    if "Fixd" in surname_parse.tag.grammemes:  # "Дорошенко" is every case's form
        return given_nominative.word.capitalize(), surname
    surname_nominative = surname_parse.inflect({"nomn"})
    return (given_nominative.word.capitalize(), surname_nominative.word.capitalize()) if surname_nominative else None

