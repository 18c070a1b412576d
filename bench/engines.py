"""The three engines the benchmark compares, behind one small interface each: build an index
from a corpus folder, and answer a query string with 10 highlighted hits.

- ours: summit-search's indexer (tagging included) and search layer (facets, highlights).
- raw Whoosh: the same passages, a plain schema, default settings, one writer, no tagging;
  search and highlight 10 hits with Whoosh's defaults.
- tantivy (when installed): the same passages; the far reference.

The query classes need raw engines holding ours' tags: see tagged_engines.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from indexer.corpus import list_article_files  # the corpus reader only: raw Whoosh stays unpatched

HEADER_LINE = re.compile(r"^[a-z]+:\s")


def passages_of(corpus_dir: Path):
    """(article id, position, text) for every non-blank line that is not header metadata:
    what a plain indexer without tagging would index."""
    for path in list_article_files(corpus_dir):
        lines = path.read_text(encoding="utf-8").split("\n")
        in_header = True
        position = 0
        for line in lines:
            text = line.strip()
            if in_header and HEADER_LINE.match(text):
                continue
            in_header = False
            if text:
                yield path.stem, position, text
                position += 1


# --- building ------------------------------------------------------------------------------


def build_ours(corpus_dir: Path, index_dir: Path) -> int:
    from indexer.build import build_index

    return build_index(corpus_dir, index_dir, parallel=True).passages  # as `summit-search index` does


def build_raw_whoosh(corpus_dir: Path, index_dir: Path) -> int:
    from whoosh import index
    from whoosh.fields import ID, TEXT, Schema

    index_dir.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(str(index_dir), Schema(id=ID(stored=True, unique=True), text=TEXT(stored=True)))
    writer = ix.writer()
    count = 0
    for article, position, text in passages_of(corpus_dir):
        writer.add_document(id=f"{article}-{position}", text=text)
        count += 1
    writer.commit()
    return count


def build_tantivy(corpus_dir: Path, index_dir: Path) -> int:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=True)
    index_dir.mkdir(parents=True, exist_ok=True)
    ix = tantivy.Index(builder.build(), path=str(index_dir))
    writer = ix.writer()
    count = 0
    for article, position, text in passages_of(corpus_dir):
        writer.add_document(tantivy.Document(id=f"{article}-{position}", text=text))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    return count


BUILDERS = {"ours": build_ours, "raw_whoosh": build_raw_whoosh, "tantivy": build_tantivy}


# --- searching -----------------------------------------------------------------------------


class OursSearcher:
    """Each search is timed uncached: the search layer remembers whole answers per index
    generation, so a repeated query would time a dictionary lookup. What a running server
    keeps for every query (facet document sets, the date order, the vocabulary) stays."""

    def __init__(self, index_dir: Path):
        from indexer.search import IndexReader

        self.reader = IndexReader(index_dir)
        self.partial = False  # whether the last class query stopped at the search time budget

    def _uncached(self) -> None:
        forget = getattr(getattr(self.reader, "gen", None), "forget_answers", None)
        if forget:
            forget()

    def search(self, query: dict) -> int:
        from indexer.search import SearchRequest

        request = SearchRequest(query["q"], tuple(query.get("speaker", ())), tuple(query.get("topic", ())),
                                tuple(query.get("summit", ())), copies=True)
        self._uncached()
        result = self.reader.search(request)
        return len(result["hits"])

    def run(self, query: dict, count: bool = True) -> int:
        """One query of a class (query_classes.py): facets, highlights, a page of 10; the total."""
        from indexer.search import SearchRequest

        # every copy, as raw Whoosh and tantivy count them (grouping copies is timed by the site)
        request = SearchRequest(query["q"], tuple(query.get("speaker", ())), page=query.get("page", 1), copies=True)
        self._uncached()
        result = self.reader.search(request)
        self.partial = bool(result.get("partial"))
        return result["total"]

    def close(self) -> None:
        self.reader.close()


class RawWhooshSearcher:
    def __init__(self, index_dir: Path):
        from whoosh import index, qparser, query

        self._query = query
        self.ix = index.open_dir(str(index_dir))
        self.searcher = self.ix.searcher()
        self.parser = qparser.QueryParser("text", self.ix.schema)

    def search(self, query: dict) -> int:
        parsed = self.parser.parse(query["q"]) if query["q"] else self._query.Every()
        results = self.searcher.search(parsed, limit=10)
        return len([hit.highlights("text") for hit in results])

    def close(self) -> None:
        self.searcher.close()


class TantivySearcher:
    def __init__(self, index_dir: Path):
        import tantivy

        self.tantivy = tantivy
        self.ix = tantivy.Index.open(str(index_dir))
        self.ix.reload()
        self.searcher = self.ix.searcher()
        self.schema = self.ix.schema

    def search(self, query: dict) -> int:
        parsed = self.ix.parse_query(query["q"], ["text"]) if query["q"] else self.tantivy.Query.all_query()
        hits = self.searcher.search(parsed, 10).hits
        snippets = self.tantivy.SnippetGenerator.create(self.searcher, parsed, self.schema, "text")
        return len([snippets.snippet_from_doc(self.searcher.doc(address)).to_html() for _, address in hits])

    def close(self) -> None:
        pass


SEARCHERS = {"ours": OursSearcher, "raw_whoosh": RawWhooshSearcher, "tantivy": TantivySearcher}
