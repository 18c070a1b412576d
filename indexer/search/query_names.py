"""People's names in a query: every known spelling (and, by transliteration skeleton, spellings
no list has) turned into the speaker, mention and spelling terms the index holds."""

from __future__ import annotations

import re

from ..name_patterns import MIN_SURNAME_ALONE
from ..spelling import skeleton

_FIELD_VALUE = re.compile(
    r'(?<![\w-])(?P<field>speaker|mention|topic|summit):(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s()"]+))')


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
        people: list[str] = []
        text = _FIELD_VALUE.sub(lambda m: self._field(m, people), text)
        if not self._names:
            return text, people
        quoted = [m.span() for m in re.finditer(r'"[^"]*"', text)]
        pieces, last = [], 0
        for start, end, ids in self._name_spans(text, quoted):
            people.extend(ids)
            pieces += [text[last:start], self._person_group(ids, text[start:end])]
            last = end
        return "".join(pieces) + text[last:], people

    def _name_spans(self, text: str, quoted) -> list[tuple[int, int, list[str]]]:
        """Listed spellings first; then any other word that spells a surname by the
        transliteration rules ("Toqaev", "Berdimuhamedow")."""
        spans = [(m.start(), m.end(), self.forms[fold(m.group())]) for m in self._names.finditer(text)
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

    def _field(self, match: re.Match, people: list[str]) -> str:
        facet, value = match.group("field"), match.group("quoted") or match.group("bare") or ""
        labels = self.labels.get("speaker" if facet == "mention" else facet, {})
        if value in labels:
            ids = [value]
        elif facet in ("speaker", "mention") and fold(value) in self.forms:
            ids = self.forms[fold(value)]
        else:
            ids = [v for v, label in labels.items() if fold(value) in fold(label) or fold(value) in v]
        if not ids:
            return match.group()
        if facet in ("speaker", "mention"):
            people.extend(ids)
        return "(" + " OR ".join(f"{facet}:{v}" for v in ids) + ")"


def fold(text: str) -> str:
    return " ".join(text.split()).lower()


_QUERY_WORD = re.compile(r"(?<![\w:'\"*-])[^\W\d_]{5,}(?![\w*:-])")
