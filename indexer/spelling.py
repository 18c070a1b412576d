"""Transliteration-blind spelling: a name's "skeleton", and a strictly gated near match.

Copy spells the same leader a dozen ways (Aliyev, Aliev; Tokayev, Toqaev; Berdimuhamedow,
Berdymukhammedov) because each outlet romanises Russian, Azerbaijani, Uzbek or Turkmen by its
own scheme. Listing every spelling in people.toml never ends, so two spellings are taken to be
the same name when the same rules reduce both to one skeleton. The rules only undo choices a
romanisation makes (kh or h, zh or j, y or i, doubled letters, -ov or -ow); they never merge
names that differ in a way a scheme cannot explain, which is what keeps "Ilham" and "Heydar"
apart. What the rules cannot reach (Mirziyaev for Mirziyoyev) gets one edit of slack, but only
under the gates in `near_surname`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Cyrillic spelt as English copy romanises it (BGN/PCGN-like: х kh, ж zh, ц ts, ё yo, й y, soft
# and hard signs dropped), so a Cyrillic name reaches the skeleton of its romanisation: "Лукашенко",
# "Lukashenko" and "Lukashenka" are one name. Belarusian, Ukrainian, Kazakh and Kyrgyz letters are
# spelt as their nearest Russian ones. ("е" stays "e": the rules below already meet "ye" and "e".)
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ў": "u", "ґ": "g",                      # Belarusian, Ukrainian
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",  # Kazakh, Kyrgyz
}
# Letters NFKD cannot take apart, and Turkic/Czech letters whose English spelling is a digraph
# (so that "Şavkat" meets "Shavkat", not "Savkat").
_LETTERS = str.maketrans({
    "ə": "a", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
    "ş": "sh", "š": "sh", "ç": "ch", "č": "ch", "ž": "zh", "ğ": "g", "ñ": "n",
    **CYRILLIC,
})
_DROP = re.compile(r"[\s'’ʻʼ`.\-]+")
# Applied in order; each undoes one romanisation choice.
_RULES = [
    (re.compile(r"x"), "ks"),                      # Alexander / Aleksandr
    (re.compile(r"q"), "k"),                       # Toqayev / Tokayev
    (re.compile(r"w"), "v"),                       # Berdimuhamedow / -dov
    (re.compile(r"d?zh|dj"), "j"),                 # Zheenbekov / Jeenbekov, Dzhaparov, Djoomart
    (re.compile(r"kh"), "h"),                      # Rakhmon / Rahmon, Ilkham / Ilham
    (re.compile(r"gh"), "g"),                      # Noghaideli / Nogaideli
    (re.compile(r"ck"), "k"),
    (re.compile(r"(.)\1+"), r"\1"),                # Massimov / Masimov, Sooronbay / Soronbay
    (re.compile(r"(?<=[aeiou])y(?=[aeiou])"), ""),  # Aliyev / Aliev, Tokayev / Tokaev
    (re.compile(r"(?<=[^aeiouy])yo"), "e"),        # Pyotr / Petr, Fyodor / Fedor (ё)
    (re.compile(r"y"), "i"),                       # Sarkisyan / Sarkisian, Dmitriy / Dmitri
    (re.compile(r"i+"), "i"),                      # Emomalii / Emomali, Zelenskiy / Zelensky
    (re.compile(r"ie"), "e"),                      # Aliev / Alev: "ie" and "e" both render е
    (re.compile(r"gs"), "ks"),                     # Sargsyan / Sarksyan (g devoiced before s)
    (re.compile(r"enka$"), "enko"),                # Lukashenka / Lukashenko (Belarusian -enka)
    (re.compile(r"of$"), "ov"),                    # Smirnoff (after ff -> f)
    (re.compile(r"(?<=[bcdfgkmnpstvz])er$"), "r"),  # Alexander / Aleksandr, Peter / Pyotr
    (re.compile(r"ge$"), "j"),                     # Serge / Serzh (French j sound)
    (re.compile(r"d$"), "t"),                      # Saparmurad / Saparmurat (final devoicing)
]


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The spelling-independent form of one word (or a hyphenated compound, whose parts are
    joined: "Kassym-Jomart" and "Qasym Zhomart" share "kasimjomart")."""
    text = word.lower().translate(_LETTERS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _DROP.sub("", text)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def given_skeletons(forms: Iterable[str]) -> set[str]:
    """Skeletons a person's given name may take: each full given part ("Kassym-Jomart") and
    each of its pieces, since copy drops or splits the second half of a compound name."""
    result: set[str] = set()
    for given in forms:
        result.add(skeleton(given))
        result.update(skeleton(piece) for piece in re.split(r"[\s-]+", given) if piece)
    result.discard("")
    return result


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """One substitution, insertion or deletion at most (no general DP: nothing more is allowed)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


# Gates for a near (not rule-equal) surname: long enough that one edit is a small part of it, and
# anchored at both ends, so a feminine form (Aliyeva) or a plural never comes near.
MIN_NEAR_LENGTH = 7


def near_surname(skel: str, surnames: Iterable[str]) -> str | None:
    """The one known surname skeleton within a single edit of `skel`, with the same first and
    last letters; None when there is none or more than one."""
    if len(skel) < MIN_NEAR_LENGTH:
        return None
    found = {
        known for known in surnames
        if known[0] == skel[0] and known[-1] == skel[-1] and len(known) >= MIN_NEAR_LENGTH
        and edit_distance_at_most_one(skel, known)
    }
    return found.pop() if len(found) == 1 else None


MIN_SLIP_LENGTH = 5  # a slip is forgiven in a shorter surname when the full given name comes first


class SpellingIndex:
    """People's surnames and given names by skeleton, built once per reference data, so the
    tagger's second pass is a dict lookup per capitalised word."""

    def __init__(self, people: Iterable):
        self.surnames: dict[str, set[str]] = {}
        self.given: dict[str, set[str]] = {}
        self.initials: dict[str, set[str]] = {}
        for person in people:
            givens = []
            for full in (person.name, *person.variants, *person.russian):
                *given, surname = full.split()
                self.surnames.setdefault(skeleton(surname), set()).add(person.id)
                givens.append(" ".join(given))
            givens.extend(form.split()[0] for form in person.patronymic)
            givens = [g for g in givens if g]
            self.given[person.id] = given_skeletons(givens)
            self.initials[person.id] = {g[0].upper() for g in givens}
        self.surnames.pop("", None)
        self._near: dict[str, str | None] = {}
        self.surnames_of: dict[str, set[str]] = {}
        for skel, ids in self.surnames.items():
            for pid in ids:
                self.surnames_of.setdefault(pid, set()).add(skel)

    def surname(self, word: str) -> tuple[frozenset[str], bool]:
        """(people whose surname this word spells, whether only by the near match)."""
        skel = skeleton(word)
        ids = self.surnames.get(skel)
        if ids:
            return frozenset(ids), False
        if skel not in self._near:
            self._near[skel] = near_surname(skel, self.surnames)
        near = self._near[skel]
        return (frozenset(self.surnames[near]), True) if near else (frozenset(), False)

    def with_given(self, ids: Iterable[str], given: str) -> set[str]:
        """Those of `ids` whose given name `given` spells ("Ilkham" is Ilham, never Heydar)."""
        skel = skeleton(given)
        return {pid for pid in ids if skel in self.given.get(pid, ())}

    def misspelt_with_given(self, word: str, given: str) -> set[str]:
        """"Saparmurat Niyazob": the person whose given name this is exactly (by skeleton) and
        whose surname is one typing slip away, anywhere in it. The full given name is what
        makes a slip in the surname safe to forgive."""
        skel, given_skel = skeleton(word), skeleton(given)
        if len(skel) < MIN_SLIP_LENGTH:
            return set()
        return {pid for pid, givens in self.given.items() if given_skel in givens
                and any(edit_distance_at_most_one(skel, known) for known in self.surnames_of.get(pid, ()))}

    def with_initial(self, ids: Iterable[str], initial: str) -> set[str]:
        return {pid for pid in ids if initial.upper() in self.initials.get(pid, ())}
