"""How a tagged article is shown to a person checking it: the `inspect` JSON and table."""

from __future__ import annotations

import textwrap

from .language import LANGUAGES
from .reference import ReferenceData
from .tagging import Passage, TaggedArticle

PREVIEW_CHARS = 110


def article_json(article: TaggedArticle, reference: ReferenceData) -> dict:
    summit = article.summit
    return {
        "file": article.file,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "outlet": {"id": article.outlet, "label": article.outlet_label} if article.outlet else None,
        "lang": article.language,
        "summit": {"id": summit.id, "label": summit.label} if summit else None,
        "summit_evidence": list(article.summit_evidence),
        "passages": [_passage_json(p, reference) for p in article.passages],
        "problems": list(article.problems),
    }


def _why(evidence: tuple[str, ...]) -> list[str]:
    """The evidence behind the summit (or its absence), one item a line under `Summit:`."""
    return [f"{'Why:' if i == 0 else '':<10}{item}" for i, item in enumerate(evidence)]


def _passage_json(passage: Passage, reference: ReferenceData) -> dict:
    return {
        "id": passage.id,
        "position": passage.position,
        "kind": passage.kind,
        "section": passage.section,
        "text": passage.text,
        "start": passage.start,
        "end": passage.end,
        "speakers": [{"id": s, "name": reference.speaker_name(s), "sieve": sieve}
                     for s, sieve in zip(passage.speakers, passage.credited_by, strict=True)],
        "mentions": [{"id": m, "name": reference.speaker_name(m)} for m in passage.mentions],
        "topics": [{"id": t, "label": reference.topics[t].label} for t in passage.topics],
    }


def article_table(article: TaggedArticle, reference: ReferenceData, full: bool = False,
                  indexed: str | None = None) -> str:
    summit = f"{article.summit.label} ({article.summit.id})" if article.summit else "none found"
    body = sum(1 for p in article.passages if p.is_body)
    outlet = f"{article.outlet_label} ({article.outlet})" if article.outlet else "unknown"
    lines = [
        f"File:     {article.file}",
        f"Title:    {article.title}",
        f"Date:     {article.date.isoformat() if article.date else 'unknown'}",
        f"Source:   {article.source or 'unknown'}",
        f"Outlet:   {outlet}",
        f"Language: {LANGUAGES.get(article.language, article.language)} ({article.language})",
        f"Summit:   {summit}",
        *_why(article.summit_evidence),
        f"Passages: {len(article.passages)} ({body} body)",
        *([f"Index:    {indexed}"] if indexed else []),
        "",
        f"{'#':>3}  {'kind':<9}  {'speakers':<30}  text",
    ]
    for passage in article.passages:
        speakers = ", ".join(reference.speaker_name(s) for s in passage.speakers) or "-"
        text = " ".join(passage.text.split())
        if not full and len(text) > PREVIEW_CHARS:
            text = text[: PREVIEW_CHARS - 1] + "…"
        wrapped = textwrap.wrap(text, 100) if full else [text]
        lines.append(f"{passage.position:>3}  {passage.kind:<9}  {speakers:<30}  {wrapped[0]}")
        lines.extend(f"{'':>47}{more}" for more in wrapped[1:])
        tags = []
        if passage.topics:
            tags.append("topics: " + ", ".join(reference.topics[t].label for t in passage.topics))
        if passage.mentions:
            tags.append("mentions: " + ", ".join(reference.speaker_name(m) for m in passage.mentions))
        if tags:
            lines.append(f"{'':>47}{'; '.join(tags)}")
    lines.append("")
    if article.problems:
        lines.append("Problems:")
        lines.extend(f"  - {problem}" for problem in article.problems)
    else:
        lines.append("Problems: none")
    return "\n".join(lines)
