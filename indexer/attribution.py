"""Who speaks in each paragraph.

A wrong speaker is worse than none, so every rule here prefers silence (and a note in
`problems`) to a guess. The rules, in the order they apply:

1. Quote marks split a paragraph into quoted and unquoted text. Names inside quotes are only
   mentions: a leader quoted inside another leader's quote never becomes the speaker.
2. A quote left open at the end of a paragraph continues into the following paragraphs when a
   later paragraph closes it (or re-opens it, in the one-mark-per-paragraph style). Such a
   chain is one utterance: an attribution found in any of its paragraphs covers all of them.
3. A speech cue in unquoted text ("said", "stressed that", "is convinced", "call on") takes as
   speaker the nearest reference before it in the same sentence (a name, "the Belarusian
   leader", "the Head of State", "the foreign ministers", "he"), or one right after it
   ("said Putin"). Passive cues ("It was noted") credit nobody.
4. A quote with no cue of its own belongs to the last speaker, until narration resumes.
5. "The President", "the Head of State", "Our President" mean the head of state of the
   outlet's country when the outlet is known; otherwise the last head of state who spoke, then
   the last one named (which is recorded as a doubt).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .corpus import Paragraph
from .names import NOT_GIVEN_NAMES, NameResolver, Reference
from .reference import UNKNOWN_SPEAKER_PREFIX

OPENING_MARKS = "“«„"
CLOSING_MARKS = "”»"
STRAIGHT_MARK = '"'
MAX_CHAIN_LOOKAHEAD = 10
MIN_QUOTE_WORDS = 4

_CUE_WORDS = [
    r"said", r"says", r"say", r"noted", r"notes", r"stressed", r"stresses",
    r"emphasi[sz]ed", r"emphasi[sz]es?", r"stated", r"remarked", r"added", r"adds",
    r"urged", r"urges", r"(?:called|calls?)\s+(?:on|for|upon)", r"suggested", r"suggests",
    r"proposed", r"proposes", r"highlighted", r"highlights", r"(?:pointed|points)\s+out",
    r"underlined", r"underscored", r"explained", r"believes", r"mentioned", r"described",
    r"told", r"replied", r"answered", r"warned", r"insisted", r"announced", r"declared",
    r"express(?:ed|es)?", r"condemn(?:ed|s)?", r"reiterated", r"recalled", r"assured",
    r"admitted", r"acknowledged", r"commented", r"concluded", r"spoke", r"observed",
    r"asked", r"voiced", r"continued(?=\s*[:,])", r"(?:thinks|considers|hopes)\s+that",
    r"(?:is|was|are|were)\s+(?:convinced|confident|sure|certain)",
]
SPEECH_CUE = re.compile(rf"(?<![\w-])(?:{'|'.join(_CUE_WORDS)})(?![\w-])", re.IGNORECASE)
INVERTED_CUE = re.compile(r"(?<![\w-])according\s+to(?![\w-])", re.IGNORECASE)
PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:was|were|is|are|be|been|being)\s+(?:(?:also|then|later|repeatedly|further|again|"
    r"not|widely|previously|already)\s+)?|\b(?:the|a|an|this|these|that|those|above|well)[\s-]+)$",
    re.IGNORECASE,
)
PRONOUN = re.compile(r"(?<![\w-])(?:(?P<single>[Hh]e|[Ss]he)|(?P<plural>[Tt]hey))(?![\w-])")
SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?…](?=\s+[\"“«]?[A-Z0-9])")
# "President of Russia Vladimir Putin: Colleagues," / "V. Putin:" / "Question:" at a paragraph's start
SPEAKER_LABEL = re.compile(r"^(?P<label>[A-Z][^:“”\"«»\n]{1,90}?)\s*(?:\([^)]{0,40}\))?\s*:(?:\s+|$)")
NOT_PERSON_LABELS = {
    "question", "questions", "answer", "q", "a", "moderator", "journalist", "reporter", "correspondent",
    "host", "remark", "reply", "note", "voice", "voices", "interpreter", "announcer", "presenter",
    "audience", "participant", "editor", "source", "photo", "update", "read", "see", "also",
}
SPEECH_HEADING = re.compile(
    r"^(?:(?:Opening|Closing|Full\s+text\s+of(?:\s+the)?)\s+)?(?:Speech|Remarks|Statement|Address|Speaking\s+notes"
    r"|Text\s+of\s+the\s+speech)\s+(?:of|by)\s+(?P<who>.+?)(?:\s+(?:at|to|during|on|in|before)\s+.*)?[:.]?$",
    re.IGNORECASE,
)
DASHES = ("- ", "– ", "— ", "-\t", "–", "—")
# A name nobody listed: "Ivan Petrov said" (two to four capitalised words before the cue)
UNKNOWN_NAME = re.compile(
    r"(?P<name>(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+|[A-Z]\.\s*){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?:\s*,[^,]{1,90},)?\s*$"
)
NOT_NAME_WORDS = NOT_GIVEN_NAMES


@dataclass
class ParagraphTags:
    """What attribution found in one paragraph."""

    speakers: tuple[str, ...] = ()
    quote: bool = False  # holds direct speech (its own marks, or inside a continued quote)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, person id)
    problems: list[str] = field(default_factory=list)


@dataclass
class _Discourse:
    """What the article has established so far, for pronouns and role descriptions."""

    day: dt.date | None
    outlet_country: str | None
    named: list[str] = field(default_factory=list)  # person ids, in order, outside quotes
    last_speakers: tuple[str, ...] = ()  # cleared when narration resumes
    last_person_speaker: str | None = None  # never cleared


@dataclass
class _Turn:
    """A stretch of speech with one speaker: a transcript turn after "Name:", or a speech under
    a "Speech of President X" heading (which, when written as dash-led paragraphs, ends at the
    first paragraph without a dash)."""

    speakers: tuple[str, ...]
    dashed: bool | None = None  # None: not known yet (decided by the first paragraph)
    labelled: bool = False

    def continues(self, text: str) -> bool:
        if self.labelled:
            return True
        starts_with_dash = text.lstrip().startswith(DASHES)
        if self.dashed is None:
            self.dashed = starts_with_dash
            return True
        return starts_with_dash or not self.dashed


@dataclass
class _Quoting:
    inside: list[tuple[int, int]]  # spans of quoted text
    starts_inside: bool
    ends_open: bool


class Attributor:
    def __init__(self, resolver: NameResolver):
        self.resolver = resolver

    def attribute(
        self, paragraphs: Sequence[Paragraph], day: dt.date | None, outlet_country: str | None
    ) -> list[ParagraphTags]:
        """Tags for every paragraph (headings and captions get mentions, never speakers)."""
        state = _Discourse(day, outlet_country)
        quoting = _quote_structure(paragraphs)
        tags = [ParagraphTags() for _ in paragraphs]
        turn: _Turn | None = None
        index = 0
        while index < len(paragraphs):
            paragraph = paragraphs[index]
            if paragraph.kind != "body":
                tags[index] = self._context_only(paragraph, quoting[index], state)
                if paragraph.kind in ("heading", "headline"):
                    turn = self._speech_heading(paragraph.text, state)
                index += 1
                continue
            heading_turn = self._speech_heading(paragraph.text, state)
            label = None if heading_turn else self._speaker_label(paragraph.text, state)
            if heading_turn:
                tags[index], turn = self._context_only(paragraph, quoting[index], state), heading_turn
            elif label:
                speakers, label_end, problems = label
                tags[index] = self._turn_tags(paragraph, speakers, label_end, state, problems)
                turn = _Turn(speakers, labelled=True)
            elif turn is not None and turn.continues(paragraph.text):
                tags[index] = self._turn_tags(paragraph, turn.speakers, 0, state, [])
            else:
                turn = None
                unit = _chain_from(index, paragraphs, quoting)
                self._attribute_unit(unit, paragraphs, quoting, tags, state)
                index = unit[-1] + 1
                continue
            index += 1
        return tags

    # --- transcripts and speeches ---------------------------------------------------------

    def _speaker_label(self, text: str, state: _Discourse):
        """(speakers, where the speech starts, problems) for a paragraph opening with a speaker
        label; None when it does not. "Question:" and the like are labels with no speaker."""
        match = SPEAKER_LABEL.match(text)
        if not match or len(match.group("label").split()) > 8:
            return None
        label = match.group("label").strip()
        refs = self.resolver.find(label)
        if refs and sum(r.end - r.start for r in refs) >= len(label) - 2 and len(refs) == 1:
            ids = self._resolve_label(refs[0], state)
            if len(ids) == 1:
                return ids, match.end(), []
            return (), match.end(), [f"speaker label '{label}' could be {' or '.join(ids) or 'nobody known'}"]
        if label.split()[0].lower().strip(".") in NOT_PERSON_LABELS:
            return (), match.end(), []
        unknown = _unknown_person(label, whole=True)
        if unknown:
            return (unknown[0],), match.end(), [unknown[1]]
        return None

    def _resolve_label(self, ref: Reference, state: _Discourse) -> tuple[str, ...]:
        if ref.kind == "generic":
            return self._resolve_generic(ref, state, None, as_speaker=False)
        if ref.kind == "group":
            return (ref.group,)
        return self.resolver.resolve(ref, state.day, state.named)

    def _speech_heading(self, text: str, state: _Discourse) -> _Turn | None:
        """"Speech of President Tokayev at the CIS summit" starts a speech by that person."""
        match = SPEECH_HEADING.match(text.strip()) if len(text.split()) <= 20 else None
        if not match:
            return None
        refs = [r for r in self.resolver.find(match.group("who")) if r.kind in ("name", "role", "generic")]
        ids = self._resolve_label(refs[0], state) if len(refs) == 1 else ()
        return _Turn(ids) if len(ids) == 1 else None

    def _turn_tags(self, paragraph: Paragraph, speakers, speech_start: int, state: _Discourse, problems):
        """A paragraph of a turn: all of it after the label is speech, so the names in it are
        mentions, never speakers, and nothing in it moves the discourse."""
        text = paragraph.text
        speech = _Quoting([(speech_start, len(text))], True, False)
        tags = ParagraphTags(speakers=tuple(speakers), quote=bool(speakers) and speech_start < len(text),
                             problems=list(problems))
        resolved = self._mentions(self.resolver.find(text), speech, state, tags)
        state.named.extend(pid for _, ids in resolved for pid in ids)
        tags.mentions = [m for m in tags.mentions if m[2] not in tags.speakers]
        if speakers:
            self._remember_speakers(tuple(speakers), state)
        return tags

    def _remember_speakers(self, speakers: tuple[str, ...], state: _Discourse) -> None:
        state.last_speakers = speakers
        people = [s for s in speakers if s in self.resolver.reference.people]
        if len(people) == 1 and self.resolver.is_head_of_state(people[0], state.day):
            state.last_person_speaker = people[0]

    # --- one utterance (a paragraph, or a chain of continued-quote paragraphs) -------------

    def _attribute_unit(self, unit, paragraphs, quoting, tags, state: _Discourse) -> None:
        for i in unit:
            tags[i] = self._own_tags(paragraphs[i], quoting[i], state)
        chain_speakers = next((tags[i].speakers for i in unit if tags[i].speakers), ())
        is_quote = any(tags[i].quote for i in unit)
        if is_quote and not chain_speakers:
            chain_speakers = state.last_speakers
            if not chain_speakers:
                tags[unit[0]].problems.append("quote with no resolvable speaker")
        for i in unit:
            if not tags[i].speakers and tags[i].quote:
                tags[i].speakers = chain_speakers
            tags[i].mentions = [m for m in tags[i].mentions if m[2] not in tags[i].speakers]
        speakers = next((tags[i].speakers for i in reversed(unit) if tags[i].speakers), ())
        if speakers:
            self._remember_speakers(speakers, state)
        elif not is_quote:
            state.last_speakers = ()

    def _context_only(self, paragraph: Paragraph, quoting: _Quoting, state: _Discourse) -> ParagraphTags:
        tags = ParagraphTags()
        resolved = self._mentions(self.resolver.find(paragraph.text), quoting, state, tags)
        state.named.extend(pid for _, ids in resolved for pid in ids)
        return tags

    def _own_tags(self, paragraph: Paragraph, quoting: _Quoting, state: _Discourse) -> ParagraphTags:
        text = paragraph.text
        tags = ParagraphTags(quote=quoting.starts_inside or _has_substantive_quote(text, quoting.inside))
        refs = self.resolver.find(text)
        resolved = self._mentions(refs, quoting, state, tags)
        outside = [ref for ref in refs if not _inside(ref, quoting.inside)]
        speakers: list[str] = []
        for cue in _cues(text, quoting.inside):
            subject = self._subject(text, cue, outside, quoting.inside)
            if subject is None:
                continue
            earlier = [(ref, ids) for ref, ids in resolved if ref.end <= subject.start]
            ids = self._resolve_speaker(subject, state, earlier, tags)
            speakers.extend(pid for pid in ids if pid not in speakers)
        state.named.extend(pid for _, ids in resolved for pid in ids)
        tags.speakers = tuple(speakers)
        return tags

    def _mentions(self, refs: list[Reference], quoting: _Quoting, state: _Discourse, tags: ParagraphTags):
        """Record every person referred to; return the unquoted references that resolved."""
        resolved = []
        for ref in refs:
            ids = self._resolve_mention(ref, state)
            if len(ids) > 1:
                tags.problems.append(f"'{_squash(ref.surface)}' could be {' or '.join(ids)}: not credited")
                continue
            tags.mentions.extend((ref.start, ref.end, pid) for pid in ids)
            if ids and not _inside(ref, quoting.inside):
                resolved.append((ref, ids))
        return resolved

    # --- finding the subject of a speech cue -----------------------------------------------

    def _subject(self, text: str, cue: re.Match, outside: list[Reference], inside) -> Reference | _Pronoun | None:
        window_start = _window_start(text, cue.start(), inside)
        before = [r for r in outside if window_start <= r.start and r.end <= cue.start()]
        pronouns = [
            _Pronoun(m.start(), m.end(), "plural" if m.group("plural") else "single")
            for m in PRONOUN.finditer(text, window_start, cue.start())
            if not any(r.start <= m.start() < r.end for r in outside)
        ]
        candidates = sorted([*before, *pronouns], key=lambda r: r.end)
        if candidates and not cue.group().lower().startswith("according"):
            return candidates[-1]
        after = [r for r in outside if cue.end() <= r.start <= cue.end() + 2
                 and not text[cue.end():r.start].strip()]
        if after:
            return after[0]
        unknown = _unknown_person(text[window_start:cue.start()])
        return _Unknown(*unknown) if unknown else None

    def _resolve_speaker(self, subject, state: _Discourse, earlier, tags: ParagraphTags) -> tuple[str, ...]:
        if isinstance(subject, _Unknown):
            tags.problems.append(subject.problem)
            return (subject.speaker_id,)
        if isinstance(subject, _Pronoun):
            return self._resolve_pronoun(subject, state, earlier)
        if subject.kind == "group":
            return (subject.group,)
        if subject.kind == "anaphor":
            return state.last_speakers
        if subject.kind == "pair":
            named = state.named + [pid for _, ids in earlier for pid in ids]
            people = list(dict.fromkeys(reversed(named)))[:2]
            return tuple(reversed(people)) if len(people) == 2 else ()
        if subject.kind == "generic":
            return self._resolve_generic(subject, state, tags, as_speaker=True)
        ids = self.resolver.resolve(subject, state.day, state.named)
        return ids if len(ids) == 1 else ()

    def _resolve_pronoun(self, pronoun: _Pronoun, state: _Discourse, earlier) -> tuple[str, ...]:
        if pronoun.number == "plural":
            last = state.last_speakers
            return last if len(last) > 1 or any(s in self.resolver.reference.groups for s in last) else ()
        if earlier:
            return earlier[-1][1]
        people = [s for s in state.last_speakers if s in self.resolver.reference.people]
        if len(people) == 1:
            return tuple(people)
        return (state.named[-1],) if state.named else ()

    def _resolve_generic(self, ref: Reference, state: _Discourse, tags: ParagraphTags, as_speaker: bool):
        if state.outlet_country:
            holders = self.resolver.holders("president", state.outlet_country, state.day)
            if len(holders) == 1:
                return tuple(holders)
        if state.last_person_speaker:
            return (state.last_person_speaker,)
        for pid in reversed(state.named):
            if self.resolver.is_head_of_state(pid, state.day):
                if as_speaker:
                    tags.problems.append(
                        f"'{_squash(ref.surface)}' taken to mean {pid}, the last head of state "
                        "named (the outlet is unknown)"
                    )
                return (pid,)
        return ()

    def _resolve_mention(self, ref: Reference, state: _Discourse) -> tuple[str, ...]:
        if ref.kind == "generic":
            return self._resolve_generic(ref, state, None, as_speaker=False)
        if ref.kind not in ("name", "role"):
            return ()
        ids = self.resolver.resolve(ref, state.day, state.named)
        return () if ref.kind == "role" and len(ids) != 1 else ids  # "the Kazakh President", undated


@dataclass(frozen=True)
class _Pronoun:
    start: int
    end: int
    number: str


@dataclass(frozen=True)
class _Unknown:
    speaker_id: str
    problem: str
    start: int = 0


def _unknown_person(text: str, whole: bool = False) -> tuple[str, str] | None:
    """(speaker id, problem) for a capitalised name nobody listed, ending `text` (or being all
    of it): a speaker of its own, never merged into a known person."""
    match = UNKNOWN_NAME.fullmatch(text.strip()) if whole else UNKNOWN_NAME.search(text)
    if not match:
        return None
    words = match.group("name").replace(".", ". ").split()
    while words and words[0].strip(".") in NOT_NAME_WORDS:
        words.pop(0)
    if len(words) < 2 or any(w.strip(".") in NOT_NAME_WORDS for w in words):
        return None
    name = " ".join(words)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return (UNKNOWN_SPEAKER_PREFIX + slug,
            f"'{name}' speaks but is not in people.toml: credited as an unknown speaker (add them there)")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _inside(ref, spans) -> bool:
    return any(start <= ref.start and ref.end <= end for start, end in spans)


def _has_substantive_quote(text: str, spans) -> bool:
    """Scare quotes around a term ("so-called “reforms”") are not direct speech."""
    return any(len(text[start:end].split()) >= MIN_QUOTE_WORDS for start, end in spans)


def _cues(text: str, inside) -> list[re.Match]:
    """Speech cues in unquoted text, minus passive and adjectival uses."""
    cues = []
    for regex in (SPEECH_CUE, INVERTED_CUE):
        for m in regex.finditer(text):
            if any(start <= m.start() < end for start, end in inside):
                continue
            if regex is SPEECH_CUE and PASSIVE_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
                continue
            cues.append(m)
    return sorted(cues, key=lambda m: m.start())


def _window_start(text: str, position: int, inside) -> int:
    """Where the sentence holding `position` starts, or where the last quote before it ends."""
    start = 0
    for m in SENTENCE_END.finditer(text, 0, position):
        if not any(s <= m.start() < e for s, e in inside):
            start = m.end()
    for _, end in inside:
        if end <= position:
            start = max(start, end)
    return start


# --- quote structure across paragraphs ---------------------------------------------------------


def _mark_role(text: str, index: int) -> str:
    """'open' or 'close' for a quote mark, judging straight quotes by their neighbours."""
    char = text[index]
    if char in OPENING_MARKS:
        return "open"
    if char in CLOSING_MARKS:
        return "close"
    before = text[index - 1] if index else " "
    return "open" if before.isspace() or before in "([—–-" else "close"


def _marks(text: str) -> list[tuple[int, str]]:
    return [(i, _mark_role(text, i)) for i, c in enumerate(text)
            if c in OPENING_MARKS or c in CLOSING_MARKS or c == STRAIGHT_MARK]


def _scan(text: str, starts_inside: bool) -> _Quoting:
    inside, spans, start = starts_inside, [], 0
    for position, role in _marks(text):
        if role == "open" and not inside:
            inside, start = True, position + 1
        elif role == "close" and inside:
            spans.append((start, position))
            inside = False
        elif role == "close" and not spans and not starts_inside:
            spans.append((0, position))  # a close with no open: the quote began before
    if inside:
        spans.append((start, len(text)))
    return _Quoting(spans, starts_inside, inside)


def _continues_into(paragraphs: Sequence[Paragraph], index: int) -> bool:
    """Does the quote left open in paragraph `index` run on into the next body paragraph?"""
    for paragraph in paragraphs[index + 1:index + 1 + MAX_CHAIN_LOOKAHEAD]:
        if paragraph.kind in ("heading", "headline"):
            return False
        if paragraph.kind != "body":
            continue
        marks = _marks(paragraph.text)
        if not marks:
            continue
        position, role = marks[0]
        return role == "close" or (role == "open" and not paragraph.text[:position].strip())
    return False


def _quote_structure(paragraphs: Sequence[Paragraph]) -> list[_Quoting]:
    result, carried = [], False
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind != "body":
            result.append(_scan(paragraph.text, False))
            continue
        quoting = _scan(paragraph.text, carried)
        result.append(quoting)
        carried = quoting.ends_open and _continues_into(paragraphs, index)
    return result


def _chain_from(index: int, paragraphs: Sequence[Paragraph], quoting: list[_Quoting]) -> list[int]:
    """Body paragraph indexes forming one utterance, starting at `index`."""
    unit = [index]
    current = index
    while quoting[current].ends_open:
        nxt = next((j for j in range(current + 1, len(paragraphs)) if paragraphs[j].kind == "body"), None)
        if nxt is None or not quoting[nxt].starts_inside:
            break
        unit.append(nxt)
        current = nxt
    return unit
