"""The benchmark's figures as ratios, budget verdicts and a markdown table (split from run.py)."""

from __future__ import annotations

from . import query_classes

BUDGET = {"search_p95_ms": 100.0, "highlight_share": 1 / 3, "incremental_add_s": 1.0, "http_rps": 100.0}


def ratios(result: dict) -> dict:
    ours, raw = result["engines"]["ours"], result["engines"]["raw_whoosh"]
    out = {
        "build_passages_per_s": ours["build"]["passages_per_s"] / raw["build"]["passages_per_s"],
        "build_peak_rss": ours["build"]["peak_rss_mib"] / raw["build"]["peak_rss_mib"],
        "search_p50": ours["search"]["p50_ms"] / raw["search"]["p50_ms"],
        "search_p95": ours["search"]["p95_ms"] / raw["search"]["p95_ms"],
        "http_p50_vs_raw_search": ours["http"]["p50_ms"] / raw["search"]["p50_ms"],
        "http_p95_vs_raw_search": ours["http"]["p95_ms"] / raw["search"]["p95_ms"],
        "http_rps_vs_raw_single_thread_qps": ours["http"]["requests_per_s"] / (1000 / raw["search"]["mean_ms"]),
    }
    if "build_tagged" in raw:
        out["build_passages_per_s_vs_raw_tagged"] = (ours["build"]["passages_per_s"]
                                                     / raw["build_tagged"]["passages_per_s"])
    if "tantivy" in result["engines"]:
        tv = result["engines"]["tantivy"]
        out["tantivy_build_passages_per_s"] = tv["build"]["passages_per_s"] / raw["build"]["passages_per_s"]
        out["tantivy_search_p95"] = tv["search"]["p95_ms"] / raw["search"]["p95_ms"]
    return out


def budget(result: dict) -> dict:
    ours, raw = result["engines"]["ours"], result["engines"]["raw_whoosh"]
    return {
        "build_at_least_raw_whoosh": ours["build"]["passages_per_s"] >= raw["build"]["passages_per_s"],
        "search_p95_at_most_100ms": ours["search"]["p95_ms"] <= BUDGET["search_p95_ms"],
        "highlight_at_most_a_third": ours["search"]["highlight_share"] <= BUDGET["highlight_share"],
        "incremental_add_under_1s": ours["incremental_add_s"] < BUDGET["incremental_add_s"],
        "http_at_least_100_rps": ours["http"]["requests_per_s"] >= BUDGET["http_rps"],
        "http_zero_errors": ours["http"]["errors"] == 0,
    }


def render(result: dict) -> str:
    e = result["engines"]
    rows = [f"## {result['size']:,} passages ({result['articles']:,} articles), {result['date']}", "",
            "| figure | ours | raw Whoosh | ratio ours/raw |" + (" tantivy |" if "tantivy" in e else ""),
            "| --- | ---: | ---: | ---: |" + (" ---: |" if "tantivy" in e else "")]

    def row(name, key, fmt, ratio=None):
        ours, raw = _dig(e["ours"], key), _dig(e["raw_whoosh"], key)
        line = f"| {name} | {_number(fmt, ours)} | {_number(fmt, raw)} | {'' if ratio is None else f'{ratio:.2f}'} |"
        if "tantivy" in e:
            line += f" {_number(fmt, _dig(e['tantivy'], key))} |"
        return line

    r = result["ratios"]
    rows += [
        row("build: passages/s", "build.passages_per_s", "{:,.0f}", r["build_passages_per_s"]),
        row("build: peak RSS (MiB)", "build.peak_rss_mib", "{:,.0f}", r["build_peak_rss"]),
        row("build: largest worker process's peak RSS (MiB)", "build.worker_peak_rss_mib", "{:,.0f}"),
        row("build: peak RSS, main + workers summed (MiB)", "build.tree.peak_rss_sum_mib", "{:,.0f}"),
        row("build: peak PSS, main + workers summed (MiB)", "build.tree.peak_pss_sum_mib", "{:,.0f}"),
        row("search p50 (ms), 10 hits highlighted", "search.p50_ms", "{:.1f}", r["search_p50"]),
        row("search p95 (ms)", "search.p95_ms", "{:.1f}", r["search_p95"]),
    ]
    http = e["ours"]["http"]
    if "build_tagged" in e["raw_whoosh"]:
        tagged = [e[x]["build_tagged"]["passages_per_s"] if "build_tagged" in e[x] else None
                  for x in ("raw_whoosh", "tantivy") if x in e]
        rows.append(f"| build with tags, from ours' stored passages: passages/s | | {tagged[0]:,.0f} | "
                    f"{r['build_passages_per_s_vs_raw_tagged']:.2f} |"
                    + (f" {tagged[1]:,.0f} |" if len(tagged) > 1 and tagged[1] else ""))
    rows += [
        f"| highlight share of search time | {e['ours']['search']['highlight_share']:.0%} | | | ",
        f"| incremental add of one article (s) | {e['ours']['incremental_add_s']:.2f} | | | ",
        f"| HTTP /api/search p50 / p95 (ms) | {http['p50_ms']:.1f} / {http['p95_ms']:.1f} | | "
        f"{r['http_p50_vs_raw_search']:.2f} / {r['http_p95_vs_raw_search']:.2f} (vs raw search) |",
        f"| HTTP throughput, {http['clients']} clients (req/s) | {http['requests_per_s']:.0f} "
        f"({http['errors']} errors) | | {r['http_rps_vs_raw_single_thread_qps']:.2f} (vs raw single-thread q/s) |",
        "",
        "Budget: " + ", ".join(f"{k} {'met' if v else 'MISSED'}" for k, v in result["budget"].items()),
        "",
    ]
    if "query_classes" in result:
        rows.append(query_classes.render(result["query_classes"]))
    return "\n".join(rows)


def _dig(data: dict, dotted: str):
    for key in dotted.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _number(fmt: str, value) -> str:
    return "–" if value is None else fmt.format(value)
