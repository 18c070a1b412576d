"""Sieve `participial_opener`: "Speaking about the budget, Rashid Meredov …",
"Addressing the energy session, Tokayev invited …": a sentence opening with a participle of
speech makes the subject of its main clause a speaker, whatever the main verb is."""

from __future__ import annotations

from ..context import Discourse, ParagraphTags
from ..cues import PARTICIPIAL_OPENER
from ..mentions import Mentions
from ..quoting import inside
from ..subjects import possessive

NAME = "participial_opener"


def credit_opener(text: str, quoting, refs, state: Discourse, tags: ParagraphTags, mentions: Mentions) -> None:
    for match in PARTICIPIAL_OPENER.finditer(text):
        if any(s <= match.start() < e for s, e in quoting.inside):
            continue
        ref = next((r for r in refs if r.start == match.end() and not inside(r, quoting.inside)), None)
        if ref is not None and ref.kind in ("name", "role", "generic") and not possessive(text, ref):
            ids = mentions.label(ref, state)
            if len(ids) == 1:
                tags.credit(ids, NAME)
