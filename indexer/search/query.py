"""Turning what the user typed into a Whoosh query, never an error: malformed syntax falls
back to its plain words, and the user is told so; so is a field value that matches nothing
(`speaker:nobody`, `kind:xyz`, `date:abc`, `date:[2025 to 2023]`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import qparser, query

from .query_fields import check_fields
from .query_names import QueryNames, ReadNames

MAX_QUERY_CHARS = 500
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    query: query.Query | None  # None: no query, browse everything
    notice: str | None = None  # said to the user when the query was not taken as typed
    people: list[str] = field(default_factory=list)  # person ids named in the query
    # person id -> the spelling typed, where it is not the person's display name ("Lukashenka")
    typed: dict[str, str] = field(default_factory=dict)


def parse_query(schema, text: str, names: QueryNames | None = None) -> ParsedQuery:
    """Parse user syntax, falling back to plain words (and saying so) when it is malformed.

    Whoosh rarely raises on junk; it silently returns nothing or everything instead, so the
    checks here are explicit: unbalanced quotes or brackets, a bare wildcard, operators with
    no words, and over-long input (parse time grows quadratically with length). A word that
    starts with a wildcard, wherever it stands (`*a*`, `(*a*)`, `text:?b`), would be matched
    against every word in the index, so it is read as plain words too."""
    text = text.strip()
    cut = ""
    if len(text) > MAX_QUERY_CHARS:
        text, cut = text[:MAX_QUERY_CHARS], f"Your query was cut to its first {MAX_QUERY_CHARS} characters."
    if not text:
        return ParsedQuery(text, None, cut or None)
    parser = qparser.QueryParser("text", schema)
    parsed, read = None, ReadNames(text)
    if _well_formed(text):
        checked = check_fields(text, schema["date"])
        read = names.read(checked.text) if names else ReadNames(checked.text)
        said = _join(cut, *checked.notices, *read.notices) or None
        if not checked.text.strip():  # nothing left once an unreadable date was left out
            return ParsedQuery(text, None, _join(said, "Every passage is shown."))
        try:
            parsed = parser.parse(read.text)
        except Exception:  # plugins raise assorted errors on junk; all mean "malformed"
            parsed = None
        if parsed is not None and parsed is not query.NullQuery and not _matches_everything(parsed) \
                and not _leading_wildcard(parsed):
            return ParsedQuery(text, parsed, said, read.people, read.typed)
    words = _WORD.findall(text)
    terms = [t for w in words for t in schema["text"].process_text(w, mode="query")]
    if not terms:
        return ParsedQuery(text, None, _join(cut, "Your query has no searchable words, so every passage is shown."))
    plain = query.And([query.Term("text", t) for t in dict.fromkeys(terms)])
    fallback = f"Your query could not be read as search syntax; searched for the words: {' '.join(words)}"
    return ParsedQuery(text, plain, _join(cut, fallback))


def _join(*notices: str) -> str:
    return " ".join(n for n in notices if n)


def _well_formed(text: str) -> bool:
    if text.count('"') % 2:
        return False
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    if depth:
        return False
    return not any(word.startswith(("*", "?")) for word in text.split())


def _matches_everything(parsed: query.Query) -> bool:
    return isinstance(parsed, query.Every) or any(isinstance(q, query.Every) for q in parsed.leaves())


def _leading_wildcard(parsed: query.Query) -> bool:
    return any(isinstance(q, query.Wildcard | query.Prefix) and (not q.text or q.text[0] in "*?")
               for q in parsed.leaves())
