"""Sieves `cue_name`, `cue_role`, `cue_group`, `cue_unknown`, `cue_pronoun` and
`participial_opener`: a speech verb in unquoted text, and who its subject is.

The subject is the nearest reference before the cue in the same sentence ("Putin said"), or
one right after it ("said Putin"), or after "according to". The kind of that reference decides
which sieve credits it, so that the riskier kinds (pronouns, unknown names) can be switched
off or audited alone. Precision rules, each learnt from a wrong credit in real copy:

- a possessive ("Pashinyan's spokesperson told") or the object of a preposition or of a verb
  of meeting ("giving the floor to Aliyev, said"; "told Medvedev, Interfax said") is never
  the subject;
- between subject and cue there may be an apposition between commas, a time or adverb, and
  at most a few lower-case words; another capitalised word (an agency, a ministry) means the
  subject is something the tagger does not know, and nobody is credited.
"""

from __future__ import annotations

import re

from ...names import Reference
from ..context import Discourse, ParagraphTags
from ..cues import (
    OBJECT_PRONOUN,
    PARTICIPIAL_OPENER,
    PRONOUN,
    SENTENCE_END,
    cues,
    unknown_person,
    window_start,
)
from ..mentions import Mentions, Pronoun, Unknown

NAME, ROLE, GROUP, UNKNOWN, PRONOUN_SIEVE, OPENER = (
    "cue_name", "cue_role", "cue_group", "cue_unknown", "cue_pronoun", "participial_opener")
SIEVE_OF_KIND = {"name": NAME, "role": ROLE, "generic": ROLE, "group": GROUP, "pair": GROUP, "anaphor": GROUP}

NOT_SUBJECT_BEFORE = re.compile(
    r"(?<![\w-])(?:to|with|by|from|for|about|against|of|at|on|toward|towards|than|like|between|among|"
    r"met|meets|welcomed|greeted|thanked|congratulated|invited|received|visited|phoned|called|told|asked|"
    r"urged|informed|reminded|briefed|joined|accompanied|hosted|criticized|criticised|assailed)\s+$",
    re.IGNORECASE,
)
POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")
APPOSITION = re.compile(r",[^,“”\"«»]{0,140},|\([^()]{0,80}\)|\s[–—]\s[^–—]{0,100}\s[–—]\s")
LIGHT_CAPITALS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
}
MAX_GAP_WORDS = 6
MAX_PP_WORDS = 16
MAX_SUBJECT_WORDS = 40
POSTMODIFIER_STARTS = {"of", "to", "from", "who", "which"}
PP_STARTS = {"at", "in", "on", "during", "after", "before", "while", "when", "speaking", "addressing"}
AND_BETWEEN = re.compile(r"^\s*,?\s*and\s+$")


def credit_cues(text: str, quoting, refs, resolved, state: Discourse, tags: ParagraphTags,
                mentions: Mentions, enabled) -> None:
    """Credit the subject of every speech cue in the paragraph's unquoted text."""
    outside = [ref for ref in refs if not _inside_quote(ref, quoting.inside)]
    for cue in cues(text, quoting.inside):
        for subject in _subjects(text, cue, outside, quoting.inside):
            sieve = _sieve_of(subject)
            if not enabled(sieve):
                continue
            ids = _resolve(subject, text, state, resolved, tags, mentions)
            tags.credit(ids, sieve)
    if enabled(OPENER):
        for match in PARTICIPIAL_OPENER.finditer(text):
            if any(s <= match.start() < e for s, e in quoting.inside):
                continue
            ref = next((r for r in outside if r.start == match.end()), None)
            if ref is not None and ref.kind in ("name", "role", "generic") and not _possessive(text, ref):
                ids = mentions.label(ref, state)
                if len(ids) == 1:
                    tags.credit(ids, OPENER)


def _sieve_of(subject) -> str:
    if isinstance(subject, Unknown):
        return UNKNOWN
    if isinstance(subject, Pronoun):
        return PRONOUN_SIEVE
    return SIEVE_OF_KIND.get(subject.kind, NAME)


def _subjects(text: str, cue: re.Match, outside: list[Reference], inside) -> list:
    start = window_start(text, cue.start(), inside)
    if cue.group().lower().startswith("according"):
        after = [r for r in outside if cue.end() <= r.start <= cue.end() + 2 and not text[cue.end():r.start].strip()]
        if after:
            return [after[0]]
        pronoun = OBJECT_PRONOUN.match(text, cue.end())
        if pronoun:
            return [Pronoun(pronoun.start(), pronoun.end(), "plural" if pronoun.group("plural") else "single")]
        return []
    before = [r for r in outside if start <= r.start and r.end <= cue.start()]
    pronouns = [
        Pronoun(m.start(), m.end(), "plural" if m.group("plural") else "single")
        for m in PRONOUN.finditer(text, start, cue.start())
        if not any(r.start <= m.start() < r.end for r in outside)
    ]
    candidates = sorted([*before, *pronouns], key=lambda r: r.end)
    skipped: list = []
    for index in range(len(candidates) - 1, -1, -1):
        candidate = candidates[index]
        if _possessive(text, candidate) or _object(text, candidate):
            skipped.append(candidate)
            continue
        initial = not text[start:candidate.start].strip(" \t\"“«‘")
        if not _light_gap(text, candidate.end, cue.start(), skipped, initial):
            break
        chosen = [candidate]
        if index and AND_BETWEEN.match(text[candidates[index - 1].end:candidate.start]) and not isinstance(
                candidate, Pronoun):
            chosen.insert(0, candidates[index - 1])  # "Putin and Lukashenko said"
        return chosen
    gap_start = max([start, *(c.end for c in candidates if c not in skipped)])
    unknown = unknown_person(text[gap_start:cue.start()])
    if unknown:
        return [Unknown(*unknown)]
    after = [r for r in outside if cue.end() <= r.start <= cue.end() + 2 and not text[cue.end():r.start].strip()]
    return after[:1]


def _possessive(text: str, ref) -> bool:
    return bool(POSSESSIVE_AFTER.match(text[ref.end:ref.end + 3]))


def _object(text: str, ref) -> bool:
    return bool(NOT_SUBJECT_BEFORE.search(text[max(0, ref.start - 30):ref.start]))


def _light_gap(text: str, start: int, end: int, skipped, sentence_initial: bool) -> bool:
    gap = text[start:end]
    for ref in sorted(skipped, key=lambda r: r.start, reverse=True):
        if start <= ref.start and ref.end <= end:
            gap = gap[:ref.start - start] + "x" + gap[ref.end - start:]
    gap = APPOSITION.sub(" ", gap)
    words = [w.strip(".,;:()") for w in gap.split()]
    words = [w for w in words if w]
    heavy = [w for w in words if w[0].isupper() and w not in LIGHT_CAPITALS]
    if len(words) <= MAX_GAP_WORDS and not heavy:
        return True
    if sentence_initial and words and words[0].lower() in POSTMODIFIER_STARTS and len(words) <= MAX_SUBJECT_WORDS:
        return True  # "The foreign ministers of Armenia, Belarus, … and Uzbekistan express": all the subject
    # "Lukashenko at a meeting of the CIS Heads of State Council in a narrow format said": a
    # prepositional phrase may name things, as long as no name stands right before the cue
    return (len(words) <= MAX_PP_WORDS and words[0].lower() in PP_STARTS
            and not (words[-1][0].isupper() and words[-1] not in LIGHT_CAPITALS))


def _resolve(subject, text: str, state: Discourse, resolved, tags: ParagraphTags, mentions: Mentions):
    if isinstance(subject, Unknown):
        tags.problems.append(subject.problem)
        return (subject.speaker_id,)
    earlier = [(ref, ids) for ref, ids in resolved if ref.end <= subject.start]
    if isinstance(subject, Pronoun):
        return mentions.pronoun(subject, state, earlier, tags.speakers, _previous_subject(text, subject, earlier))
    if subject.kind == "group":
        return (subject.group,)
    if subject.kind == "anaphor":
        return state.last_speakers
    if subject.kind == "pair":
        named = state.named + [pid for _, ids in earlier for pid in ids]
        people = list(dict.fromkeys(reversed(named)))[:2]
        return tuple(reversed(people)) if len(people) == 2 else ()
    if subject.kind == "generic":
        return mentions.generic(subject, state, tags, as_speaker=True)
    ids = mentions.resolver.resolve(subject, state.day, state.named)
    return ids if len(ids) == 1 else ()


def _previous_subject(text: str, pronoun: Pronoun, earlier) -> tuple[str, ...]:
    """The first person named in the sentence before the pronoun's, within the paragraph."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, pronoun.start)]
    if not ends:
        return ()
    sentence_start = ends[-1]
    previous_start = ends[-2] if len(ends) > 1 else 0
    in_previous = [(ref, ids) for ref, ids in earlier
                   if previous_start <= ref.start and ref.end <= sentence_start and not _possessive(text, ref)
                   and not _object(text, ref)]
    return in_previous[0][1] if in_previous else ()


def _inside_quote(ref, spans) -> bool:
    return any(start <= ref.start and ref.end <= end for start, end in spans)
