"""Runs the attribution sieves over an article, in order, most precise first.

Structure decides first (a speech heading, a transcript label, a printed speech: whole turns
with one speaker); then, paragraph by paragraph (a chain of paragraphs held together by one
open quote counts as one), the speech-cue sieves credit the subjects of speech verbs; last,
quotes with no cue take the speaker of their chain or the last speaker. Each credit keeps the
name of the sieve that made it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from ..names import NameResolver
from ..paragraphs import OMISSION, Paragraph
from .context import Discourse, ParagraphTags, Turn
from .mentions import Mentions
from .quoting import Quoting, chain_from, has_substantive_quote, inside, quote_structure
from .sieves import (
    attributed_after,
    participial_opener,
    printed_speech,
    quotes,
    russian_speech,
    speech_cues,
    transcript,
)

SIEVES = (
    transcript.HEADING,
    transcript.LABEL,
    printed_speech.NAME,
    speech_cues.NAME,
    speech_cues.ROLE,
    speech_cues.GROUP,
    participial_opener.NAME,
    speech_cues.UNKNOWN,
    speech_cues.PRONOUN_SIEVE,
    # Russian copy has its own cue sieves in place of the five above (see russian_speech.py)
    russian_speech.NAME,
    russian_speech.ROLE,
    russian_speech.UNKNOWN,
    russian_speech.PRONOUN_SIEVE,
    russian_speech.GROUP,
    russian_speech.COLON_QUOTE,
    quotes.CHAIN,
    quotes.LAST,
    attributed_after.ABOUT,
    attributed_after.LINE,
)


class Attributor:
    def __init__(self, resolver: NameResolver, disabled: Collection[str] = ()):
        unknown = set(disabled) - set(SIEVES)
        if unknown:
            raise ValueError(f"unknown sieve(s): {', '.join(sorted(unknown))}; known: {', '.join(SIEVES)}")
        self.resolver = resolver
        self.mentions = Mentions(resolver)
        self.disabled = frozenset(disabled)
        self.language = "en"

    def enabled(self, sieve: str) -> bool:
        return sieve not in self.disabled

    def attribute(
        self, paragraphs: Sequence[Paragraph], day: dt.date | None, outlet_country: str | None,
        language: str | None = "en",
    ) -> list[ParagraphTags]:
        """Tags for every paragraph (headings and captions get mentions, never speakers). A
        Russian article ("ru") is read with the Russian cue sieves, an English one with the
        English ones: neither language's cues are matched against the other's text."""
        state = Discourse(day, outlet_country)
        self.language = language or "en"
        quoting = quote_structure(paragraphs, self.language)
        tags = [ParagraphTags() for _ in paragraphs]
        turn: Turn | None = None
        seen_body = False
        index = 0
        while index < len(paragraphs):
            paragraph = paragraphs[index]
            if paragraph.kind != "body":
                tags[index] = self._context_only(paragraph, quoting[index], state)
                if paragraph.kind in ("heading", "headline") and (seen_body or turn is None) and \
                        not OMISSION.fullmatch(paragraph.text.strip()):  # "<…>": a cut; the same speaker goes on
                    turn = self._speech_heading(paragraph.text, state)
                index += 1
                continue
            if not seen_body:
                seen_body = True
                if turn is None and self.enabled(printed_speech.NAME):
                    turn = printed_speech.whole_article_speech(paragraphs, state, self.mentions,
                                                               tags[index].problems)
            heading_turn = self._speech_heading(paragraph.text, state)
            label = None if heading_turn or not self.enabled(transcript.LABEL) else transcript.speaker_label(
                paragraph.text, state, self.mentions)
            if heading_turn:
                tags[index] = self._context_only(paragraph, quoting[index], state)
                turn = heading_turn
            elif label:
                speakers, label_end, problems = label
                tags[index] = self._turn_tags(paragraph, speakers, transcript.LABEL, label_end, state, problems)
                turn = Turn(speakers, transcript.LABEL, mode="labelled")
            elif turn is not None and self._turn_goes_on(paragraph.text, quoting[index], turn, state):
                tags[index] = self._turn_tags(paragraph, turn.speakers, turn.sieve, 0, state,
                                              tags[index].problems)
            else:
                unit = chain_from(index, paragraphs, quoting)
                turn = self._attribute_unit(unit, paragraphs, quoting, tags, state)
                index = unit[-1] + 1
                continue
            index += 1
        attributed_after.credit_from_next(paragraphs, tags, self.language, self.mentions, state, self.enabled)
        return tags

    def _turn_goes_on(self, text: str, quoting: Quoting, turn: Turn, state: Discourse) -> bool:
        """A turn goes on until a paragraph reads as narration: one naming its speaker, or in
        Russian one that opens with someone in the third person ("Ильхам Алиев выступил")."""
        if not turn.continues(text) or self._names_speaker(text, quoting, turn, state):
            return False
        return not (self.language == "ru" and russian_speech.narrates(text, self.resolver.find(text)))

    def _names_speaker(self, text: str, quoting: Quoting, turn: Turn, state: Discourse) -> bool:
        """A paragraph that names the turn's speaker outside quotation marks ("Lebedev said it",
        "After the meeting, the Head of State held talks") is narration about them: the turn is
        over. Speakers do not call themselves by name."""
        if turn.mode == "labelled" and turn.sieve == printed_speech.NAME:
            return False  # a whole printed speech may name its speaker's country and office
        for ref in self.resolver.find(text):
            if ref.kind in ("name", "role", "generic") and not inside(ref, quoting.inside) and not (
                    ref.oblique and ref.kind != "name"):  # "под руководством Президента": someone else
                if set(self.mentions.mention(ref, state)) & set(turn.speakers):
                    return True
        return False

    def _speech_heading(self, text: str, state: Discourse) -> Turn | None:
        if not self.enabled(transcript.HEADING):
            return None
        return transcript.speech_heading(text, state, self.mentions)

    def _turn_tags(self, paragraph: Paragraph, speakers, sieve: str, speech_start: int, state: Discourse,
                   problems) -> ParagraphTags:
        """A paragraph of a turn: all of it after the label is speech, so the names in it are
        mentions, never speakers, and nothing in it moves the discourse."""
        text = paragraph.text
        speech = Quoting([(speech_start, len(text))], True, False)
        tags = ParagraphTags(quote=bool(speakers) and speech_start < len(text), problems=list(problems))
        tags.credit(speakers, sieve)
        resolved = self.mentions.record(self.resolver.find(text), speech, state, tags)
        state.name(pid for _, ids in resolved for pid in ids)
        tags.mentions = [m for m in tags.mentions if m[2] not in tags.speakers]
        if speakers:
            self.mentions.remember_speakers(tuple(speakers), state)
        return tags

    def _context_only(self, paragraph: Paragraph, quoting: Quoting, state: Discourse) -> ParagraphTags:
        tags = ParagraphTags()
        resolved = self.mentions.record(self.resolver.find(paragraph.text), quoting, state, tags)
        state.name(pid for _, ids in resolved for pid in ids)
        return tags

    # --- one utterance (a paragraph, or a chain of continued-quote paragraphs) -------------

    def _attribute_unit(self, unit, paragraphs, quoting, tags, state: Discourse) -> Turn | None:
        resolved_in = {}
        for i in unit:
            tags[i], resolved_in[i] = self._own_tags(paragraphs[i], quoting[i], state, tags[i].problems)
        source = next((i for i in unit if tags[i].speakers), None)
        chain_speakers, sieve = (tags[source].speakers, quotes.CHAIN) if source is not None else ((), quotes.CHAIN)
        is_quote = any(tags[i].quote for i in unit)
        first = paragraphs[unit[0]]
        if is_quote and not chain_speakers:
            if self.enabled(quotes.LAST) and quotes.opens_with_quote(first.text, quoting[unit[0]].starts_inside):
                chain_speakers, sieve = state.last_speakers, quotes.LAST
            if not chain_speakers:
                tags[unit[0]].problems.append("quote with no resolvable speaker")
        for i in unit:
            if not tags[i].speakers and tags[i].quote and self.enabled(sieve):
                tags[i].credit(chain_speakers, sieve)
            tags[i].mentions = [m for m in tags[i].mentions if m[2] not in tags[i].speakers]
        speakers = next((tags[i].speakers for i in reversed(unit) if tags[i].speakers), ())
        if speakers:
            self.mentions.remember_speakers(speakers, state)
        elif not is_quote:
            state.last_speakers = ()
            if self.language == "ru":  # "X выступил на заседании." and then the speech
                state.last_speakers = russian_speech.announced(first.text, self.resolver.find(first.text),
                                                               quoting[unit[0]], state, self.mentions)
        if not self.enabled(printed_speech.NAME):
            return None
        last = unit[-1]
        following = next((paragraphs[j].text for j in range(last + 1, len(paragraphs))
                          if paragraphs[j].kind == "body"), "")  # not a slice: that copies the rest
        return (printed_speech.introduces_speech(paragraphs[last].text, tags[last])
                or printed_speech.text_follows(paragraphs[last].text, state, self.mentions, resolved_in[last])
                or printed_speech.announces_speech(paragraphs[last].text, following, quoting[last],
                                                   self.resolver.find(paragraphs[last].text), state, self.mentions))

    def _own_tags(self, paragraph: Paragraph, quoting: Quoting, state: Discourse, problems):
        text = paragraph.text
        tags = ParagraphTags(quote=quoting.starts_inside or has_substantive_quote(text, quoting.inside),
                             problems=list(problems))
        refs = self.resolver.find(text)
        resolved = self.mentions.record(refs, quoting, state, tags)
        if self.language == "ru":
            russian_speech.credit_cues(text, quoting, refs, resolved, state, tags, self.mentions, self.enabled)
            if self.enabled(russian_speech.COLON_QUOTE) and not tags.speakers:
                russian_speech.credit_colon_quotes(text, quoting, refs, state, tags, self.mentions)
        else:
            speech_cues.credit_cues(text, quoting, refs, resolved, state, tags, self.mentions, self.enabled)
            if self.enabled(participial_opener.NAME):
                participial_opener.credit_opener(text, quoting, refs, state, tags, self.mentions)
        state.name(pid for _, ids in resolved for pid in ids)
        return tags, resolved
