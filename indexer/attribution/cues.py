"""The words that signal speech, and where the sentence around them starts.

Cue lists are data, kept apart from the sieves that use them, so that adding a verb seen in
real copy is a one-line change with a test beside it.
"""

from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache

from ..names import NOT_GIVEN_NAMES
from ..reference import UNKNOWN_SPEAKER_PREFIX
from .quoting import covers, last_end

PARTICIPLES = r"saying|adding|stating|noting|stressing|remarking|warning|insisting|arguing"
_CUE_WORDS = [
    r"said", r"says", r"say", r"noted", r"notes", r"stressed", r"stresses",
    r"emphasi[sz]ed", r"emphasi[sz]es?", r"stated", r"remarked", r"added", r"adds",
    r"urged", r"urges", r"(?:called|calls?)\s+(?:on|for|upon)", r"suggested", r"suggests",
    r"proposed", r"proposes", r"highlighted", r"highlights", r"(?:pointed|points)\s+out",
    r"underlined", r"underscored", r"explained", r"believes", r"mentioned", r"described",
    r"told", r"replied", r"answered", r"warned", r"insisted", r"announced", r"declared",
    r"express(?:ed|es)?", r"condemn(?:ed|s)?", r"reiterated", r"recalled", r"assured",
    r"admitted", r"acknowledged", r"commented", r"concluded(?=\s+that|\s*[:,])",
    r"spoke(?=\s+(?:of|about|out|up|against|in\s+favou?r)\b)", r"observed",
    r"asked", r"voiced", r"continued(?=\s*[:,])", r"(?:thinks|considers|hopes)\s+that",
    r"(?:is|was|are|were)\s+(?:convinced|confident|sure|certain)",
    # seen in real copy from many outlets
    r"reminded", r"informed", r"lamented", r"wrote", r"writes", r"outlined", r"argued",
    r"argues", r"argue\s+(?:for|that)", r"critici[sz]ed", r"assailed", r"complained", r"praised",
    r"reaffirmed", r"made\s+clear", r"accused", r"(?:pointed|points)\s+to",
    r"made\s+(?:a|the)\s+proposal", r"clarified", r"confirmed", r"denied", r"predicted",
    r"(?:briefed|detailed|updated)\s+(?:reporters|journalists|the\s+press|the\s+media)",
    # participles after a comma: "..., saying that", "..., adding"; after "while" only with what was
    # said or to whom ("while warning his counterparts", not "while warning lights flashed")
    rf"(?<=,\s)(?:{PARTICIPLES})",
    rf"(?<=while\s)(?:{PARTICIPLES})(?=\s+(?:that|of|against|about|his|her|their|the|them|him|it|leaders|counterparts|"
    r"partners|colleagues)\b)",
    r"apologi[sz]ed", r"(?:did\s+not|didn['’]t|does\s+not|doesn['’]t)\s+rule\s+out", r"ruled\s+out",
    r"made\s+(?:only\s+)?(?:a\s+)?(?:passing|brief|special)\s+references?\s+to",
    r"made\s+(?:the|this|that|these|those)\s+(?:statement|remarks?|comments?)",
    r"attached\s+(?:great\s+|particular\s+|special\s+)?importance\s+to",
    r"used\s+the\s+(?:summit|meeting|occasion|opportunity|talks)\s+to",
    r"speaking\s+(?:with|to)\s+(?:reporters|journalists|the\s+press|the\s+media)",
    # "As Mr Putin sees it, ...": the subject stands before the cue like any other
    r"(?:sees|saw|puts|put)\s+it(?=\s*,)",
]
SPEECH_CUE = re.compile(rf"(?<![\w-])(?:{'|'.join(_CUE_WORDS)})(?![\w-])", re.IGNORECASE)
INVERTED_CUE = re.compile(r"(?<![\w-])according\s+to(?![\w-])", re.IGNORECASE)
# "“That was long ago,” Peskov agreed.": speech only right after a quotation
AFTER_QUOTE_CUE = re.compile(r"(?<![\w-])(?:agreed|joked|quipped|retorted|laughed|smiled|promised)(?![\w-])")
_QUOTE_THEN_SUBJECT = re.compile(r"[”\"»’]\s+(?:[\w.’'-]+\s+){1,4}$")
# the same, matched against lower-cased text: case-insensitive matching is about three times slower
_LOWER_CUES = (re.compile(SPEECH_CUE.pattern), re.compile(INVERTED_CUE.pattern))
PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:was|were|is|are|be|been|being)\s+(?:(?:also|then|later|repeatedly|further|again|"
    r"not|widely|previously|already)\s+)?|\b(?:the|a|an|this|these|that|those|above|well)[\s-]+)$",
    re.IGNORECASE,
)
AGENT_AFTER = re.compile(r"\s+by\s+(?=[A-Z])")
PRONOUN = re.compile(r"(?<![\w-])(?:(?P<single>[Hh]e|[Ss]he)|(?P<plural>[Tt]hey))(?![\w-])")
OBJECT_PRONOUN = re.compile(r"\s*(?:(?P<single>him|her)|(?P<plural>them))(?![\w-])")
# Cyrillic capitals too, so that Russian copy has sentences (and "В. Путин" is no sentence end)
SENTENCE_END = re.compile(r"(?<!\b[A-ZА-ЯЁ])[.!?…](?=\s+[\"“«„‘–—-]?\s?[A-ZА-ЯЁ0-9])")
# "Speaking about the results, X ...", "Addressing the forum, X ...": the clause's subject spoke
PARTICIPIAL_OPENER = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:Speaking|Addressing|Commenting|Referring|Responding|Answering|Touching\s+upon|"
    r"Touching\s+on|Dwelling\s+on|Turning\s+to)\b[^,.;“”\"«»]{3,160},\s+"
)
# A name nobody listed: "Ivan Petrov said" (two to four capitalised words before the cue)
UNKNOWN_NAME = re.compile(
    r"(?P<name>(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+|[A-Z]\.\s*){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?:\s*,[^,]{1,160},)?\s*$"
)


def cues(text: str, inside) -> list[re.Match]:
    """Speech cues in unquoted text, minus passive and adjectival uses."""
    found = []
    lowered = text.lower()
    same_length = len(lowered) == len(text)
    regexes = zip(_LOWER_CUES if same_length else (SPEECH_CUE, INVERTED_CUE), (True, False), strict=True)
    for regex, verb in regexes:
        for m in regex.finditer(lowered if same_length else text):
            if covers(inside, m.start()):
                continue
            if verb and PASSIVE_BEFORE.search(text[max(0, m.start() - 40):m.start()]) \
                    and not AGENT_AFTER.match(text, m.end()):
                continue  # "It was noted" credits nobody; "It was said by Lebedev" credits Lebedev
            found.append(m)
    for m in AFTER_QUOTE_CUE.finditer(text):
        if _QUOTE_THEN_SUBJECT.search(text, max(0, m.start() - 60), m.start()) and not covers(inside, m.start()):
            found.append(m)
    return sorted(found, key=lambda m: m.start())


@lru_cache(maxsize=64)
def sentence_ends(text: str) -> tuple[int, ...]:
    """Where each sentence of a paragraph ends (just after its mark). Every cue and pronoun in
    the paragraph asks, so they are found once, not once per question."""
    return tuple(m.end() for m in SENTENCE_END.finditer(text))


def window_start(text: str, position: int, inside) -> int:
    """Where the sentence holding `position` starts, or where the last quote before it ends.

    Walks back from `position` over the sentence ends before it, skipping those inside a quote,
    and stops at the end of the last quote: the cost is that of the sentence, not of the text
    before it (a paragraph may run to thousands of sentences)."""
    ends = sentence_ends(text)
    start = last_end(inside, position)
    i = bisect.bisect_right(ends, position)
    while i and ends[i - 1] > start:
        end = ends[i - 1]
        if not covers(inside, end - 1):
            return end
        # the mark is inside a quote that runs past `position` (any other ends before `start`)
        i = bisect.bisect_right(ends, inside[bisect.bisect_right(inside, (end - 1, math.inf)) - 1][0], 0, i - 1)
    return start


def unknown_person(text: str, whole: bool = False) -> tuple[str, str] | None:
    """(speaker id, problem) for a capitalised name nobody listed, ending `text` (or being all
    of it): a speaker of its own, never merged into a known person."""
    match = UNKNOWN_NAME.fullmatch(text.strip()) if whole else UNKNOWN_NAME.search(text)
    if not match:
        return None
    words = match.group("name").replace(".", ". ").split()
    while words and words[0].strip(".") in NOT_GIVEN_NAMES:
        words.pop(0)
    if len(words) < 2 or any(w.strip(".") in NOT_GIVEN_NAMES for w in words):
        return None
    name = " ".join(words)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return (UNKNOWN_SPEAKER_PREFIX + slug,
            f"'{name}' speaks but is not in people.toml: credited as an unknown speaker (add them there)")
