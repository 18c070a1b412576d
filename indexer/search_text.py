"""The terminal's rendering of a search answer (`summit-search search` without --json)."""

from __future__ import annotations

import html
import textwrap

import click

from .wording import plural


def search_text(result: dict) -> str:
    """What `summit-search search` prints: the notices, the total, each hit with its speakers,
    outlet, date and summit and its matches in bold, then the top facet values."""
    lines = []
    if result["notice"]:
        lines.append(result["notice"])
    if result["corrected"]:
        lines.append(f"Did you mean: {result['corrected']}?")
    grouped = result["passages"] - result["total"]
    copies = f"; {plural(grouped, 'copy', 'copies')} from other outlets grouped (--copies shows them)" \
        if grouped else ""
    lines.append(f"{plural(result['total'], 'passage')} (page {result['page']} of {result['pages']}){copies}")
    for hit in result["hits"]:
        speakers = ", ".join(s["name"] for s in hit["speakers"]) or "(narration)"
        where = " · ".join(x for x in (hit["outlet"] and hit["outlet"]["label"], hit["date"],
                                       hit["summit"] and hit["summit"]["label"]) if x)
        lines.append("")
        lines.append(click.style(f"{speakers}", bold=True) + f"  {where}  [{hit['id']}]")
        lines.extend(terminal_highlight(hit["highlight"]))
        if hit["also_reported_by"]:
            lines.append("  also reported by " + ", ".join(c["outlet"] or "?" for c in hit["also_reported_by"]))
    facets = result["facets"]
    for name in ("kind", "speaker", "topic", "summit", "outlet", "lang", "year"):
        if facets[name]:
            values = ", ".join(f"{v['label']} ({v['count']})" for v in facets[name][:8])
            lines.append(f"\n{name}: {values}")
    return "\n".join(lines)


MARK_START, MARK_END = "\ue000", "\ue001"  # private-use sentinels: survive wrapping


def terminal_highlight(marked: str) -> list[str]:
    """Wrapped lines with matches in bold underline (click drops the styling off a TTY)."""
    plain = html.unescape(marked.replace("<mark>", MARK_START).replace("</mark>", MARK_END))
    lines = textwrap.wrap(plain, width=100, initial_indent="  ", subsequent_indent="  ")
    start = click.style("", bold=True, underline=True, reset=False)
    return [line.replace(MARK_START, start).replace(MARK_END, "\x1b[0m") for line in lines]
