"""Sieves `quote_chain` and `last_speaker`: direct speech with no cue of its own.

A quote that runs over several paragraphs is one utterance, so a credit found in any of them
covers all (`quote_chain`). A quote with no cue anywhere belongs to the last speaker, but only
when the paragraph opens with it (`last_speaker`): a quotation set inside a sentence of
narration ("The Kremlin is hoping that the summit “will be productive”") is that sentence's
subject's, and the tagger does not guess it.
"""

from __future__ import annotations

import re

from ..context import DASHES
from ..quoting import OPENING_MARKS, STRAIGHT_MARK

CHAIN = "quote_chain"
LAST = "last_speaker"
QUOTE_OPENERS = (*OPENING_MARKS, STRAIGHT_MARK, "‘", *DASHES)


# "-Уважаемый Садыр Нургожоевич": Russian copy may glue the dash to the speech
GLUED_DASH = re.compile(r"^\s*-(?=[А-ЯЁ])")


def opens_with_quote(text: str, starts_inside: bool) -> bool:
    return starts_inside or text.lstrip().startswith(QUOTE_OPENERS) or bool(GLUED_DASH.match(text))
