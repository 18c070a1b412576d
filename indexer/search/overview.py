"""The index at a glance, for the home and speakers pages: what it holds, who speaks most, the
latest summits, and who each speaker was when last heard. Built once per generation (a pass
over the date order), so the home page costs nothing per visit."""

from __future__ import annotations

from whoosh import query

from ..offices import office_on
from .reader import IndexReader, day_iso
from .request import search_url


def overview(reader: IndexReader) -> dict:
    return reader.gen.memo("overview", lambda: _overview(reader))


def _overview(reader: IndexReader) -> dict:
    def with_passages(facet: str) -> list[tuple[str, str, int]]:
        counted = [(v, label, reader.full_count(facet, v)) for v, label in reader.labels.get(facet, {}).items()]
        return sorted([c for c in counted if c[2]], key=lambda c: (-c[2], c[1].lower()))

    first, last = reader.gen.date_span(reader.searcher)
    speakers = with_passages("speaker")
    summits = sorted(with_passages("summit"), key=lambda c: c[0], reverse=True)  # ids start with the year
    outlets = with_passages("outlet")
    latest = latest_by_speaker(reader)
    return {
        "articles": sum(1 for _ in reader.searcher.docs_for_query(query.Term("doctype", "article"))),
        "passages": len(reader.passage_docs),
        "quotes": reader.full_count("kind", "quote"),
        "speakers": len(speakers),
        "summits": len(summits),
        "outlets": len(outlets),
        "first_date": day_iso(first),
        "last_date": day_iso(last),
        "top_speakers": [{"id": v, "name": label, "count": n, "url": f"/speakers/{v}",
                          "role": _role(reader, v, latest)} for v, label, n in speakers],
        "latest_summits": [{"id": v, "label": label, "count": n, "url": search_url({"summit": v})}
                           for v, label, n in summits],
        "outlets_list": [{"id": v, "label": label, "count": n, "url": search_url({"outlet": v})}
                         for v, label, n in outlets],
    }


def latest_by_speaker(reader: IndexReader) -> dict[str, dict]:
    """Each speaker's newest passage date and newest summit, in one pass over the date order
    (newest first) that stops once everyone is placed."""

    def build() -> dict[str, dict]:
        speakers, speaker_sets = reader.values_by_doc("speaker")
        summits, summit_sets = reader.values_by_doc("summit")
        days = reader.searcher.reader().column_reader("day")
        wanted = {v for v in reader.labels.get("speaker", {}) if reader.full_count("speaker", v)}
        found: dict[str, dict] = {}
        for docnum in reader.gen.date_order(reader.searcher):
            for speaker in speaker_sets[speakers[docnum]]:
                entry = found.setdefault(speaker, {"date": day_iso(days[docnum]), "summit": None})
                if entry["summit"] is None and summit_sets[summits[docnum]]:
                    entry["summit"] = summit_sets[summits[docnum]][0]
            if len(found) == len(wanted) and all(e["summit"] for e in found.values()):
                break
        return found

    return reader.gen.memo("latest_by_speaker", build)


def _role(reader: IndexReader, speaker: str, latest: dict[str, dict]) -> str | None:
    office = office_on(reader.gen.roles.get(speaker, []), latest.get(speaker, {}).get("date"))
    if office is None:
        return None
    label, country = office
    return label if not country or country in label else f"{label} ({country})"


def speakers_table(reader: IndexReader) -> list[dict]:
    """Everyone with a passage: their office when last heard, passages, last summit."""
    latest = latest_by_speaker(reader)
    rows = []
    for entry in overview(reader)["top_speakers"]:
        summit = latest.get(entry["id"], {}).get("summit")
        office = office_on(reader.gen.roles.get(entry["id"], []), latest.get(entry["id"], {}).get("date"))
        rows.append({**entry, "role": office[0] if office else None, "country": office[1] if office else None,
                     "last_date": latest.get(entry["id"], {}).get("date"),
                     "last_summit": {"label": reader.labels["summit"].get(summit, summit),
                                     "url": search_url({"speaker": entry["id"], "summit": summit})}
                     if summit else None})
    return rows
