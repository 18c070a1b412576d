"""Who the subject of a speech cue is: the nearest reference before it in the same sentence
("Putin said"), one right after a verb of saying that follows a quote ("“…,” said Putin"), or
the one after "according to".

Precision rules, each learnt from a wrong credit in real copy (and each with a test in
tests/test_sieves.py):

- a possessive ("Pashinyan's spokesperson told"), the object of a preposition or of a verb
  ("turning to Aliyev, said"; "told Medvedev, Kommersant said"; "Addressing the
  participants, Tokayev noted") and a name inside a describing apposition are never the subject;
- between subject and cue there may be an apposition, a time, an adverb, a short phrase or a
  prepositional phrase; another capitalised word right before the cue (an agency, a ministry)
  means the subject is something the tagger does not know, and nobody is credited;
- a relative clause ("a politician who has often praised Putin") is not speech, unless the
  cue's subject is its antecedent ("followed by Tokayev, who said");
- "Saakashvili, Yushchenko and Kocharyan announced" credits all three; "X convened a news
  conference and briefed reporters" credits X when X opens the sentence.
"""

from __future__ import annotations

import bisect
import re
from operator import attrgetter

from ..dates import MONTH_NAMES, WEEKDAYS
from ..names import Reference
from .context import Discourse
from .cues import AGENT_AFTER, OBJECT_PRONOUN, PARTICIPLES, PRONOUN, sentence_ends, unknown_person, window_start
from .mentions import Pronoun, Unknown

NOT_SUBJECT_BEFORE = re.compile(
    r"(?<![\w-])(?:to|with|by|from|for|about|against|of|at|on|toward|towards|than|like|between|among|"
    r"met|meets|welcomed|greeted|thanked|congratulated|invited|received|visited|phoned|called|told|asked|"
    r"urged|informed|reminded|briefed|joined|accompanied|hosted|criticized|criticised|assailed|addressing|"
    r"thanking|welcoming|greeting|congratulating)\s+(?:(?:the|his|her|their|its|a|an)\s+)?$",
    re.IGNORECASE,
)
# an apposition that describes ("Putin, giving the floor to Aliyev, said"), not a subject after
# an opening phrase ("At the summit, Russian President Putin, ... expressed")
LOWER_APPOSITION = re.compile(r"\s*,\s+(?=[a-z])[^,“”\"«»]{0,140},")
# the sentence's subject: at its start, or after an opening phrase ("One day after the summit, X")
SENTENCE_INITIAL = re.compile(
    r"^[\s\"“«‘]*(?:(?:In|At|On|After|Before|During|Following|Earlier|Later|Meanwhile|However|Today|Yesterday|"
    r"Also|Then|One\s+day\s+after|Speaking|Addressing|Commenting|For|With|As|Last|This)\b[^,“”\"«»]{0,80},\s*)?"
    r"(?:(?:President|Prime\s+Minister|Mr|Mrs|Ms)\.?\s+)?$")
RELATIVE_AFTER = re.compile(r"\s*,\s*who\b")
POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")
APPOSITION = re.compile(r",[^,“”\"«»]{0,140},|\([^()]{0,80}\)|\s[–—]\s[^–—]{0,100}\s[–—]\s")
LIGHT_CAPITALS = {*WEEKDAYS, *MONTH_NAMES}  # "Putin on Friday said": a time, not another subject
MAX_GAP_WORDS = 6
MAX_PP_WORDS = 16
MAX_SUBJECT_WORDS = 40
MAX_SUBJECT_CHARS = 1_000  # a subject this far before its cue is not one (the furthest in real copy: about 200)
POSTMODIFIER_STARTS = {"of", "to", "from", "who", "which"}
PP_STARTS = {"at", "in", "on", "during", "after", "before", "while", "when", "speaking", "addressing"}
# White space before the end or a comma is taken whole (`\s*+`): the same matches, without
# trying every way to split a long run of it between two `\s*`
AND_BETWEEN = re.compile(r"^\s*+,?\s*+and\s+$")
LIST_BETWEEN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")
BARE_SURNAME = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*+(?:,[^,]{1,160},)?\s*+$")
_TITLES = (r"envoy|ambassador|representative|spokes(?:man|woman|person)|aide|adviser|advisor|minister|secretary|"
           r"director|chairman|official|diplomat|analyst|expert|press\s+secretary")
UNKNOWNS_TITLE = re.compile(rf"(?i:\b(?P<title>{_TITLES}))\b[^.;“”\"«»]{{0,40}}?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+"
                            rf"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s*+(?:,[^,]{{1,160}},)?\s*+$")
BARE_TITLE = re.compile(rf"(?i:\bthe\s+(?P<title>{_TITLES}))\s*$")
# inverted order ("“…,” said Putin") only for verbs of saying, right after a quote or a comma
INVERSION_CUE = re.compile(
    r"said|says|added|adds|noted|stressed|asked|replied|answered|continued|explained|emphasi[sz]ed|declared"
    r"|remarked|wrote|writes|commented|concluded|insisted|warned|recalled|observed", re.IGNORECASE)
INVERSION_BEFORE = re.compile(r"[,”»\"’:]\s*$")
HONORIFIC_GAP = re.compile(r"\s*+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?")
# a participle adjunct ("…, saying that", "while warning") has the subject of its sentence, unless a
# clause of its own or a passive stands between ("… as protesters gathered, warning", "was criticised by …")
PARTICIPLE = re.compile(PARTICIPLES, re.IGNORECASE)
CLAUSE_WORDS = {"as", "while", "who", "whom", "whose", "which", "that", "when", "where", "after", "before",
                "because", "since", "although", "though", "if", "until", "by"}


def find_subjects(text: str, cue: re.Match, outside: list[Reference], inside, state: Discourse) -> list:
    """The subjects of a speech cue (see the module's docstring). They are sought only in the
    MAX_SUBJECT_CHARS before the cue: a run-on "sentence" of thousands of characters (a paste
    with no full stops) would otherwise be read again for each of its cues."""
    start = window_start(text, cue.start(), inside)
    lo = max(start, cue.start() - MAX_SUBJECT_CHARS)
    # right after the cue, over an honorific ("according to Mr Prikhodko")
    after = [r for r in _starting(outside, cue.end(), cue.end() + 6)
             if HONORIFIC_GAP.fullmatch(text, cue.end(), r.start)]
    if cue.group().lower().startswith("according"):
        if after:
            return [after[0]]
        pronoun = OBJECT_PRONOUN.match(text, cue.end())
        return [_pronoun(pronoun)] if pronoun else []
    agent = AGENT_AFTER.match(text, cue.end())
    if agent:  # "It was said by Ivan Petrov"
        return _starting(outside, agent.end(), agent.end())[:1] or _unknown_agent(text, agent.end())
    before = _within(outside, lo, cue.start())
    pronouns = [_pronoun(m) for m in PRONOUN.finditer(text, lo, cue.start()) if not _covered(outside, m.start())]
    candidates = sorted([*before, *pronouns], key=lambda r: r.end)
    # an apposition follows the reference it describes ("Putin, who met some heads of state, said")
    appositions = [(m.start(), m.end()) for c in candidates
                   if (m := LOWER_APPOSITION.match(text, c.end, cue.start()))]
    skipped: list = []
    for index in range(len(candidates) - 1, -1, -1):
        candidate = candidates[index]
        if RELATIVE_AFTER.match(text, candidate.end) and _light_gap(
                _gap_words(text, candidate.end, cue.start(), skipped), False):
            return [candidate]  # "was followed by Tokayev, who said": the relative clause's antecedent
        if (possessive(text, candidate) or _object(text, candidate)
                or any(s < candidate.start and candidate.end < e for s, e in appositions)):
            skipped.append(candidate)
            continue
        initial = bool(SENTENCE_INITIAL.match(text[start:candidate.start]))
        gap = _gap_words(text, candidate.end, cue.start(), skipped)
        if gap and gap[-1].lower() == "and":
            # "X convened a news conference and briefed reporters": X, when X opens the sentence;
            # "accused X of backing Y, and criticized": Y is an object, not the subject
            if initial and len(gap) <= MAX_SUBJECT_WORDS:
                return _with_coordinated(text, candidates, index, skipped)
            break
        if initial and PARTICIPLE.fullmatch(cue.group()) and len(gap) <= MAX_SUBJECT_WORDS and not (
                CLAUSE_WORDS & {word.lower() for word in (gap[:-1] if gap[-1:] == ["while"] else gap)}):
            # "Medvedev met the leaders …, trying to …, while warning them": the sentence's subject
            return _with_coordinated(text, candidates, index, skipped)
        closes_apposition = text[candidate.end:cue.start()].rstrip().endswith(",") and \
            text[candidate.start - 2:candidate.start].strip() != ","
        if not _light_gap(gap, initial, closes_apposition):
            break
        return _with_coordinated(text, candidates, index, skipped)
    gap_start = max([lo, *(c.end for c in candidates)])
    known = _known_unknown(text[gap_start:cue.start()], state)
    if known:
        return [known]
    unknown = unknown_person(text[gap_start:cue.start()])
    if unknown:
        title = UNKNOWNS_TITLE.search(text[gap_start:cue.start()])
        return [Unknown(*unknown, title=title.group("title").lower() if title else "")]
    if INVERSION_CUE.fullmatch(cue.group()) and INVERSION_BEFORE.search(
            text, max(0, cue.start() - MAX_SUBJECT_CHARS), cue.start()):
        return after[:1]  # "“...,” said Putin"
    return []


# References come in order and never overlap, so their starts and ends both rise: the ones near a
# cue are found by bisection, not by a pass over every reference in the paragraph for each cue.
_START, _END = attrgetter("start"), attrgetter("end")


def _starting(refs: list, lo: int, hi: int) -> list:
    """The references starting from `lo` to `hi`."""
    return refs[bisect.bisect_left(refs, lo, key=_START):bisect.bisect_right(refs, hi, key=_START)]


def _within(refs: list, lo: int, hi: int) -> list:
    """The references lying wholly between `lo` and `hi`."""
    return refs[bisect.bisect_left(refs, lo, key=_START):bisect.bisect_right(refs, hi, key=_END)]


def _covered(refs: list, position: int) -> bool:
    i = bisect.bisect_right(refs, position, key=_START) - 1
    return i >= 0 and position < refs[i].end


def _pronoun(match: re.Match) -> Pronoun:
    return Pronoun(match.start(), match.end(), "plural" if match.group("plural") else "single")


def _unknown_agent(text: str, start: int) -> list:
    name = re.match(r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){1,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?", text[start:start + 60])
    unknown = unknown_person(name.group(), whole=True) if name else None
    return [Unknown(*unknown)] if unknown else []


def _with_coordinated(text: str, candidates, index: int, skipped=()) -> list:
    """"Saakashvili, Yushchenko and Kocharyan announced": every subject in a list that ends in
    "and". Two names with only a comma between are an opening phrase and its subject."""
    chosen = [candidates[index]]
    if not index or not AND_BETWEEN.match(text[candidates[index - 1].end:candidates[index].start]):
        return chosen
    while index and not isinstance(candidates[index - 1], Pronoun) and candidates[index - 1] not in skipped \
            and not _object(text, candidates[index - 1]) \
            and LIST_BETWEEN.match(text[candidates[index - 1].end:candidates[index].start]):
        index -= 1
        chosen.insert(0, candidates[index])
    return chosen


def _known_unknown(text: str, state: Discourse) -> Unknown | None:
    """"Mr Petrov said" or "the envoy said" after "Envoy Ivan Petrov said": the unknown speaker
    introduced earlier, by surname or by the title they were introduced with."""
    match = BARE_SURNAME.search(text)
    if match and match.group("surname") in state.unknown_surnames:
        return Unknown(state.unknown_surnames[match.group("surname")], "")
    match = BARE_TITLE.search(text)  # "the Envoy explained", after "Envoy Ivan Petrov told"
    if match and match.group("title").lower() in state.unknown_titles:
        return Unknown(state.unknown_titles[match.group("title").lower()], "")
    return None


def possessive(text: str, ref) -> bool:
    return bool(POSSESSIVE_AFTER.match(text[ref.end:ref.end + 3]))


def _object(text: str, ref) -> bool:
    return bool(NOT_SUBJECT_BEFORE.search(text[max(0, ref.start - 30):ref.start]))


def _gap_words(text: str, start: int, end: int, skipped) -> list[str]:
    gap = text[start:end]
    for ref in sorted(skipped, key=lambda r: r.start, reverse=True):
        if start <= ref.start and ref.end <= end:
            gap = gap[:ref.start - start] + "x" + gap[ref.end - start:]
    gap = APPOSITION.sub(" ", gap)
    words = [w.strip(".,;:()") for w in gap.split()]
    return [w for w in words if w and w not in ("-", "--")]


def _light_gap(words: list[str], sentence_initial: bool, closes_apposition: bool = False) -> bool:
    if any(w.lower() in ("who", "whose", "which") for w in words[1:]):
        return False  # "X -- a politician who has often praised Y": a relative clause, not speech
    heavy = [w for w in words if w[0].isupper() and w not in LIGHT_CAPITALS]
    if len(words) <= MAX_GAP_WORDS and not heavy:
        return True
    if sentence_initial and words and words[0].lower() in POSTMODIFIER_STARTS and len(words) <= MAX_SUBJECT_WORDS:
        return True  # "The foreign ministers of Armenia, Belarus, … and Uzbekistan express": all the subject
    # "Lukashenko at a meeting of the CIS Heads of State Council in a narrow format said": a
    # prepositional phrase may name things, as long as no name stands right before the cue
    # "Ushakov, the Adviser on Foreign Policy, stated": the end of an apposition
    return (len(words) <= MAX_PP_WORDS and words[0].lower() in PP_STARTS
            and (closes_apposition or not (words[-1][0].isupper() and words[-1] not in LIGHT_CAPITALS)))


def previous_subject(text: str, pronoun: Pronoun, earlier) -> tuple[str, ...]:
    """The people named in the sentence before the pronoun's, within the paragraph, leaving
    out possessives ("Poroshenko's decision")."""
    ends = sentence_ends(text)
    k = bisect.bisect_right(ends, pronoun.start)
    if not k:
        return ()
    sentence_start = ends[k - 1]
    previous_start = ends[k - 2] if k > 1 else 0
    first = bisect.bisect_left(earlier, previous_start, key=lambda item: item[0].start)
    last = bisect.bisect_right(earlier, sentence_start, key=lambda item: item[0].end)
    return tuple(dict.fromkeys(
        pid for ref, ids in earlier[first:last] if not possessive(text, ref) for pid in ids))
