"""Request arguments -> SearchRequest, with a SearchError naming any bad parameter."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from indexer.search import DEFAULT_PER_PAGE, SearchError, SearchRequest
from indexer.search.request import ALL_KINDS, with_kind_default


def search_request(args: MultiDict, quotes_first: bool = False, **fixed) -> SearchRequest:
    """`quotes_first`: the site's pages, their exports and feeds show quotes only for a text
    query that picks no kind (a journalist looks for what was said); the API takes the
    parameters as given."""
    query = args.get("q", "")
    kinds = _values(args, "kind")
    values = {
        "query": query,
        "speaker": _values(args, "speaker"),
        "topic": _values(args, "topic"),
        "summit": _values(args, "summit"),
        "kind": with_kind_default(query, kinds) if quotes_first else tuple(k for k in kinds if k != ALL_KINDS),
        "outlet": _values(args, "outlet"),
        "lang": _values(args, "lang"),
        "year": _values(args, "year"),
        "date_from": args.get("from", "").strip(),
        "date_to": args.get("to", "").strip(),
        "copies": _copies(args),
        "quotes_first": quotes_first,
        "sort": args.get("sort") or "relevance",
        # a value the caller fixes (an export's page, a feed's size) is not read, so not refused
        "page": fixed["page"] if "page" in fixed else _whole_number(args, "page", 1),
        "per_page": fixed["per_page"] if "per_page" in fixed else _whole_number(args, "per_page", DEFAULT_PER_PAGE),
    }
    values.update(fixed)
    return SearchRequest(**values)


def _copies(args: MultiDict) -> bool:
    raw = args.get("copies", "")
    if raw not in ("", "all", "grouped"):
        raise SearchError("copies", f"copies must be 'all' or 'grouped', not '{raw[:40]}'")
    return raw == "all"


def _values(args: MultiDict, name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in args.getlist(name) if v))


def _whole_number(args: MultiDict, name: str, default: int) -> int:
    raw = args.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise SearchError(name, f"{name} must be a whole number, not '{raw[:40]}'") from None
