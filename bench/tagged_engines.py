"""Raw Whoosh and tantivy holding ours' tags, for the query classes (query_classes.py).

A facet filter, a date range or facet counts only mean the same thing in each engine if each
holds the same passages with the same speakers, topics, summits and dates. Tagging is ours
alone, so these indexes are built from ours' stored passages (after ours is built), one
passage at a time; their build time includes reading ours' index and is reported apart from
the plain raw builds, which index the corpus lines as before.
"""

from __future__ import annotations

from pathlib import Path

from .engines import OursSearcher


def tagged_passages(ours_index: Path):
    """Every passage ours indexed, as its stored fields (id, text, speaker, topic, summit,
    day), read one at a time: the same passages with the same tags, and no tagging."""
    from whoosh import index

    ix = index.open_dir(str(ours_index))
    with ix.reader() as reader:
        for _, fields in reader.iter_docs():
            if fields.get("doctype", "passage") == "passage" and "text" in fields:
                yield fields


def _date_of(day: int | None):
    import datetime as dt

    return dt.datetime(day // 10000, day // 100 % 100, day % 100) if day else None


def build_raw_whoosh_tagged(ours_index: Path, index_dir: Path) -> int:
    """Plain Whoosh as a newcomer would set it up for this data: Whoosh's defaults (compound
    segments, one writer, no column or vector options), Whoosh's own StemmingAnalyzer (ours
    stems with pystemmer in C since schema 5: a newcomer would not)."""
    from whoosh import index
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

    schema = Schema(id=ID(stored=True, unique=True), text=TEXT(analyzer=StemmingAnalyzer(), stored=True),
                    speaker=KEYWORD(stored=True, commas=True), topic=KEYWORD(stored=True, commas=True),
                    summit=ID(stored=True), date=DATETIME(), day=NUMERIC(int, stored=True))
    index_dir.mkdir(parents=True, exist_ok=True)
    writer = index.create_in(str(index_dir), schema).writer()
    count = 0
    for fields in tagged_passages(ours_index):
        doc = {"id": fields["id"], "text": fields["text"], "speaker": fields.get("speaker") or "",
               "topic": fields.get("topic") or ""}
        if fields.get("summit"):
            doc["summit"] = fields["summit"]
        if fields.get("day"):
            doc["day"], doc["date"] = fields["day"], _date_of(fields["day"])
        writer.add_document(**doc)
        count += 1
    writer.commit()
    return count


def build_tantivy_tagged(ours_index: Path, index_dir: Path) -> int:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=True, tokenizer_name="en_stem")
    for facet in ("speaker", "topic", "summit"):
        builder.add_text_field(facet, stored=True, tokenizer_name="raw")
    builder.add_integer_field("day", stored=True, indexed=True, fast=True)
    index_dir.mkdir(parents=True, exist_ok=True)
    ix = tantivy.Index(builder.build(), path=str(index_dir))
    writer = ix.writer()
    count = 0
    for fields in tagged_passages(ours_index):
        doc = tantivy.Document(id=fields["id"], text=fields["text"], day=fields.get("day") or 0)
        for facet in ("speaker", "topic", "summit"):
            for value in filter(None, (fields.get(facet) or "").split(",")):
                doc.add_text(facet, value)
        writer.add_document(doc)
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    return count


TAGGED_BUILDERS = {"raw_whoosh": build_raw_whoosh_tagged, "tantivy": build_tantivy_tagged}


class RawWhooshTaggedSearcher:
    """Plain Whoosh doing what ours does for a page: match, rank the first page × 10, count
    speaker, topic and summit (Whoosh's own grouping: `allow_overlap` for the comma-separated
    fields), highlight the shown 10, and try a correction when nothing matched. No caches
    beyond Whoosh's own.

    Without vectors or columns (not Whoosh's defaults), `allow_overlap` grouping lists every
    document's values on each search, whatever matched: with `facets=False` the same search
    skips the counts, to show what matching, ranking and highlighting alone cost."""

    def __init__(self, index_dir: Path, facets: bool = True):
        from whoosh import index, qparser, query, sorting

        self._query, self._sorting = query, sorting
        self.ix = index.open_dir(str(index_dir))
        self.searcher = self.ix.searcher()
        self.parser = qparser.QueryParser("text", self.ix.schema)
        self.facets = None
        if facets:
            self.facets = sorting.Facets()
            self.facets.add_field("speaker", allow_overlap=True)
            self.facets.add_field("topic", allow_overlap=True)
            self.facets.add_field("summit")

    def run(self, query: dict, count: bool = True) -> int | None:
        """The total when `count` (outside the timing: Whoosh may have to match again to
        count what its ranking skipped)."""
        q = self._query
        parts = [q.Term("speaker", s) for s in query.get("speaker", ())]
        if query["q"]:
            parts.insert(0, self.parser.parse(query["q"]))
        parsed = q.And(parts) if len(parts) > 1 else parts[0] if parts else q.Every()
        page = query.get("page", 1)
        results = self.searcher.search(parsed, limit=page * 10, groupedby=self.facets, maptype=self._sorting.Count)
        for name in ("speaker", "topic", "summit") if self.facets else ():
            results.groups(name)
        for hit in results[(page - 1) * 10:page * 10]:
            hit.highlights("text")
        if query["q"] and results.is_empty():
            self.searcher.correct_query(parsed, query["q"])
        return len(results) if count else None

    def close(self) -> None:
        self.searcher.close()


class TantivyTaggedSearcher:
    """tantivy on the same strings, 10 hits with snippets, no facet counts. Where its query
    language differs, the class gives tantivy's spelling of the same query (AND by default,
    a regex for a prefix, the day field for a date range)."""

    def __init__(self, index_dir: Path):
        import tantivy

        self.tantivy = tantivy
        self.ix = tantivy.Index.open(str(index_dir))
        self.ix.reload()
        self.searcher = self.ix.searcher()
        self.schema = self.ix.schema

    def run(self, query: dict, count: bool = True) -> int:
        tv = self.tantivy
        if query.get("tantivy_regex"):
            parsed = tv.Query.regex_query(self.schema, "text", query["tantivy_regex"])
        elif query["q"]:
            parsed = self.ix.parse_query(query.get("tantivy", query["q"]), ["text"], conjunction_by_default=True)
        elif query.get("speaker"):
            parsed = tv.Query.term_query(self.schema, "speaker", query["speaker"][0])
        else:
            parsed = tv.Query.all_query()
        result = self.searcher.search(parsed, 10, count=True, offset=(query.get("page", 1) - 1) * 10)
        snippets = tv.SnippetGenerator.create(self.searcher, parsed, self.schema, "text")
        for _, address in result.hits:
            snippets.snippet_from_doc(self.searcher.doc(address)).to_html()
        return result.count

    def close(self) -> None:
        pass


CLASS_SEARCHERS = {"ours": OursSearcher, "raw_whoosh": RawWhooshTaggedSearcher,
                   "raw_whoosh_nofacets": lambda path: RawWhooshTaggedSearcher(path, facets=False),
                   "tantivy": TantivyTaggedSearcher}
