"""People's names in a query: every known spelling (and, by transliteration skeleton, spellings
no list has, Cyrillic ones too) turned into the speaker, mention and spelling terms the index
holds; and the values of speaker:, mention:, topic: and summit: read as names and labels, with a
notice naming any value that matches nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..name_patterns import MIN_SURNAME_ALONE
from ..spelling import skeleton

_FIELD_VALUE = re.compile(
    r'(?<![\w-])(?P<field>speaker|mention|topic|summit):(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s()"]+))')


@dataclass(frozen=True)
class ReadNames:
    """What `QueryNames.read` made of a query: the text with names turned into terms, the
    people named (in order), how each was typed where that is not their display name
    ("Lukashenka", "Лукашенко"), and notices for field values that matched nothing."""

    text: str
    people: list[str] = field(default_factory=list)
    typed: dict[str, str] = field(default_factory=dict)  # person id -> the spelling typed
    notices: list[str] = field(default_factory=list)



class QueryNames:
    """People's names as users type them, turned into what the index knows.

    "Lukashenka", "Alexander Lukashenko" and "Aleksandr Grigoryevich" all become "passages
    where he speaks or is mentioned, or that spell his surname any known way", so every
    spelling finds the same passages; `speaker:Lukashenko` and `summit:bishkek` accept names
    and labels as well as ids."""

    def __init__(self, forms: dict[str, list[str]], labels: dict[str, dict[str, str]],
                 skeletons: dict[str, list[str]] | None = None):
        self.labels = labels
        self.forms = {fold(form): ids for form, ids in forms.items()}
        self.skeletons = skeletons or {}
        self.spellings: dict[str, set[str]] = {}
        for form, ids in self.forms.items():
            if " " not in form and "." not in form:
                for person in ids:
                    self.spellings.setdefault(person, set()).add(form)
        longest_first = sorted(self.forms, key=len, reverse=True)
        alternation = "|".join(r"\s+".join(map(re.escape, f.split())) for f in longest_first)
        self._names = re.compile(rf"(?<![\w:'\"-])(?:{alternation})(?![\w-])", re.IGNORECASE) if self.forms else None

    def rewrite(self, text: str) -> tuple[str, list[str]]:
        """(the query with names turned into terms, the people it names)."""
        read = self.read(text)
        return read.text, read.people

    def read(self, text: str) -> ReadNames:
        people: list[str] = []
        typed: dict[str, str] = {}
        notices: list[str] = []

        def field_value(match: re.Match) -> str:
            ids = self.resolve(match.group("field"), match.group("quoted") or match.group("bare") or "")
            return self._field(match, ids, people, typed, notices)

        text = _FIELD_VALUE.sub(field_value, text)
        if not self._names and not self.skeletons:
            return ReadNames(text, people, typed, notices)
        quoted = [m.span() for m in re.finditer(r'"[^"]*"', text)]
        pieces, last = [], 0
        for start, end, ids in self._name_spans(text, quoted):
            people.extend(ids)
            self._note_typed(ids, text[start:end], typed)
            pieces += [text[last:start], self._person_group(ids, text[start:end])]
            last = end
        return ReadNames("".join(pieces) + text[last:], people, typed, notices)

    def resolve(self, facet: str, value: str) -> list[str]:
        """The ids a value of `facet` (speaker, mention, topic, summit) stands for, as
        `speaker:VALUE` reads it: an id; for people, any spelling of a name, Latin or
        Cyrillic; otherwise part of a label or id. [] when nothing matches. The CLI's
        --speaker, --topic and --summit read their values with this too."""
        value = " ".join(value.split())
        labels = self.labels.get("speaker" if facet == "mention" else facet, {})
        if not value:
            return []
        if value in labels:
            return [value]
        if facet in ("speaker", "mention"):
            if fold(value) in self.forms:
                return list(self.forms[fold(value)])
            by_skeleton = self._by_skeleton(value)
            if by_skeleton:
                return by_skeleton
        return [v for v, label in labels.items() if fold(value) in fold(label) or fold(value) in v]

    def _by_skeleton(self, value: str) -> list[str]:
        """A surname alone spelt by the transliteration rules ("Toqaev", "Лукашенко"). A full
        name must be a listed one: "Viktor Lukashenko" is somebody else."""
        skel = skeleton(value) if " " not in value else ""
        return list(self.skeletons.get(skel, ())) if len(skel) >= MIN_SURNAME_ALONE else []

    def _note_typed(self, ids: list[str], typed_text: str, typed: dict[str, str]) -> None:
        """Remember the spelling typed for each person it is not the display name of, so the
        page can say "Lukashenka: showing Aleksandr Lukashenko" in one banner."""
        typed_text = " ".join(typed_text.split())
        for person in ids:
            name = self.labels.get("speaker", {}).get(person, "")
            if typed_text and not set(fold(typed_text).split()) <= set(fold(name).split()):
                typed.setdefault(person, typed_text)

    def _name_spans(self, text: str, quoted) -> list[tuple[int, int, list[str]]]:
        """Listed spellings first; then any other word that spells a surname by the
        transliteration rules ("Toqaev", "Berdimuhamedow")."""
        listed = self._names.finditer(text) if self._names else ()
        spans = [(m.start(), m.end(), self.forms[fold(m.group())]) for m in listed
                 if not any(start <= m.start() < end for start, end in quoted)]
        for m in _QUERY_WORD.finditer(text):
            if any(s <= m.start() < e for s, e in quoted) or any(s <= m.start() < e for s, e, _ in spans):
                continue
            skel = skeleton(m.group())
            ids = self.skeletons.get(skel) if len(skel) >= MIN_SURNAME_ALONE else None
            if ids:
                spans.append((m.start(), m.end(), ids))
        return sorted(spans)

    def _person_group(self, ids: list[str], typed: str = "") -> str:
        terms = [f"{facet}:{person}" for person in ids for facet in ("speaker", "mention")]
        spellings = {spelling for person in ids for spelling in self.spellings.get(person, ())}
        if typed and " " not in typed and "." not in typed:
            spellings.add(fold(typed))  # the spelling typed, as written in some article
        terms += sorted(spellings)
        return "(" + " OR ".join(terms) + ")"

    def _field(self, match: re.Match, ids: list[str], people: list[str], typed: dict[str, str],
               notices: list[str]) -> str:
        facet, value = match.group("field"), match.group("quoted") or match.group("bare") or ""
        if not ids:
            notices.append(self.no_match(facet, value))
            return match.group()
        if facet in ("speaker", "mention"):
            people.extend(ids)
            if value not in ids:
                self._note_typed(ids, value, typed)
        return "(" + " OR ".join(f"{facet}:{v}" for v in ids) + ")"

    def no_match(self, facet: str, value: str) -> str:
        """What to tell a user whose `facet:value` matches nothing, with an example that works."""
        labels = self.labels.get("speaker" if facet == "mention" else facet, {})
        if facet in ("speaker", "mention"):
            person = EXAMPLE_PERSON if EXAMPLE_PERSON in labels else next(iter(labels), "")
            example = f"a name ({labels[person].split()[-1]}) or an id ({person})" if person else "a name or an id"
            who = "speaker" if facet == "speaker" else "person"
            where = "; see /speakers" if facet == "speaker" else ""
            return f"No {who} matches '{value}': {facet}: takes {example}{where}."
        if facet == "topic":
            topic = next(iter(labels), "")
            example = f" ({labels[topic]}) or its id ({topic})" if topic else " or its id"
            return f"No topic matches '{value}': topic: takes part of a topic's name{example}."
        summit = next(reversed(labels), "") if labels else ""
        example = f" (a city or a year) or its id ({summit})" if summit else " (a city or a year) or its id"
        return f"No summit matches '{value}': summit: takes part of a summit's name{example}."


def fold(text: str) -> str:
    return " ".join(text.split()).lower()


EXAMPLE_PERSON = "aleksandr-lukashenko"  # the example a notice gives, when the index knows him
# A word that may be a surname spelt some other way: letters of any script (Latin, Cyrillic),
# not a field's name or value, not a prefix.
_QUERY_WORD = re.compile(r"(?<![\w:'\"*-])[^\W\d_]{5,}(?![\w*:-])")
