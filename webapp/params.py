"""Request arguments -> SearchRequest, with a SearchError naming any bad parameter."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from indexer.search import DEFAULT_PER_PAGE, SearchError, SearchRequest


def search_request(args: MultiDict, **fixed) -> SearchRequest:
    values = {
        "query": args.get("q", ""),
        "speaker": _values(args, "speaker"),
        "topic": _values(args, "topic"),
        "summit": _values(args, "summit"),
        "sort": args.get("sort") or "relevance",
        "page": _whole_number(args, "page", 1),
        "per_page": _whole_number(args, "per_page", DEFAULT_PER_PAGE),
    }
    values.update(fixed)
    return SearchRequest(**values)


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
