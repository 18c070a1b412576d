"""Marking the query's words in a shown passage: `<mark>` around matches, everything else
escaped.

The shown passages are analysed again (ten short texts: a millisecond or two) and every word
whose indexed form is one of the query's words is marked. Asking Whoosh which words matched
each passage instead means matching the query again, restricted to the page: cheap for one
word, but 0.4 s for a prefix that stands for 100 words, since every one of them is looked up
in every passage.

A phrase's words are marked only where they stand as the phrase: `"world order"` marks "world
order" but not a lone "world" two sentences on. The passage is analysed as the index analysed
it (stop words dropped and the positions closed up), so `"order of the world"` marks "order
... world" where the index holds them side by side, as the phrase query matched them."""

from __future__ import annotations

import html
from dataclasses import dataclass

from whoosh import query


@dataclass(frozen=True)
class QueryWords:
    """What a query looks for in the text, in indexed (stemmed) forms: `words` are marked
    wherever they occur; each phrase (its words, and its slop: how far apart they may stand)
    only where its words occur in order within the slop."""

    words: frozenset[str] = frozenset()
    phrases: tuple[tuple[tuple[str, ...], int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)


def query_words(q) -> QueryWords:
    """The words and phrases a query looks for in the `text` field. Words a passage must not
    hold (under a NOT) are left out: they are never in a shown passage anyway."""
    words: set[str] = set()
    phrases: dict[tuple[tuple[str, ...], int], None] = {}

    def walk(node) -> None:
        if isinstance(node, query.Not):
            return
        if isinstance(node, query.Phrase):
            if node.fieldname == "text" and node.words:
                phrases[(tuple(node.words), max(1, node.slop))] = None
            return
        if isinstance(node, query.Term):
            if node.fieldname == "text" and isinstance(node.text, str):
                words.add(node.text)
            return
        children = list(node.children())
        if children:
            for child in children:
                walk(child)
        else:  # prefixes, wildcards, fuzzy terms as expanded: whatever terms they name
            words.update(text for field, text in node.iter_all_terms()
                         if field == "text" and isinstance(text, str))

    if q is not None:
        walk(q)
    return QueryWords(frozenset(words), tuple(phrases))


def marked(text: str, words: QueryWords | frozenset[str], analyzer) -> str:
    """`text` escaped, with `<mark>` around each of `words`' words and each occurrence of
    its phrases. (A plain set of words is taken as words to mark anywhere.)"""
    if not isinstance(words, QueryWords):
        words = QueryWords(frozenset(words))
    if not words:
        return html.escape(text, quote=False)
    # the analyzer reuses one token object: keep what is needed of each
    tokens = [(t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True, mode="index")]
    chosen = {i for i, (word, _, _) in enumerate(tokens) if word in words.words}
    for phrase, slop in words.phrases:
        chosen.update(_phrase_tokens(tokens, phrase, slop))
    if not chosen:
        return html.escape(text, quote=False)
    pieces, last = [], 0
    for i in sorted(chosen):
        _, start, end = tokens[i]
        if start < last:
            continue
        pieces += [html.escape(text[last:start], quote=False),
                   f"<mark>{html.escape(text[start:end], quote=False)}</mark>"]
        last = end
    pieces.append(html.escape(text[last:], quote=False))
    return "".join(pieces)


def _phrase_tokens(tokens: list[tuple[str, int, int]], phrase: tuple[str, ...], slop: int) -> set[int]:
    """Indexes of the tokens that make up each occurrence of `phrase`: its words in order, each
    at most `slop` positions after the one before (1: side by side)."""
    found: set[int] = set()
    for first, (word, _, _) in enumerate(tokens):
        if word != phrase[0]:
            continue
        run, at = [first], first
        for wanted in phrase[1:]:
            at = next((k for k in range(at + 1, min(at + slop, len(tokens) - 1) + 1) if tokens[k][0] == wanted), None)
            if at is None:
                break
            run.append(at)
        else:
            found.update(run)
    return found
