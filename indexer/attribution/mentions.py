"""From references in text to people, in the light of what the article said before.

`NameResolver` finds references without context; here "the Head of State", "he" and a speaker
label are narrowed by the outlet, the article's date and the discourse so far. A reference
that still means two people is recorded as a doubt and credited to nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..names import NameResolver, Reference
from .context import Discourse, ParagraphTags
from .quoting import Quoting, inside


@dataclass(frozen=True)
class Pronoun:
    start: int
    end: int
    number: str


@dataclass(frozen=True)
class Unknown:
    speaker_id: str
    problem: str
    start: int = 0
    end: int = 0
    title: str = ""  # "envoy" in "Envoy Ivan Petrov said", so that "the envoy said" is them too


def squash(text: str) -> str:
    return " ".join(text.split())


class Mentions:
    def __init__(self, resolver: NameResolver):
        self.resolver = resolver
        self.people = resolver.reference.people
        self.groups = resolver.reference.groups

    def record(self, refs: list[Reference], quoting: Quoting, state: Discourse, tags: ParagraphTags):
        """Record every person referred to; return the unquoted references that resolved."""
        resolved = []
        for ref in refs:
            ids = self.mention(ref, state)
            if len(ids) > 1:
                tags.problems.append(f"'{squash(ref.surface)}' could be {' or '.join(ids)}: not credited")
                continue
            tags.mentions.extend((ref.start, ref.end, pid) for pid in ids)
            if ids and not inside(ref, quoting.inside):
                resolved.append((ref, ids))
        return resolved

    def mention(self, ref: Reference, state: Discourse) -> tuple[str, ...]:
        if ref.kind == "generic":
            return self.generic(ref, state, None, as_speaker=False)
        if ref.kind not in ("name", "role"):
            return ()
        ids = self.resolver.resolve(ref, state.day, state.named)
        return () if ref.kind == "role" and len(ids) != 1 else ids  # "the Kazakh President", undated

    def label(self, ref: Reference, state: Discourse) -> tuple[str, ...]:
        if ref.kind == "generic":
            return self.generic(ref, state, None, as_speaker=False)
        if ref.kind == "group":
            return (ref.group,)
        return self.resolver.resolve(ref, state.day, state.named)

    def generic(self, ref: Reference, state: Discourse, tags: ParagraphTags | None, as_speaker: bool):
        """"The Head of State" is the outlet's own head of state; failing that, the head of state
        this paragraph already credited, the last one who spoke, then the last one named (a doubt
        worth recording)."""
        if state.outlet_country:
            holders = self.resolver.holders("president", state.outlet_country, state.day)
            if len(holders) == 1:
                return tuple(holders)
        if tags is not None:  # "По словам Ющенко, … В то же время президент считает": the one just credited
            heads = [s for s in tags.speakers if self.resolver.is_head_of_state(s, state.day)]
            if len(heads) == 1:
                return (heads[0],)
        if state.last_person_speaker:
            return (state.last_person_speaker,)
        for pid in reversed(state.named):
            if self.resolver.is_head_of_state(pid, state.day):
                if as_speaker and tags is not None:
                    tags.problems.append(
                        f"'{squash(ref.surface)}' taken to mean {pid}, the last head of state "
                        "named (the outlet is unknown)"
                    )
                return (pid,)
        return ()

    def leads(self, person_id: str, day) -> bool:
        """Does the person lead a country that day (head of state or government): one of "the two leaders"?"""
        person = self.people.get(person_id)
        return bool(person) and any(r.leader or r.kind == "prime_minister" for r in person.roles_on(day))

    def pronoun(self, pronoun: Pronoun, state: Discourse, earlier, credited: tuple[str, ...],
                previous: tuple[str, ...]) -> tuple[str, ...]:
        """"He said": whoever this paragraph already credited; else the one person named in
        the paragraph's previous sentence (two there: nobody); else the person who spoke last;
        else the last person named before this paragraph. A person merely mentioned inside the
        sentence ("his Ukrainian counterpart", "Poroshenko's decision", "a meeting with
        Myasnikovich") does not outrank the speaker the story is following."""
        if pronoun.number == "plural":
            last = credited or state.last_speakers
            return last if len(last) > 1 or any(s in self.groups for s in last) else ()
        people = [s for s in credited if s in self.people or s.startswith("unknown-")]
        if len(people) == 1:
            return tuple(people)
        if previous:
            return previous if len(previous) == 1 else ()
        people = [s for s in state.last_speakers if s in self.people or s.startswith("unknown-")]
        if len(people) == 1:
            return tuple(people)
        if earlier:
            return ()
        return (state.last_named,) if state.named else ()

    def remember_speakers(self, speakers: tuple[str, ...], state: Discourse) -> None:
        state.last_speakers = speakers
        if len(speakers) == 1 and (speakers[0] in self.people or speakers[0].startswith("unknown-")):
            state.last_person_speaking = speakers[0]
        people = [s for s in speakers if s in self.people]
        if len(people) == 1 and self.resolver.is_head_of_state(people[0], state.day):
            state.last_person_speaker = people[0]

