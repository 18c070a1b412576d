"""Who speaks in each paragraph: an ordered list of small named sieves, most precise first.

A wrong speaker is worse than none, so every sieve prefers silence (and a note in `problems`)
to a guess. Quote structure is read first (`quoting`: names inside quotes are mentions only;
an open quote chains paragraphs into one utterance); references are resolved in context
(`mentions`); then the sieves in `pipeline.SIEVES` credit speakers, each credit naming its
sieve (`sieves/`: transcript labels and speech headings, printed speeches, speech cues by the
kind of their subject, quote chains and the last speaker).
"""

from .context import ParagraphTags
from .pipeline import SIEVES, Attributor

__all__ = ["SIEVES", "Attributor", "ParagraphTags"]
