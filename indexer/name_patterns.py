"""Regex building blocks for finding names and titles in English copy, shared by the name
and role finders: what may stand before a surname, how a title is capitalised, and a word-start
check that keeps re on its fast path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

GENERIC_TITLES = r"President|president|Head\s+of\s+State|Head\s+of\s+state|head\s+of\s+state"
PAIR_WORDS = r"leaders|presidents|heads\s+of\s+state"
# "Оба лидера сказали", "оба президента": the two people last named
RUSSIAN_PAIR = r"[Оо]ба\s+(?:лидера|президента|главы\s+государств|руководителя)"
ANAPHORS = r"(?:joint\s+)?(?:statement|declaration|communiqu[ée]|address|appeal|message)"
# "Heads of State Council", "head of state summit": institutions, not people.
NOT_A_PERSON_AFTER = r"(?!\s+(?:Council|council|Summit|summit|meeting|level|of\s+the\s+Commonwealth))"
CIS_SECRETARY = (
    r"(?:the\s+)?(?:(?:CIS\s+)?Executive\s+Secretary(?:\s+of\s+the\s+(?:CIS|Commonwealth(?:\s+of\s+Independent"
    r"\s+States)?))?|(?:Chairman|Secretary[\s-]+General)\s+of\s+the\s+(?:CIS\s+)?Executive\s+Committee"
    r"(?:\s+of\s+the\s+CIS)?(?:\s*[–—-]\s*Executive\s+Secretary(?:\s+of\s+the\s+CIS)?)?"
    r"|CIS\s+Secretary[\s-]+General|(?:CIS\s+)?executive\s+secretary)"
)
# Capitalised words that may stand before a surname without being a given name.
NOT_GIVEN_NAMES = {
    "The", "This", "That", "These", "Those", "President", "Prime", "Minister", "Deputy", "Foreign",
    "Chairman", "Secretary", "General", "Ambassador", "Mr", "Mrs", "Ms", "Dr", "Speaker", "Head", "State",
    "Our", "His", "Her", "Their", "In", "On", "At", "As", "For", "With", "After", "Before", "When", "Then",
    "CIS", "Commonwealth", "Executive", "Committee", "Council", "Government", "Ministry", "Republic",
    "Federation", "United", "Nations", "Union", "Kremlin", "Press", "Service", "Spokesman", "Spokeswoman",
    "It", "He", "She", "They", "We", "But", "And", "Also", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Today", "Yesterday", "Summit", "Leader", "Leaders", "Office", "Premier",
    "Acting", "Former", "Interim", "Russian", "Belarusian", "Kazakh", "Uzbek", "Kyrgyz", "Tajik", "Turkmen",
    "Azerbaijani", "Armenian", "Moldovan", "Ukrainian", "Georgian", "If", "So", "Both", "Messrs",
    "Presidential", "Aide", "Assistant", "Adviser", "Advisor", "Spokesperson", "Madam", "Ministers", "Akorda",
}
UPPER = "".join(chr(i) for i in range(0x41, 0x250) if chr(i).isupper())
# A capitalised word (hyphenated parts too: "Qasym-Zhomart"), in any Latin script.
CAPITALISED = re.compile(rf"(?<![\w'’-])[{UPPER}][^\W\d_]+(?:-[{UPPER}][^\W\d_]+)*(?![\w'’-])")
GIVEN_NAME_BEFORE = re.compile(
    rf"(?:(?<![\w'’-])(?P<word>[{UPPER}][^\W\d_]+(?:-[{UPPER}][^\W\d_]+)*)|(?<![\w.])(?P<initial>[A-Z])\.)\s+$"
)
# Where a surname alone is surely meant as one, so a near spelling may count: after a title.
TITLE_BEFORE = re.compile(
    r"(?:\b(?i:president|premier|leader|counterpart|minister|chairman|secretary|spokesman|aide)|\bMr\.?)\s+$"
)
# "Ivan Petrov, the spokesman for ...": a title in apposition describes the name before it.
APPOSED = re.compile(r"\w\s*,\s*(?:[Tt]he\s+)?$")
# "the spokesman" refers; so does "Pashinyan's spokesman" (but the name stays a reference of its own)
THE_BEFORE = re.compile(r"(?<![\w'’-])([Tt]he\s+)$|['’]s\s+$")
# Mid-sentence, a capitalised word is a proper noun; at a sentence's start it may be any word.
MID_SENTENCE = re.compile(r"[\w,]\s+$")
MIN_SURNAME_ALONE = 5  # shorter skeletons are too easily an ordinary word
WORD_START = r"(?<![\w'’-])"
WORD_END = r"(?![\w-])"


def alternation(phrases: Iterable[str]) -> str:
    """Regex alternation, longest first, with any whitespace allowed between words."""
    unique = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in unique)


class WordRegex:
    """A regex whose matches must start a word. A case-sensitive pattern that opens with
    literals is found by re's fast prefix scan, which a leading lookbehind defeats (4x slower
    on the names), so the check is made here on each match instead; a match that fails it is
    retried one character on, which finds what the lookbehind would. (Case-insensitive patterns
    are faster with the lookbehind, which rejects a position inside a word at once.)"""

    _INSIDE = re.compile(r"[\w'’-]")

    def __init__(self, pattern: str):
        self.regex = re.compile(pattern)

    def finditer(self, text: str) -> Iterable[re.Match]:
        pos = 0
        while (m := self.regex.search(text, pos)) is not None:
            if m.start() and self._INSIDE.match(text, m.start() - 1):
                pos = m.start() + 1
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1

    def search(self, text: str) -> re.Match | None:
        return next(iter(self.finditer(text)), None)


def cased(phrases: Iterable[str]) -> set[str]:
    """The ways copy capitalises a title ("foreign minister", "Foreign minister", "Foreign
    Minister", "FOREIGN MINISTER"), so a case-sensitive regex can take the fast path."""
    small = {"of", "the", "to", "for", "and"}
    return {
        form for p in phrases for form in (
            p.lower(), p[0].upper() + p[1:].lower(), p.upper(),
            " ".join(w if w in small else w.capitalize() for w in p.lower().split()))
    }


def fold(text: str) -> str:
    return " ".join(text.split()).lower()


def trie_regex(forms) -> str:
    """An alternation of lower-case `forms` as a trie ("a(?:lmaty|s(?:hgabat|tana))"): each branch
    starts with a literal, so the regex engine skips to the possible first letters, and shares its
    prefixes instead of trying every form in turn. Spaces match any run of white space (none
    after a full stop: "St.Petersburg")."""
    trie: dict = {}
    for form in forms:
        node = trie
        for atom in re.findall(r"\.\s+|\s+|.", " ".join(form.split())):
            atom = r"\.\s*" if atom[0] == "." and len(atom) > 1 else r"\s+" if atom.isspace() else re.escape(atom)
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)
