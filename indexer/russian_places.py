"""Russian place names in every case, for reading which summit a Russian article is about.

Russian declines a city's name after every preposition: "Минск", "в Минске", "из Минска", "под
Минском". Rather than list six forms of every city, the case forms follow from the ending of
the name as summits.toml gives it (`declined`): a hard consonant takes -а/-у/-е/-ом, -а
takes -ы (-и after г, к, х, ж, ш, щ, ч)/-е/-у/-ой, -ь and -ия take -и, -й takes -я/-ю/-е/-ем;
names ending in -о, -е, -и, -у, -ы ("Сочи", "Душанбе", "Баку", "Алматы") do not decline. In a
hyphenated name only the last part declines ("в Санкт-Петербурге", "в Алма-Ате"). Forms the rule
misses (an adjective such as "Боровое": "в Боровом") are listed in summits.toml.

Countries are named here, not in countries.toml, because only summit inference reads them:
"в столице Таджикистана", "в белорусской столице" (the capital), "в Казахстане" and "под
председательством Узбекистана" (the host or chair), mirroring the English cues.
"""

from __future__ import annotations

import re

from .language import yo_as_ye

# Russian names of the countries (nominative) and the stem of each adjective ("белорусская
# столица"). Standard Russian forms: unverified (from memory); "Кыргызстан" and "Беларусь" are the
# official forms, "Киргизия" and "Белоруссия" the ones Russian media also use.
COUNTRIES = {
    "russia": (("Россия", "Российская Федерация"), ("российск",)),
    "belarus": (("Беларусь", "Белоруссия", "Республика Беларусь"), ("белорусск",)),
    "kazakhstan": (("Казахстан", "Республика Казахстан"), ("казахстанск", "казахск")),
    "kyrgyzstan": (("Киргизия", "Кыргызстан", "Киргизстан", "Кыргызская Республика"), ("киргизск", "кыргызск")),
    "tajikistan": (("Таджикистан", "Республика Таджикистан"), ("таджикск",)),
    "uzbekistan": (("Узбекистан", "Республика Узбекистан"), ("узбекск",)),
    "turkmenistan": (("Туркмения", "Туркменистан"), ("туркменск",)),
    "azerbaijan": (("Азербайджан", "Азербайджанская Республика"), ("азербайджанск",)),
    "armenia": (("Армения", "Республика Армения"), ("армянск",)),
    "moldova": (("Молдавия", "Молдова", "Республика Молдова"), ("молдавск", "молдовск")),
    "ukraine": (("Украина",), ("украинск",)),
    "georgia": (("Грузия",), ("грузинск",)),
}
_HARD = set("бвгджзклмнпрстфхцчшщ")
_VELAR = set("гкхжшщч")
CYRILLIC = re.compile("[а-яё]")
_FIXED_FIRST = ("республика", "федерация")  # "Республика Беларусь": "Республики Беларусь"


def declined(name: str) -> set[str]:
    """The lower-cased case forms of a Russian place name, the name itself among them; "ё" is
    also written "е", so both spellings are given."""
    low = " ".join(name.lower().split())
    words = low.split(" ")
    if len(words) > 1:  # "Республика Беларусь", "Российская Федерация": the first word(s) decline
        forms = {low}
        if words[0] in _FIXED_FIRST:
            forms |= {f"{f} {' '.join(words[1:])}" for f in _noun_forms(words[0])}
        elif words[0].endswith("ая") and len(words) == 2:  # an adjective and a noun: any pairing of
            stem = words[0][:-2]  # their forms (a few never written, never matching anything)
            forms |= {f"{stem}{e} {noun}" for e in ("ая", "ой", "ую", "ою") for noun in _noun_forms(words[1])}
        return _with_e(forms)
    head, _, last = low.rpartition("-")
    prefix = f"{head}-" if head else ""
    return _with_e({prefix + form for form in _noun_forms(last)})


def _noun_forms(word: str) -> set[str]:
    forms = {word}
    if word[-1] in _HARD:
        forms |= {word + e for e in ("а", "у", "е", "ом")}
    elif word.endswith("ия"):
        forms |= {word[:-1] + e for e in ("и", "ю", "ей")}
    elif word.endswith("а"):
        forms |= {word[:-1] + e for e in ("и" if word[-2] in _VELAR else "ы", "е", "у", "ой", "ей")}
    elif word.endswith("я"):
        forms |= {word[:-1] + e for e in ("и", "е", "ю", "ей")}
    elif word.endswith("ь"):
        forms |= {word[:-1] + e for e in ("и", "ью")}
    elif word.endswith("й"):
        forms |= {word[:-1] + e for e in ("я", "ю", "е", "ем")}
    return forms


def _with_e(forms: set[str]) -> set[str]:
    return forms | {yo_as_ye(f) for f in forms}


def is_russian(form: str) -> bool:
    return bool(re.search("[а-яё]", form.lower()))


class RussianPlaces:
    """The countries' Russian forms compiled into patterns once (lower-cased text)."""

    def __init__(self, capitals: dict[str, str]):
        """`capitals`: country id -> its capital as summits.toml spells it."""
        self.capital = capitals
        self.country_of = {form: cid for cid, (names, _) in COUNTRIES.items() for n in names for form in declined(n)}
        self.adjective_of = {stem: cid for cid, (_, stems) in COUNTRIES.items() for stem in stems}
        names = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(self.country_of, key=len, reverse=True))
        stems = "|".join(sorted(self.adjective_of, key=len, reverse=True))
        # "в белорусской столице", "столица Казахстана", "в столице Республики Таджикистан"
        self.capital_re = re.compile(
            rf"(?<![\w-])(?:(?P<adj>{stems})(?:ой|ая|ую|ою)\s+столиц(?:а|ы|е|у|ей)(?![\w-])"
            rf"|столиц(?:а|ы|е|у|ей)\s+(?P<country>{names})(?![\w-]))")
        # "в Казахстане" (the venue, in a sentence about the meeting), "под председательством
        # Узбекистана", "председательства Белоруссии", "хозяин саммита - президент Таджикистана"
        self.host_re = re.compile(
            rf"(?<![\w-])(?:(?P<in>в|во)|(?P<chair>(?:под\s+)?председательств\w*|хозя\w+\s+(?:\w+\s+)?"
            rf"(?:саммита|встречи|заседания)[\s,—–-]+(?:\w+\s+)?президент\w*))\s+(?P<country>{names})(?![\w-])")

    def capitals(self, low: str):
        """(capital city, start, end) for "the X capital" in lower-cased text."""
        if "столиц" not in low:
            return
        for m in self.capital_re.finditer(low):
            country = self.adjective_of[m.group("adj")] if m.group("adj") else self.country_of[
                " ".join(m.group("country").split())]
            if self.capital.get(country):
                yield self.capital[country], m.start(), m.end()

    def hosts(self, low: str):
        """(start, end, country id, "in" or "") for each host-country cue in lower-cased text."""
        if not CYRILLIC.search(low):
            return  # English text: the pattern would be tried at every offset for nothing
        for m in self.host_re.finditer(low):
            country = self.country_of[" ".join(m.group("country").split())]
            yield m.start(), m.end(), country, "in" if m.group("in") else ""
