"""The Whoosh schema: one index holds passages, one record per article, and one meta record.

Article records live in the same index as their passages so that adding, replacing or
removing an article is a single commit: a reader sees all of it or none of it.

`make_schema()` builds a fresh schema (and fresh analyzers) on every call: Whoosh's own stemming
analyzer was corrupted by concurrent use, and a pystemmer Stemmer must not be shared between
threads either (analysis.py keeps one per thread), so nothing holds one globally.
"""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import bilingual_analyzer

# Bump when the schema or the stored layout changes: older indexes are then rebuilt.
SCHEMA_VERSION = "5"
# in the order the page shows them: what kind of passage first (quotes first), time last
FACET_FIELDS = ("kind", "speaker", "topic", "summit", "outlet", "lang", "year")
KIND_LABELS = {"quote": "Quotes", "narration": "Narration", "heading": "Headings", "caption": "Photo captions"}
META_ID = "__meta__"


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        doctype=ID(stored=True),  # passage | article | meta
        article_id=ID(stored=True, sortable=True),
        # sorted and shown, never range-queried: one term a document instead of eight
        position=NUMERIC(int, stored=True, sortable=True, shift_step=0),
        kind=ID(stored=True),  # quote | narration | heading | caption
        # chars=True stores character offsets, so hits are highlighted without re-analysis
        # English and Russian words, each stemmed by its script (analysis.py)
        text=TEXT(analyzer=bilingual_analyzer(), stored=True, phrase=True, chars=True, spelling=True),
        # shown with every hit but not searched (headings are passages of their own): an indexed
        # text field per passage costs a posting, a length and a file check per word at commit
        section=STORED,
        title=STORED,
        speaker=KEYWORD(stored=True, commas=True),
        mention=KEYWORD(stored=True, commas=True),
        topic=KEYWORD(stored=True, commas=True),
        summit=ID(stored=True),
        outlet=ID(stored=True),  # who published the article (indexer/outlets.py)
        lang=ID(stored=True),  # the article's language, en | ru (indexer/language.py)
        year=ID(),  # the year facet: one term a passage, so a year is a bitmask like any value
        quote_id=ID(stored=True, sortable=True),  # one id for every outlet's copy of a quote (indexer/quotes.py)
        quote_band=KEYWORD(commas=True),  # the passage's LSH band tokens: what a later copy is matched by
        date=DATETIME(),  # for date:[2023 to 2024] queries
        day=NUMERIC(int, stored=True, sortable=True, shift_step=0),  # yyyymmdd, 0 when unknown: sorts last
        start=STORED,
        end=STORED,
        record=STORED,  # article and meta records: a dict of everything else worth keeping
    )
