"""A fix to Whoosh applied at import: each says what it works around and why it is safe."""

from __future__ import annotations


def remember_missing_columns() -> None:
    """Whoosh's per-document reader caches a field-length column once found but not its
    absence, so at every commit it stats the file system once per posting of each unscored
    field (ids, keywords, the spelling field): half the commit time at 10k passages. Caching
    the absence too changes no result (a segment's columns never change once written)."""
    from whoosh.codec import whoosh3

    found = whoosh3.W3PerDocReader._cached_reader
    if getattr(found, "remembers_missing", False):
        return

    def cached_reader(self, fieldname, column):
        if fieldname not in self._readers:
            self._readers[fieldname] = found(self, fieldname, column)
        return self._readers[fieldname]

    cached_reader.remembers_missing = True
    whoosh3.W3PerDocReader._cached_reader = cached_reader


remember_missing_columns()
