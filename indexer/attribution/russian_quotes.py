"""Russian direct speech set off by dashes, which carries no quotation marks:

    – Прежде всего благодарю вас за поддержку, – сказал глава государства. – Сегодня ...

A paragraph opening with a dash is speech up to the dash that hands over to the author's words
(a dash after a comma or a full stop, before a lower-case word), and speech again after a full
stop and a dash. Without this, the names inside such speech would be taken for speakers.
"""

from __future__ import annotations

import re

_OPENING = re.compile(r"^\s*(?:[-–—]\s+|-(?=[А-ЯЁ]))")  # "- Мы", and "-Уважаемые" glued
# ", – сказал", "! – воскликнул": speech ends, the author's words begin
_TO_AUTHOR = re.compile(r"(?<=[,!?.…])\s*[-–—]\s+(?=[а-яё])")
# "... сказал он. – Сегодня": the speech resumes
_TO_SPEECH = re.compile(r"[.!?…:]\s*[-–—]\s+(?=[А-ЯЁA-Z«\"])")


def dash_speech(text: str) -> list[tuple[int, int]]:
    opening = _OPENING.match(text)
    if not opening:
        return []
    spans, start = [], opening.end()
    while start < len(text):
        author = _TO_AUTHOR.search(text, start)
        if not author:
            spans.append((start, len(text)))
            break
        spans.append((start, author.start()))
        resume = _TO_SPEECH.search(text, author.end())
        if not resume:
            break
        start = resume.end()
    return spans


def merged(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two lists of quoted spans as one, in order, overlapping spans joined."""
    result: list[tuple[int, int]] = []
    for start, end in sorted([*first, *second]):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        else:
            result.append((start, end))
    return result
