"""Marking the query's words in a shown passage: `<mark>` around matches, everything else
escaped.

The shown passages are analysed again (ten short texts: a millisecond or two) and every word
whose indexed form is one of the query's words is marked. Asking Whoosh which words matched
each passage instead means matching the query again, restricted to the page: cheap for one
word, but 0.4 s for a prefix that stands for 100 words, since every one of them is looked up
in every passage."""

from __future__ import annotations

import html

from whoosh import highlight


def query_words(q) -> frozenset[str]:
    """The words a query looks for in the text (the indexed forms: stemmed)."""
    if q is None:
        return frozenset()
    return frozenset(text for field, text in q.iter_all_terms() if field == "text" and isinstance(text, str))


def marked(text: str, words: frozenset[str], analyzer) -> str:
    """`text` escaped, with `<mark>` around each word of `words`."""
    if words:
        found = highlight.highlight(text, words, analyzer, WholeText(), MarkFormatter(), top=1, minscore=0)
        if found:
            return found
    return html.escape(text, quote=False)


class WholeText(highlight.Fragmenter):
    """The whole passage as one fragment."""

    charlimit = None

    def must_retokenize(self) -> bool:
        return False

    def fragment_matches(self, text, tokens):
        return [highlight.Fragment(text, tokens, 0, len(text))]

    def fragment_tokens(self, text, all_tokens):
        # the analyzer reuses one token object: keep copies
        return [highlight.Fragment(text, [t.copy() for t in all_tokens if t.matched], 0, len(text))]


class MarkFormatter(highlight.Formatter):
    """`<mark>` around matches, everything else HTML-escaped: the only trusted markup."""

    between = ""

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text, token, replace=False):
        return f"<mark>{html.escape(highlight.get_text(text, token, replace), quote=False)}</mark>"
