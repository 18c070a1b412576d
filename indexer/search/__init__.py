"""The search layer: the only package that imports Whoosh at run time.

Everything it returns is plain data (dicts, lists, strings) shaped like the JSON API, so the
CLI, the web app and the tests never touch a Whoosh object, and Whoosh could be swapped for
another engine behind this package alone. A newcomer's map:

- writing: lock.py (one writer, recovery from dead ones), writer.py (commits and swaps),
  parallel_writer.py (Whoosh's multiprocessing writer, made safe to kill), state.py;
- reading: storage.py (index files mapped, not copied), reader.py (a read handle),
  generation.py (what a generation caches, shared by the process's readers), results.py
  (search), ranking.py and scoring.py (term queries matched and scored a block at a time),
  query.py and query_names.py (what the user typed), bounds.py (limits on expensive
  searches), suggest.py (did-you-mean), facets.py, highlight.py, request.py.
"""

from .errors import IndexBusy, IndexMissing, IndexWriteError, SearchBusy, SearchError
from .lock import write_lock
from .reader import IndexReader
from .request import DEFAULT_PER_PAGE, MAX_PER_PAGE, SearchRequest, search_url
from .state import IndexedArticle, IndexState, index_exists, read_state
from .writer import apply_changes

__all__ = [
    "DEFAULT_PER_PAGE", "MAX_PER_PAGE", "IndexBusy", "IndexMissing", "IndexReader", "IndexState", "IndexWriteError",
    "IndexedArticle",
    "SearchBusy", "SearchError", "SearchRequest", "apply_changes", "index_exists", "read_state", "search_url",
    "write_lock",
]
