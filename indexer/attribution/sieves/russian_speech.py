"""Sieves `ru_cue_name`, `ru_cue_role`, `ru_cue_unknown`, `ru_cue_pronoun`, `ru_cue_group`: a
Russian speech verb (`russian_cues.py`) and its subject (`russian_subjects.py`), credited by the
kind of reference the subject is; `ru_colon_quote`: "реплика Лукашенко: «…»". Once a verb
credits someone, what it introduces ("…, что …", the quotation it closes) credits nobody else.
"""

from __future__ import annotations

import re

from ..context import FIRST_PERSON, Discourse, ParagraphTags
from ..cues import SENTENCE_END, window_start
from ..mentions import Mentions, Pronoun, Unknown
from ..quoting import inside
from ..russian_cues import (
    CONTENT_AFTER,
    PREPOSITION_BEFORE,
    cues,
)
from ..russian_subjects import bare_office, find_subjects, subject_before
from .speech_cues import credit_subjects

NAME, ROLE, UNKNOWN, PRONOUN_SIEVE = "ru_cue_name", "ru_cue_role", "ru_cue_unknown", "ru_cue_pronoun"
COLON_QUOTE = "ru_colon_quote"
GROUP = "ru_cue_group"
SIEVE_OF_KIND = {"name": NAME, "role": ROLE, "generic": ROLE, "group": GROUP, "pair": GROUP}
SUBJECT_KINDS = ("name", "role", "generic", "group", "pair")
_CLOSES_QUOTE = re.compile(r"[»”\"]\s*,?\s*[–—-]?\s*$")


def credit_cues(text: str, quoting, refs, resolved, state: Discourse, tags: ParagraphTags,
                mentions: Mentions, enabled) -> None:
    outside = [ref for ref in refs if not inside(ref, quoting.inside) and ref.kind in SUBJECT_KINDS]
    content: list[tuple[int, int]] = []
    found = [(cue, _quote_before(text, cue, quoting.inside)) for cue in cues(text, quoting.inside)]
    for cue, quote_start in sorted(found, key=lambda item: item[1] is None):  # those closing a quote first
        if any(s <= cue.start() < e for s, e in content):
            continue  # "Лукашенко напомнил, что главы государств договорились": what he said
        # "… Нурсултану Назарбаеву. Президент Казахстана обратился …": named before the cue counts
        state.name(pid for ref, ids in resolved if ref.end <= cue.start() for pid in ids)
        subjects = (find_subjects(text, cue, outside, quoting.inside, state)
                    or bare_office(text, cue, outside, state, mentions))
        credited = credit_subjects(subjects, _sieve_of, text, cue, state, resolved, tags, mentions, enabled)
        if credited and quote_start is not None:
            # "Лидеры говорили о том, что «…», подтвердил Лебедев": the sentence is what Лебедев said
            content.append((window_start(text, quote_start, quoting.inside), cue.start()))
        elif credited and CONTENT_AFTER.match(text, cue.end()):
            end = next((m.start() for m in SENTENCE_END.finditer(text, cue.end())), len(text))
            content.append((cue.end(), end))


def _quote_before(text: str, cue: re.Match, quotes) -> int | None:
    """Where the quotation starts that the cue closes ("«…», — сказал"), or None."""
    mark = _CLOSES_QUOTE.search(text, max(0, cue.start() - 8), cue.start())
    if not mark:
        return None
    return next((start for start, end in reversed(quotes) if end <= mark.start() + 1), None)


def credit_colon_quotes(text: str, quoting, refs, state: Discourse, tags: ParagraphTags,
                        mentions: Mentions) -> None:
    """"Результат Назарбаев сформулировал так: «…»", "реплика его коллеги Лукашенко: «…»": a
    quotation introduced by a colon is the last person named before the colon in its sentence."""
    for start, _ in quoting.inside:
        colon = re.search(r":\s*[«“„\"]$", text[max(0, start - 4):start])
        if not colon or len(text[start:].split()) < 4:
            continue
        colon_at = max(0, start - 4) + colon.start()
        lo = window_start(text, colon_at, quoting.inside)
        before = [r for r in refs if lo <= r.start and r.end <= colon_at and r.kind in ("name", "role")
                  and not inside(r, quoting.inside)
                  and not PREPOSITION_BEFORE.search(text[max(0, r.start - 12):r.start])]
        if before:
            ids = mentions.resolver.resolve(before[-1], state.day, state.named)
            if len(ids) == 1:
                tags.credit(ids, COLON_QUOTE)


# "Ильхам Алиев выступил на заседании." followed by the speech itself: announces, does not quote
ANNOUNCES = re.compile(r"(?<![\w-])(?:выступи(?:л|ла)|взя(?:л|ла)\s+слово)(?![\w-])")


def announced(text: str, refs, quoting, state: Discourse, mentions: Mentions) -> tuple[str, ...]:
    """Who a narration paragraph says took the floor ("X выступил на заседании"): the speech
    printed next, opening with a dash and no cue of its own, is theirs (`last_speaker`)."""
    outside = [r for r in refs if not inside(r, quoting.inside) and r.kind in ("name", "role")]
    for cue in ANNOUNCES.finditer(text):
        subjects = subject_before(text, window_start(text, cue.start(), quoting.inside), cue, outside)
        if len(subjects) == 1 and not isinstance(subjects[0], Pronoun):
            ids = mentions.resolver.resolve(subjects[0], state.day, state.named)
            if len(ids) == 1:
                return ids
    return ()


def narrates(text: str, refs) -> bool:
    """Does the paragraph open with someone in the third person ("Президент Азербайджана Ильхам
    Алиев выступил"), not an address ("Ильхам Гейдарович, Вам слово")? Then a transcript turn is over."""
    first = refs[0] if refs else None
    if first is None or first.kind not in ("name", "role") or first.oblique or text[:first.start].strip():
        return False
    return not re.match(r"\s*[,!]", text[first.end:]) and not FIRST_PERSON.search(text)


def _sieve_of(subject) -> str:
    if isinstance(subject, Unknown):
        return UNKNOWN
    if isinstance(subject, Pronoun):
        return PRONOUN_SIEVE
    return SIEVE_OF_KIND.get(subject.kind, NAME)
