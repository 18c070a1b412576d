"""Sieves `cue_name`, `cue_role`, `cue_group`, `cue_unknown` and `cue_pronoun`: a speech verb
in unquoted text (`cues.py`) and its subject (`subjects.py`).

The kind of the subject decides which sieve credits it, so that the riskier kinds (pronouns,
unknown names) can be switched off or audited alone. Once a cue credits someone, what follows
its "that" to the end of the sentence is what they said: cues inside it credit nobody else.
"""

from __future__ import annotations

import re

from ..context import Discourse, ParagraphTags
from ..cues import SENTENCE_END, cues
from ..mentions import Mentions, Pronoun, Unknown
from ..quoting import inside
from ..subjects import find_subjects, previous_subject

NAME, ROLE, GROUP, UNKNOWN, PRONOUN_SIEVE = "cue_name", "cue_role", "cue_group", "cue_unknown", "cue_pronoun"
SIEVE_OF_KIND = {"name": NAME, "role": ROLE, "generic": ROLE, "group": GROUP, "pair": GROUP, "anaphor": GROUP}

CONTENT_CLAUSE = re.compile(r"(?:\s+\w+){0,3}?\s+that\b")
REPORTED_CLAUSE = re.compile(r"\s+(?:that|he|she|they|it|there|this)\b")
# ", she said." ending a sentence
TRAILING_CUE = re.compile(r"\s*(?:on\s+\w+day|yesterday|today|later|earlier)?\s*[.!?]?\s*$|\s*[.!?]")
CONTINUING = re.compile(r"added|adds|continued|went\s+on", re.IGNORECASE)


def credit_cues(text: str, quoting, refs, resolved, state: Discourse, tags: ParagraphTags,
                mentions: Mentions, enabled) -> None:
    """Credit the subject of every speech cue in the paragraph's unquoted text."""
    outside = [ref for ref in refs if not inside(ref, quoting.inside)]
    found = cues(text, quoting.inside)
    trailing = [cue for cue in found if TRAILING_CUE.match(text, cue.end())]
    content: list[tuple[int, int]] = []
    for cue in trailing + [cue for cue in found if cue not in trailing]:
        if any(s <= cue.start() < e for s, e in content):
            continue  # "Lukashenko reminded that the heads of state had agreed ...": what he said
        credited = False
        for subject in find_subjects(text, cue, outside, quoting.inside, state):
            sieve = _sieve_of(subject)
            if not enabled(sieve):
                continue
            ids = _resolve(subject, text, state, resolved, tags, mentions, cue)
            tags.credit(ids, sieve)
            credited = credited or bool(ids)
        if credited and cue in trailing:
            content.append(_reported_before(text, cue))
        elif CONTENT_CLAUSE.match(text, cue.end()) if credited else REPORTED_CLAUSE.match(text, cue.end()):
            # what follows "said that", or "Experts say he ...", is the content of the speech
            end = next((m.start() for m in SENTENCE_END.finditer(text, cue.end())), len(text))
            content.append((cue.end(), end))

def _reported_before(text: str, cue: re.Match) -> tuple[int, int]:
    """"Yushchenko will write to Putin, she said.": the sentence before the comma is what she
    said, so a cue in it ("write") credits nobody."""
    comma = text.rfind(",", 0, cue.start())
    starts = [m.end() for m in SENTENCE_END.finditer(text) if m.end() <= comma]
    return (starts[-1] if starts else 0, max(comma, 0))


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
    earlier = [(ref, ids) for ref, ids in resolved if ref.end <= subject.start]
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
        named = state.named + [pid for _, ids in earlier for pid in ids]
        people = list(dict.fromkeys(reversed(named)))[:2]
        return tuple(reversed(people)) if len(people) == 2 else ()
    if subject.kind == "generic":
        return mentions.generic(subject, state, tags, as_speaker=True)
    ids = mentions.resolver.resolve(subject, state.day, state.named)
    return ids if len(ids) == 1 else ()
