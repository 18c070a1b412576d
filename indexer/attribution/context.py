"""What attribution carries from paragraph to paragraph, and what it returns for each one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

DASHES = ("- ", "– ", "— ", "-\t", "–", "—")
# Salutations open a speech's paragraphs ("Dear colleagues,", "Distinguished heads of state!")
SALUTATION = re.compile(
    r"^\W*(?:Dear|Distinguished|Esteemed|Respected|Honou?rable|Ladies\s+and\s+gentlemen|Colleagues|Friends"
    r"|Уважаем\w*|Многоуважаем\w*|Дорог(?:ие|ой|ая)|Господа|Коллеги|Друзья)(?![\w-])"
)
QUOTATION = re.compile(r"[“«\"][^”»\"]*[”»\"]")
FIRST_PERSON = re.compile(r"(?<![\w’'-])(?:I|I['’]m|I['’]d|we|We|our|Our|us|my|My|me"
                          r"|[Яя]|[Мм]ы|[Нн]аш(?:а|е|и|его|ей|ему|им|ими|их|у|ем)?|[Нн]ам|[Нн]ас|[Мм]не|[Мм]еня"
                          # a speaker's own verbs, which need no pronoun: "Хотел бы поздравить", "вижу"
                          r"|(?:^|(?<=[.!?,:]\s))[Хх]отел(?:а)?\s+бы|[Пп]оздравляю|[Бб]лагодарю|[Пп]редлагаю|[Сс]читаю|[Дд]умаю|[Нн]адеюсь"
                          r"|[Пп]ризываю|[Пп]риглашаю|[Жж]елаю|[Вв]ижу|[Хх]очу|[Пп]озвольте)(?![\w’'-])")


@dataclass
class ParagraphTags:
    """What attribution found in one paragraph."""

    speakers: tuple[str, ...] = ()
    sieves: tuple[str, ...] = ()  # for each speaker, the sieve that credited them
    quote: bool = False  # holds direct speech (its own marks, or inside a continued quote)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, person id)
    problems: list[str] = field(default_factory=list)

    def credit(self, speakers, sieve: str) -> None:
        for speaker in speakers:
            if speaker not in self.speakers:
                self.speakers += (speaker,)
                self.sieves += (sieve,)


@dataclass
class Discourse:
    """What the article has established so far, for pronouns and role descriptions."""

    day: dt.date | None
    outlet_country: str | None
    named: dict[str, None] = field(default_factory=dict)  # person ids named outside quotes, the latest last
    last_speakers: tuple[str, ...] = ()  # cleared when narration resumes
    last_person_speaker: str | None = None  # never cleared
    last_person_speaking: str | None = None  # the last single person credited, any office; never cleared
    unknown_surnames: dict[str, str] = field(default_factory=dict)  # "Petrov" -> "unknown-ivan-petrov"
    unknown_titles: dict[str, str] = field(default_factory=dict)  # "envoy" -> "unknown-ivan-petrov"

    def name(self, ids) -> None:
        """Note people named. Each person is kept once, moved to the end when named again: the
        look-backs ("the last head of state named", "the two leaders") then cost the number of
        people named, not the number of times an article of thousands of lines named them."""
        for pid in ids:
            self.named.pop(pid, None)
            self.named[pid] = None

    @property
    def last_named(self) -> str | None:
        return next(reversed(self.named), None)


@dataclass
class Turn:
    """A stretch of speech with one speaker, over several paragraphs.

    mode "labelled": a transcript turn after "Name:" (or a speech announced as the text that
    follows), lasting until the next label or heading. "heading": a speech under a "Speech of
    President X" heading; written as dash-led paragraphs, it goes on through paragraphs that
    still read as the speaker's own words (a dash, a salutation, the first person) and ends at
    the first that reads as narration. "printed": after "X said:", only while paragraphs read
    as speech."""

    speakers: tuple[str, ...]
    sieve: str
    mode: str = "heading"
    dashed: bool | None = None  # None: not known yet (decided by the first paragraph)

    def continues(self, text: str) -> bool:
        if self.mode == "labelled":
            return True
        starts_with_dash = text.lstrip().startswith(DASHES)
        if self.mode == "printed":
            return starts_with_dash or reads_as_speech(text)
        if self.dashed is None:
            self.dashed = starts_with_dash
            return True
        return starts_with_dash or not self.dashed or reads_as_speech(text)


def reads_as_speech(text: str) -> bool:
    """A salutation, or the first person outside quotation marks."""
    return bool(SALUTATION.match(text) or FIRST_PERSON.search(_unquoted(text)))


def _unquoted(text: str) -> str:
    """The text with its quotations blanked. Past the last closing mark no quotation can close,
    so the pattern is not tried there: from each opening mark it would scan to the end."""
    last_close = max(text.rfind(mark) for mark in "”»\"") + 1
    return QUOTATION.sub(" ", text[:last_close]) + text[last_close:]
