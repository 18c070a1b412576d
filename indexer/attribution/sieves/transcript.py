"""Sieves `speech_heading` and `transcript_label`: who holds the floor, from the layout.

A heading "Speech of President Tokayev at the summit" or a paragraph opening with a label
"President of Russia Vladimir Putin:" names the speaker outright; the paragraphs after it are
that person's turn (see `Turn`). "Question:" and the like are turns of nobody.
"""

from __future__ import annotations

import re

from ..context import Discourse, Turn
from ..cues import unknown_person
from ..mentions import Mentions

HEADING = "speech_heading"
LABEL = "transcript_label"

# `\s*+`, `\s++`, `(?<!\s)`: white space is taken whole and only from its start, the same match
# (no label and no "at ..." may begin inside a run of it) without trying every way to split a
# long run, which took minutes
SPEAKER_LABEL = re.compile(r"^(?P<label>[A-ZА-ЯЁ][^:“”\"«»\n]{1,90}?)\s*+(?:\([^)]{0,40}\))?\s*+:(?:\s+|$)")
NOT_PERSON_LABELS = {
    "question", "questions", "answer", "q", "a", "moderator", "journalist", "reporter", "correspondent",
    "host", "remark", "reply", "note", "voice", "voices", "interpreter", "announcer", "presenter",
    "audience", "participant", "editor", "source", "photo", "update", "read", "see", "also",
    "вопрос", "ответ", "ведущий", "ведущая", "журналист", "корреспондент", "реплика", "голос", "модератор",
    "фото", "источник", "справка", "читайте", "примечание",
}
# a Russian label may put a bare title before the name: "Президент Садыр Жапаров:"
RUSSIAN_TITLE_PREFIX = re.compile(r"^(?:Президент|Премьер-министр|Председатель|Министр|Генсек|Глава\s+государства)"
                                  r"(?:\s+[а-яё]+){0,3}\s+")
SPEECH_HEADING = re.compile(
    r"^(?:(?:Opening|Closing|Full\s+text\s+of(?:\s+the)?)\s+)?(?:Speech|Remarks|Statement|Address|Speaking\s+notes"
    r"|Text\s+of\s+the\s+speech)\s+(?:of|by)\s+(?P<who>.+?)(?:(?<!\s)\s++(?:at|to|during|on|in|before)\s+.*)?[:.]?$",
    re.IGNORECASE,
)

# "Выступление Президента Сержа Саргсяна на заседании …", "Текст обращения Токаева к участникам саммита":
# a title (no full stop, a colon only at its end), whose speaker is a title and capitalised words alone
RUSSIAN_SPEECH_HEADING = re.compile(
    r"^(?:(?:Полный\s+)?[Тт]екст\s+)?(?:[Вв]ыступлени[ея]|[Рр]ечь|[Рр]ечи|[Оо]бращени[ея]|[Зз]аявлени[ея])"
    r"\s+(?P<who>(?:(?:[Пп]резидента|[Пп]ремьер-министра|[Пп]редседателя|[Гг]лавы\s+государства)\s+)?"
    r"[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*){0,5})"
    r"(?P<where>\s+(?:на|в|во|перед|к)\s+[^.!?:]*)?:?$")
# a verb in what follows the speaker ("Заявление Лукашенко на саммите вызвало споры") makes it a
# sentence about the speech, not the title over it
_VERB = re.compile(r"(?<![\w-])[а-яё]{2,}(?:ло|ли|ла|лся|лась|лось|лись|ает|яет|ует|ит|ют|ят)(?![\w-])")
MAX_HEADING_CHARS = 200


def speech_heading(text: str, state: Discourse, mentions: Mentions) -> Turn | None:
    """A heading that names who gave the speech below it starts that person's turn: the speech
    itself never names its speaker ("Speech of President Tokayev at the CIS summit",
    "Выступление Президента Сержа Саргсяна на заседании")."""
    line = text.strip()
    if len(line) > MAX_HEADING_CHARS or len(line.split()) > 20:
        return None
    match = SPEECH_HEADING.match(line)
    if not match:
        match = RUSSIAN_SPEECH_HEADING.match(line)
        if match and match.group("where") and _VERB.search(match.group("where")):
            return None
    if not match:
        return None
    refs = [r for r in mentions.resolver.find(match.group("who")) if r.kind in ("name", "role", "generic")]
    ids = mentions.label(refs[0], state) if len(refs) == 1 else ()
    return Turn(ids, HEADING) if len(ids) == 1 else None


def speaker_label(text: str, state: Discourse, mentions: Mentions):
    """(speakers, where the speech starts, problems) for a paragraph opening with a speaker
    label; None when it does not."""
    match = SPEAKER_LABEL.match(text)
    if not match or len(match.group("label").split()) > 8:
        return None
    label = match.group("label").strip()
    refs = mentions.resolver.find(label)
    title = RUSSIAN_TITLE_PREFIX.match(label) if len(refs) == 1 and refs[0].end >= len(label) - 1 else None
    if title and refs[0].start == title.end():  # "Президент Садыр Жапаров:"
        label = label[title.end():]
        refs = mentions.resolver.find(label)
    if refs and sum(r.end - r.start for r in refs) >= len(label) - 2 and len(refs) == 1:
        ids = mentions.label(refs[0], state)
        if len(ids) == 1:
            return ids, match.end(), []
        return (), match.end(), [f"speaker label '{label}' could be {' or '.join(ids) or 'nobody known'}"]
    if label.split()[0].lower().strip(".") in NOT_PERSON_LABELS:
        return (), match.end(), []
    unknown = unknown_person(label, whole=True)
    if unknown:
        return (unknown[0],), match.end(), [unknown[1]]
    return None
