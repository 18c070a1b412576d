"""Marking the query's words in a shown passage: `<mark>` around matches, everything else
escaped, from stored character offsets so nothing is analysed twice."""

from __future__ import annotations

import html

from whoosh import highlight


def decorate(results):
    """Whole passages, marked: applied to the results of a search of the shown page."""
    results.fragmenter = WholeText()
    results.formatter = MarkFormatter()
    return results


class WholeText(highlight.Fragmenter):
    """The whole passage as one fragment, from stored character offsets (no re-analysis)."""

    charlimit = None

    def must_retokenize(self) -> bool:
        return False

    def fragment_matches(self, text, tokens):
        return [highlight.Fragment(text, tokens, 0, len(text))]

    def fragment_tokens(self, text, all_tokens):
        return [highlight.Fragment(text, [t for t in all_tokens if t.matched], 0, len(text))]


class MarkFormatter(highlight.Formatter):
    """`<mark>` around matches, everything else HTML-escaped: the only trusted markup."""

    between = ""

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text, token, replace=False):
        return f"<mark>{html.escape(highlight.get_text(text, token, replace), quote=False)}</mark>"
