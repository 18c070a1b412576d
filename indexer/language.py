"""An article's language, "en" or "ru": the header's `lang:` (or `language:`) when it names one,
otherwise detected from the share of Cyrillic letters.

The corpus holds English and Russian copy only, and the two differ in script, so counting
letters beats any statistical detector here: nothing to train or load, and it cannot confuse
Russian with Ukrainian-looking noise the way a short-text detector does. The threshold is 30 %
of letters, not 50 %: a Russian article about the CIS is full of Latin (URLs, `CIS`, `EAEU`,
English names of outlets, photo credits), and a long list of them can push Cyrillic below half;
an English article quotes a Cyrillic word or name now and then, but never a third of its text.
Russian prose runs above 90 % Cyrillic, English at 0, so anything near 30 % is rare either way.
"""

from __future__ import annotations

import re

LANGUAGES = {"en": "English", "ru": "Russian"}
DEFAULT_LANGUAGE = "en"  # no letters at all (an article of numbers): the site's language
CYRILLIC_SHARE = 0.30
SAMPLE_CHARS = 20_000  # the start of a long article says as much as all of it, for less work

# header values taken for each language, folded to lower case
_NAMES = {"en": "en", "eng": "en", "english": "en", "английский": "en",
          "ru": "ru", "rus": "ru", "russian": "ru", "русский": "ru"}
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile("[\u0400-\u052f]")


def detect_language(text: str) -> str:
    """"ru" when at least CYRILLIC_SHARE of the letters (of the first SAMPLE_CHARS characters)
    are Cyrillic, else "en"."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return DEFAULT_LANGUAGE
    return "ru" if len(_CYRILLIC.findall(sample)) >= CYRILLIC_SHARE * letters else "en"


def header_language(value: str | None) -> str | None:
    """The language a header value names ("ru", "RU", "Russian", "русский"), or None."""
    if value is None:
        return None
    return _NAMES.get(value.strip().lower())


def article_language(header: str | None, text: str) -> tuple[str, str | None]:
    """The language, and a problem to report when the header named one this project does not
    know (the detected language is used then)."""
    named = header_language(header)
    if named:
        return named, None
    detected = detect_language(text)
    if header is None or not header.strip():
        return detected, None
    return detected, (f"language '{header.strip()[:40]}' is not one of {', '.join(LANGUAGES)}: "
                      f"detected as {detected}")


def yo_as_ye(text: str) -> str:
    """`ё` spelt `е`, case kept: Russian copy prints `ё` only now and then (`Мирзиёев`, `Мирзиеев`)."""
    return text.replace("ё", "е").replace("Ё", "Е")

