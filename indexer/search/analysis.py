"""The analyzer of the `text` field: one chain for English and Russian passages and queries.

Articles come in both languages and a query is typed in either, so every token is stemmed by its
own script instead of by the article's language: a Cyrillic word by Snowball Russian, any other
by Snowball English (porter2). The query is analysed the same way, so `авантюры` finds
`авантюр` and `sanction` finds "sanctions" whatever else the passage or the query holds.

The stemmers are pystemmer's (Snowball compiled to C): several times faster than Whoosh's
pure-Python Porter, which is what the field used before (schema 4).

Whoosh pickles the schema, analyzers and all, into the index's TOC, and every reader of the
index unpickles its own copy; `make_schema()` builds a fresh one per call. So the stemming
filter pickles only its settings, creates its C stemmers lazily, and keeps one set per thread:
a pystemmer Stemmer (and its internal cache) must not be used by two threads at once.
"""

from __future__ import annotations

import re
import threading

import Stemmer
from whoosh.analysis import Filter, RegexTokenizer, StopFilter
from whoosh.analysis.filters import STOP_WORDS
from whoosh.analysis.tokenizers import default_pattern

from .russian_words import NOUNS_ENDING_IN_IT, RUSSIAN_STOP_WORDS

# Cyrillic and its supplement (Kazakh, Tajik, Kyrgyz letters): such a token is Russian to the stemmer
_CYRILLIC = re.compile("[\u0400-\u052f]")
# each filter remembers this many stems before starting afresh (a dict is cheaper than calling C)
CACHE_SIZE = 50_000


class FoldFilter(Filter):
    """Lower-cases, and spells `ё` as `е`: Russian copy prints `ё` only now and then (`ёлка`,
    `елка`; `Мирзиёев`, `Мирзиеев`), and users rarely type it."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = t.text.lower().replace("ё", "е")
            yield t


class ScriptStemFilter(Filter):
    """Stems each token by its script: Snowball Russian for a Cyrillic word, Snowball English
    otherwise. Morphological (`is_morph`), so the unstemmed spelling field skips it."""

    is_morph = True

    def __init__(self, cachesize: int = CACHE_SIZE):
        self.cachesize = cachesize
        self._setup()

    def _setup(self) -> None:
        self._local = threading.local()
        self._cache: dict[str, str] = {}

    def __getstate__(self):
        return {"cachesize": self.cachesize}

    def __setstate__(self, state):
        self.cachesize = state.get("cachesize", CACHE_SIZE)
        self._setup()

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__ and self.cachesize == other.cachesize

    __hash__ = None

    def _stemmers(self) -> tuple[Stemmer.Stemmer, Stemmer.Stemmer]:
        local = self._local
        try:
            return local.stemmers
        except AttributeError:
            local.stemmers = (Stemmer.Stemmer("russian"), Stemmer.Stemmer("english"))
            return local.stemmers

    def stem(self, word: str) -> str:
        """One lower-cased word's stem, by its script."""
        cache = self._cache
        found = cache.get(word)
        if found is None:
            russian, english = self._stemmers()
            if _CYRILLIC.search(word):
                found = russian.stemWord(word)
                if found + "ит" in NOUNS_ENDING_IN_IT and word.startswith(found + "ит"):
                    found += "ит"  # `саммит`, `саммите`: a noun's -ит, not a verb ending
            else:
                found = english.stemWord(word)
            if len(cache) >= self.cachesize:
                cache.clear()  # threads sharing it lose their cache for a moment, nothing else
            cache[word] = found
        return found

    def __call__(self, tokens):
        cache, stem = self._cache, self.stem
        for t in tokens:
            if not t.stopped:
                text = t.text
                found = cache.get(text)
                t.text = found if found is not None else stem(text)
            yield t


def bilingual_analyzer():
    """Words (Unicode letters and digits, as Whoosh's default tokenizer takes them), folded,
    English and Russian stop words dropped (positions closed up, as before), each word stemmed
    by its script. Keeps positions and character offsets, so phrases and highlighting work."""
    return (RegexTokenizer(default_pattern) | FoldFilter()
            | StopFilter(stoplist=STOP_WORDS | RUSSIAN_STOP_WORDS, minsize=2)
            | ScriptStemFilter())
