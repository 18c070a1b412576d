"""Sieves that credit a paragraph from the one after it.

`ru_about_this`: "Разговор о конфликте уже можно вести в прошедшем времени." followed by "Об
этом заявил Президент Азербайджана Ильхам Алиев": the paragraph before "об этом" is what was
said, so it carries the speaker the next paragraph's cue credited. Only when that paragraph
opens with "Об этом" (or "Такое заявление"), after at most a "как сообщает X," clause.

`attribution_line`: a pull quote printed with its speaker on the line below ("Дмитрий Песков,
официальный представитель Кремля", "— Dmitry Peskov, Kremlin spokesman"). The line is a name
and at most a lower-case title: the paragraph above is that person's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...paragraphs import Paragraph
from ..context import Discourse, ParagraphTags
from ..mentions import Mentions
from ..russian_cues import ABOUT_THIS

ABOUT = "ru_about_this"
LINE = "attribution_line"
_TITLE_AFTER_NAME = re.compile(r"^\s*(?:,\s*[^\W\d_A-ZА-ЯЁ][^.!?:;«»“”\"]{0,80})?\s*$")
MAX_LINE_WORDS = 12


def credit_from_next(paragraphs: Sequence[Paragraph], tags: list[ParagraphTags], language: str,
                     mentions: Mentions, state: Discourse, enabled) -> None:
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind == "body" and not tags[index].speakers and enabled(LINE):
            speaker = signed_quote(paragraph.text, mentions, state)
            if speaker:
                tags[index].credit(speaker, LINE)
    for current in range(1, len(paragraphs)):
        previous = current - 1
        if paragraphs[previous].kind != "body" or tags[previous].speakers:
            continue
        text = paragraphs[current].text
        kind = paragraphs[current].kind
        if (language == "ru" and kind == "body" and enabled(ABOUT) and tags[current].speakers
                and ABOUT_THIS.match(text)):
            tags[previous].credit(tags[current].speakers, ABOUT)
        elif kind in ("body", "heading") and enabled(LINE):  # a short line reads as a heading
            speaker = attribution_line(text, mentions, state)
            if speaker:
                tags[previous].credit(speaker, LINE)
                tags[current].mentions = [m for m in tags[current].mentions if m[2] not in speaker]


_CLOSING = re.compile(r"[»”\"]")


def signed_quote(text: str, mentions: Mentions, state: Discourse) -> tuple[str, ...]:
    """A quotation signed with a name after it and nothing else ("«…».Касым-Жомарт Токаев",
    "“…” — Dmitry Peskov"): the name's."""
    if not text.lstrip().startswith(("«", "“", "„", '"')):
        return ()
    closes = list(_CLOSING.finditer(text))
    if not closes or len(text[:closes[-1].start()].split()) < 4:
        return ()
    return attribution_line(text[closes[-1].end():].lstrip(" .,–—-"), mentions, state)


def attribution_line(text: str, mentions: Mentions, state: Discourse) -> tuple[str, ...]:
    """The person a short "Name, title" line names, or ()."""
    stripped = text.strip().lstrip("-–— ")
    if len(stripped.split()) > MAX_LINE_WORDS:
        return ()
    refs = mentions.resolver.find(stripped)
    if not refs or refs[0].start != 0 or refs[0].kind != "name" or not _TITLE_AFTER_NAME.match(stripped[refs[0].end:]):
        return ()
    ids = mentions.resolver.resolve(refs[0], state.day, state.named)
    return ids if len(ids) == 1 else ()
