"""Sieves `cue_name`, `cue_role`, `cue_group`, `cue_unknown` and `cue_pronoun`: a speech verb
in unquoted text (`cues.py`) and its subject (`subjects.py`).

The kind of the subject decides which sieve credits it, so that the riskier kinds (pronouns,
unknown names) can be switched off or audited alone. Once a cue credits someone, what follows
its "that" to the end of the sentence is what they said: cues inside it credit nobody else.
"""

from __future__ import annotations

import bisect
import re
from itertools import chain

from ..context import Discourse, ParagraphTags
from ..cues import SENTENCE_END, cues, sentence_ends
from ..mentions import Mentions, Pronoun, Unknown
from ..quoting import inside
from ..subjects import find_subjects, previous_subject

NAME, ROLE, GROUP, UNKNOWN, PRONOUN_SIEVE = "cue_name", "cue_role", "cue_group", "cue_unknown", "cue_pronoun"
SIEVE_OF_KIND = {"name": NAME, "role": ROLE, "generic": ROLE, "group": GROUP, "pair": GROUP, "anaphor": GROUP}

CONTENT_CLAUSE = re.compile(r"(?:\s+\w+){0,3}?\s+that\b")
REPORTED_CLAUSE = re.compile(r"\s+(?:that|he|she|they|it|there|this)\b")
# ", she said." ending a sentence. White space is taken whole (`\s*+`): handing it back from one
# `\s*` to the next cannot help a match, and tried every way, a long run of it took minutes
# "…, Lebedev told reporters following the summit.": whom he told, and when or where, may come first
TRAILING_CUE = re.compile(
    r"(?:\s++(?:reporters|journalists|the\s+press|the\s+media|TASS|Interfax|RIA\s+Novosti))?"
    r"(?:\s++(?:after|following|at|on|in|during|before)\s++(?:(?!that\b)[^.,;:!?“”\"«»]){1,60}?(?=[.!?]))?"
    r"(?:\s*+(?:on\s+\w+day|yesterday|today|later|earlier)?\s*+[.!?]?\s*+$|\s*[.!?])")
# "Tokayev condemned it, and Mirziyoyev warned in Tashkent.": a clause of its own, reporting nothing before it
COORDINATED = re.compile(r"(?<![\w-])(?:and|while|but|whereas)\s+(?:[\w.’'-]+\s+){1,5}$")
CONTINUING = re.compile(r"added|adds|continued|went\s+on", re.IGNORECASE)


def credit_cues(text: str, quoting, refs, resolved, state: Discourse, tags: ParagraphTags,
                mentions: Mentions, enabled) -> None:
    """Credit the subject of every speech cue in the paragraph's unquoted text."""
    outside = [ref for ref in refs if not inside(ref, quoting.inside)]
    found = cues(text, quoting.inside)
    marked = [(cue, bool(TRAILING_CUE.match(text, cue.end())) and not COORDINATED.search(
        text, max(0, cue.start() - 80), cue.start())) for cue in found]
    content: list[tuple[int, int]] = []
    for cue, trailing in sorted(marked, key=lambda item: not item[1]):  # trailing cues first, each kind in order
        if any(s <= cue.start() < e for s, e in content):
            continue  # "Lukashenko reminded that the heads of state had agreed ...": what he said
        subjects = find_subjects(text, cue, outside, quoting.inside, state)
        credited = credit_subjects(subjects, _sieve_of, text, cue, state, resolved, tags, mentions, enabled)
        if credited and trailing:
            content.append(_reported_before(text, cue))
        elif CONTENT_CLAUSE.match(text, cue.end()) if credited else REPORTED_CLAUSE.match(text, cue.end()):
            # what follows "said that", or "Experts say he ...", is the content of the speech
            end = next((m.start() for m in SENTENCE_END.finditer(text, cue.end())), len(text))
            content.append((cue.end(), end))

def credit_subjects(subjects, sieve_of, text: str, cue, state: Discourse, resolved, tags: ParagraphTags,
                    mentions: Mentions, enabled) -> bool:
    """Credit each subject of a cue under its kind's sieve (if switched on); did anyone get credit?"""
    credited = False
    for subject in subjects:
        sieve = sieve_of(subject)
        if enabled(sieve):
            ids = _resolve(subject, text, state, resolved, tags, mentions, cue)
            tags.credit(ids, sieve)
            credited = credited or bool(ids)
    return credited


def _reported_before(text: str, cue: re.Match) -> tuple[int, int]:
    """"Yushchenko will write to Putin, she said.": the sentence before the comma is what she
    said, so a cue in it ("write") credits nobody."""
    comma = text.rfind(",", 0, cue.start())
    ends = sentence_ends(text)
    k = bisect.bisect_right(ends, comma)
    return (ends[k - 1] if k else 0, max(comma, 0))


def _sieve_of(subject) -> str:
    if isinstance(subject, Unknown):
        return UNKNOWN
    if isinstance(subject, Pronoun):
        return PRONOUN_SIEVE
    return SIEVE_OF_KIND.get(subject.kind, NAME)


def _resolve(subject, text: str, state: Discourse, resolved, tags: ParagraphTags, mentions: Mentions, cue):
    if isinstance(subject, Unknown):
        if subject.problem:
            tags.problems.append(subject.problem)
            surname = subject.speaker_id.rsplit("-", 1)[-1].capitalize()
            state.unknown_surnames.setdefault(surname, subject.speaker_id)
            if subject.title:
                state.unknown_titles[subject.title] = subject.speaker_id
        return (subject.speaker_id,)
    earlier = resolved[:bisect.bisect_right(resolved, subject.start, key=lambda item: item[0].end)]  # in order
    if isinstance(subject, Pronoun):
        if CONTINUING.fullmatch(cue.group()) and subject.number == "single" and state.last_person_speaking:
            return (state.last_person_speaking,)  # "“…,” he added": the one who was speaking
        ids = mentions.pronoun(subject, state, earlier, tags.speakers, previous_subject(text, subject, earlier))
        if not ids:
            tags.problems.append(f"'{text[subject.start:subject.end]}' could mean more than one person or "
                                 "nobody named: not credited")
        return ids
    if subject.kind == "group":
        return (subject.group,)
    if subject.kind == "anaphor":
        return state.last_speakers
    if subject.kind == "pair":
        people: list[str] = []  # the last two leaders named, this paragraph's first (not an aide in between)
        for pid in chain(chain.from_iterable(reversed(ids) for _, ids in reversed(earlier)), reversed(state.named)):
            if pid not in people and mentions.leads(pid, state.day):
                people.append(pid)
                if len(people) == 2:
                    return tuple(reversed(people))
        return ()
    if subject.kind == "generic":
        return mentions.generic(subject, state, tags, as_speaker=True)
    ids = mentions.resolver.resolve(subject, state.day, state.named)
    return ids if len(ids) == 1 else ()
