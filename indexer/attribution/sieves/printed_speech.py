"""Sieve `printed_speech`: a speech printed as plain paragraphs after an introduction.

Outlets print speeches whole: after "In his speech, X said:" (a paragraph ending in a colon
whose cue names one speaker), after "The following is the text of the speech", or as the whole
article, opening with a salutation ("Distinguished colleagues!") and never naming its speaker.
The paragraphs that follow are the speaker's turn, as long as they still read as speech
(see `Turn`). For a whole-article speech the speaker is the head of state of the outlet's
country; failing that, of the one country the speech names whose leader it does not name or
address (a speaker names other leaders, and speaks of their own country as a country); any
other case credits nobody and says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...paragraphs import Paragraph
from ..context import SALUTATION, Discourse, ParagraphTags, Turn
from ..mentions import Mentions
from ..quoting import inside
from ..subjects import find_subjects

NAME = "printed_speech"
SPEECH_EVENT = re.compile(
    r"(?<![\w-])(?:(?:delivered|made|gave|read\s+out)\s+(?:a|an|his|her|the)\s+(?:speech|address|statement)"
    r"|addressed\s+the\s+\w+|took\s+the\s+floor)", re.IGNORECASE)
TEXT_FOLLOWS = re.compile(
    r"(?:following\s+is|below\s+is|here\s+is|we\s+(?:publish|present)|full\s+text\s+of)\s+(?:the\s+)?"
    r"(?:full\s+)?(?:text\s+of\s+)?(?:the|his|her)\s+(?:speech|address|remarks|statement)",
    re.IGNORECASE,
)


def introduces_speech(text: str, tags: ParagraphTags) -> Turn | None:
    """A paragraph ending in "said:" with one speaker credited starts that speaker's speech."""
    if text.rstrip().endswith(":") and len(tags.speakers) == 1:
        return Turn(tags.speakers, NAME, mode="printed")
    return None


def announces_speech(text: str, next_text: str, quoting, refs, state: Discourse, mentions: Mentions) -> Turn | None:
    """"President Sargsyan delivered a speech." followed by a paragraph that
    opens with a salutation ("“Dear Mr. Chairman,"): the speech is printed next."""
    if not SALUTATION.match(next_text):
        return None
    event = SPEECH_EVENT.search(text)
    if not event:
        return None
    outside = [ref for ref in refs if not inside(ref, quoting.inside)]
    subjects = find_subjects(text, event, outside, quoting.inside, state)
    if len(subjects) != 1 or getattr(subjects[0], "kind", None) not in ("name", "role", "generic"):
        return None
    ids = mentions.label(subjects[0], state)
    return Turn(ids, NAME, mode="printed") if len(ids) == 1 else None


def text_follows(text: str, state: Discourse, mentions: Mentions, resolved) -> Turn | None:
    """"The following is the text of the speech": the speaker is the person this paragraph
    names, else the last person the article named."""
    if "text" not in text.lower() or not TEXT_FOLLOWS.search(text):
        return None
    people = list(dict.fromkeys(pid for _, ids in resolved for pid in ids if pid in mentions.people))
    if len(people) == 1:
        return Turn(tuple(people), NAME, mode="labelled")
    if not people and state.named:
        return Turn((state.last_named,), NAME, mode="labelled")
    return None


def whole_article_speech(paragraphs: Sequence[Paragraph], state: Discourse, mentions: Mentions,
                         problems: list[str]) -> Turn | None:
    """A whole article that opens with a salutation is one printed speech."""
    body = [p for p in paragraphs if p.kind == "body"]
    if not body or not SALUTATION.match(body[0].text) or len(body[0].text.split()) > 12:
        return None
    resolver = mentions.resolver
    if state.outlet_country:
        holders = resolver.holders("leader", state.outlet_country, state.day)
        if len(holders) == 1:
            return Turn(tuple(holders), NAME, mode="labelled")
    text = "\n".join(p.text for p in body)
    named_people = {pid for ref in resolver.find(text) for pid in mentions.mention(ref, state)}
    named_countries = {role.country for pid in named_people for role in mentions.people[pid].roles}
    countries = [c for c in resolver.countries_in(text) if c not in named_countries]
    leaders = [resolver.holders("leader", c, state.day) for c in countries]
    if len(countries) == 1 and state.day is not None and len(leaders[0]) == 1:
        problems.append(f"printed speech with no speaker named: taken to be {leaders[0][0]}'s, the leader of "
                        f"the one country it speaks of without naming its leader (add a source: header)")
        return Turn(tuple(leaders[0]), NAME, mode="labelled")
    problems.append("printed speech with no speaker named: credited to nobody (add a source: header)")
    return None
