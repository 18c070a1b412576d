"""The `summit-search` command line: thin wrappers over plain functions in this package, so
tests call the functions and the commands only parse options and print."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

import click

from .adding import CorpusBusy, add_articles
from .build import build_index, index_status
from .corpus import ArticleError, list_article_files
from .reference import ReferenceError
from .reference_toml import load_reference
from .report import article_json, article_table
from .search import (
    IndexBusy,
    IndexMissing,
    IndexReader,
    IndexWriteError,
    SearchBusy,
    SearchError,
    SearchRequest,
    index_exists,
)
from .search_text import search_text
from .tagging import Tagger
from .wording import plural

corpus_option = click.option(
    "--corpus", "corpus_dir", type=click.Path(path_type=Path), default=Path("corpus"), show_default=True,
    help="Folder with the articles and the reference TOML files.",
)
index_option = click.option(
    "--index", "index_dir", type=click.Path(path_type=Path), default=Path("index"), show_default=True,
    envvar="SUMMIT_SEARCH_INDEX", help="Index folder (or $SUMMIT_SEARCH_INDEX).",
)


def fail(message: str, code: int = 1) -> None:
    click.echo(f"summit-search: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Full-text search over what leaders said at CIS summits."""


@main.command("index")
@corpus_option
@index_option
@click.option("--rebuild", is_flag=True, help="Retag and rewrite every article.")
def index_command(corpus_dir: Path, index_dir: Path, rebuild: bool) -> None:
    """Index new, changed and deleted articles (only those)."""
    try:
        total = len(list_article_files(corpus_dir))
        if sys.stdout.isatty():
            with click.progressbar(length=total, label="Indexing", show_pos=True) as bar:
                report = build_index(corpus_dir, index_dir, rebuild, on_file=lambda _: bar.update(1), parallel=True)
        else:
            report = build_index(corpus_dir, index_dir, rebuild, parallel=True)
    except (ArticleError, ReferenceError, IndexBusy, IndexWriteError) as exc:
        fail(str(exc))
    if report.full_reason:
        click.echo(f"Retagged every article: {report.full_reason}.")
    for line in report.warnings:
        click.echo(f"warning: {line}", err=True)
    if report.doubtful_passages:
        doubtful = report.doubtful_passages
        click.echo(f"{plural(doubtful, 'passage')} {'has' if doubtful == 1 else 'have'} doubtful attribution: "
                   f"`summit-search inspect FILE` lists {'it' if doubtful == 1 else 'them'} under problems.", err=True)
    for line in report.failed:
        click.echo(f"failed: {line}", err=True)
    for article_id in report.kept_previous:
        click.echo(f"kept the previously indexed version of {article_id}", err=True)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@corpus_option
@index_option
@click.option("--wait", type=float, default=30.0, show_default=True,
              help="Seconds to wait for another indexing run to finish.")
@click.option("--follow-symlinks", is_flag=True, help="Add what a symbolic link points to (refused by default).")
def add(files: tuple[Path, ...], corpus_dir: Path, index_dir: Path, wait: float, follow_symlinks: bool) -> None:
    """Check articles, copy the good ones into the corpus and index them."""
    try:
        results, report = add_articles(corpus_dir, index_dir, list(files), wait, follow_symlinks=follow_symlinks)
    except (ArticleError, ReferenceError, IndexBusy, IndexWriteError, CorpusBusy) as exc:
        fail(str(exc))
    for result in results:
        if result.error:
            click.echo(f"refused: {result.error} (not copied)", err=True)
        elif result.duplicate_of:
            click.echo(f"already in the corpus: {result.source} is {corpus_dir / result.duplicate_of}")
        else:
            click.echo(added_line(result, corpus_dir))
    if report:
        click.echo(report.summary())
    elif any(r.stored_as and not r.duplicate_of for r in results):
        click.echo(f"The index at {index_dir} stayed busy for {wait:g} s: the articles above are stored, "
                   "and the running or the next `summit-search index` indexes them.", err=True)
    if any(r.error for r in results):
        sys.exit(1)


def added_line(result, corpus_dir: Path) -> str:
    article = result.article
    who = ", ".join(f"{name} ({count})" for name, count in result.speakers.items()) or "nobody"
    summit = article.summit.label if article.summit else "no summit found"
    return (f"added: {result.source} -> {corpus_dir / result.stored_as}: \"{article.title}\"; {summit}; "
            f"{plural(len(article.passages), 'passage')}; speakers: {who}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@corpus_option
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--full", is_flag=True, help="Print whole passages, not their first line.")
def inspect(file: Path, corpus_dir: Path, index_dir: Path, as_json: bool, full: bool) -> None:
    """Show how one article (any path) is split and tagged, what the tagger doubted, and
    whether the index already holds this version of it."""
    try:
        tagger = Tagger(load_reference(corpus_dir))
        article = tagger.tag_file(file)
    except (ArticleError, ReferenceError) as exc:
        fail(str(exc))
    status = index_status(index_dir, article.id, article.sha256)
    if as_json:
        data = {**article_json(article, tagger.reference), "indexed": status}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(article_table(article, tagger.reference, full=full, indexed=status))


@main.command()
@click.argument("query", default="")
@corpus_option
@index_option
@click.option("--speaker", multiple=True, help="Speaker: a name in any spelling, or an id (repeat for OR).")
@click.option("--topic", multiple=True, help="Topic: part of its name, or its id (repeat for OR).")
@click.option("--summit", multiple=True, help="Summit: part of its name (a city, a year), or its id (repeat for OR).")
@click.option("--kind", multiple=True, type=click.Choice(["quote", "narration", "heading", "caption"]),
              help="Kind of passage (repeat for OR); every kind when left out.")
@click.option("--outlet", multiple=True, help="Outlet id, e.g. tass, belta (repeat for OR).")
@click.option("--lang", multiple=True, type=click.Choice(["en", "ru"]), help="Article language (repeat for OR).")
@click.option("--year", multiple=True, help="Year of the article (repeat for OR).")
@click.option("--from", "date_from", default="", help="Articles dated from this day: 2023, 2023-10 or 2023-10-13.")
@click.option("--to", "date_to", default="", help="Articles dated up to this day (same forms).")
@click.option("--copies", is_flag=True, help="Every outlet's copy of a quote, not one hit per quote.")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--page", type=int, default=1, show_default=True)
@click.option("--per-page", type=int, default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the /api/search JSON object.")
def search(query: str, corpus_dir: Path, index_dir: Path, speaker, topic, summit, kind, outlet, lang, year,
           date_from, date_to, copies, sort, page, per_page, as_json) -> None:
    """Search the index from the terminal (building it from the corpus first if there is none)."""
    if not index_exists(index_dir) and corpus_dir.is_dir():
        click.echo(f"No index at {index_dir}: building it from {corpus_dir} first.", err=True)
        try:
            build_index(corpus_dir, index_dir)
        except (ArticleError, ReferenceError, IndexBusy, IndexWriteError) as exc:
            fail(str(exc))
    try:
        with IndexReader(index_dir) as reader:
            chosen = {facet: resolve_values(reader.names, facet, values)
                      for facet, values in (("speaker", speaker), ("topic", topic), ("summit", summit))}
            request = SearchRequest(query, speaker=chosen["speaker"], topic=chosen["topic"], summit=chosen["summit"],
                                    sort=sort, page=page, per_page=per_page, kind=tuple(kind),
                                    outlet=tuple(outlet), year=tuple(year), date_from=date_from, date_to=date_to,
                                    copies=copies, lang=tuple(lang))
            result = reader.search(request)
    except IndexMissing as exc:
        fail(str(exc))
    except SearchError as exc:
        fail(f"--{exc.param.replace('_', '-')}: {exc}", code=2)
    except SearchBusy as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(search_text(result))


def resolve_values(names, facet: str, values: tuple[str, ...]) -> tuple[str, ...]:
    """The ids `--speaker putin` (or --topic, --summit) stands for, read as `speaker:putin` is
    (query_names.QueryNames.resolve); a value matching nothing stops with a usage error that
    names the option."""
    ids: dict[str, None] = {}
    for value in values:
        found = names.resolve(facet, value)
        if not found:
            fail(f"--{facet}: {names.no_match(facet, value)}", code=2)
        ids.update(dict.fromkeys(found))
    return tuple(ids)


@main.command()
@corpus_option
@index_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--threads", type=click.IntRange(1, 64), default=8, show_default=True, help="Threads per worker.")
@click.option("--workers", type=click.IntRange(1, 256), default=lambda: os.cpu_count() or 1,
              show_default="the number of cores",
              help="Processes (gunicorn pre-fork); 1, or a system without fork, serves with waitress.")
@click.option("--watch", is_flag=True, help="Reindex whenever the corpus changes, while serving.")
def serve(corpus_dir: Path, index_dir: Path, host: str, port: int, threads: int, workers: int, watch: bool) -> None:
    """Serve the web site and JSON API, first bringing the index up to date with the corpus
    (building it if there is none)."""
    from webapp.serve import run as run_server  # the only command that needs the web stack

    if corpus_dir.is_dir():
        _sync_for_serving(corpus_dir, index_dir)
    elif not index_exists(index_dir):
        fail(f"{corpus_dir}: corpus directory does not exist, and there is no index at {index_dir}")
    watcher = _start_watcher(corpus_dir, index_dir, sync_first=False) if watch else None
    try:
        run_server(index_dir, host, port, threads, workers, corpus_dir=corpus_dir)
    finally:
        if watcher:
            watcher.stop()


SERVE_LOCK_WAIT_SECONDS = 3600.0


def _sync_for_serving(corpus_dir: Path, index_dir: Path) -> None:
    """Bring the index up to date before serving. If another run holds the lock, serve the
    index there is and sync once that run ends; with no index yet, wait for that run."""
    try:
        _echo_sync(build_index(corpus_dir, index_dir))
        return
    except IndexBusy:
        pass
    except IndexWriteError as exc:
        if not index_exists(index_dir):
            fail(str(exc))
        click.echo(f"summit-search: {exc}; serving it as it is", err=True)  # a full disk still serves
        return
    except (ArticleError, ReferenceError) as exc:
        fail(str(exc))
    if not index_exists(index_dir):
        click.echo(f"{index_dir}: another run is building the index; waiting for it to finish.", err=True)
        try:
            _echo_sync(build_index(corpus_dir, index_dir, wait=SERVE_LOCK_WAIT_SECONDS))
        except (ArticleError, ReferenceError, IndexBusy, IndexWriteError) as exc:
            fail(str(exc))
        return
    click.echo(f"{index_dir}: another run is writing the index; serving the index as it is, "
               "and bringing it up to date when that run ends.", err=True)

    def sync_later() -> None:
        try:
            _echo_sync(build_index(corpus_dir, index_dir, wait=SERVE_LOCK_WAIT_SECONDS))
        except Exception as exc:  # noqa: BLE001 - reported; the site keeps serving
            click.echo(f"summit-search: reindex failed: {exc}", err=True)

    threading.Thread(target=sync_later, name="sync-when-free", daemon=True).start()


@main.command()
@corpus_option
@index_option
def watch(corpus_dir: Path, index_dir: Path) -> None:
    """Reindex whenever articles or reference files in the corpus change (Ctrl+C stops)."""
    watcher = _start_watcher(corpus_dir, index_dir)
    click.echo(f"Watching {corpus_dir}; the index at {index_dir} follows it. Ctrl+C stops.", err=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stop()


def _start_watcher(corpus_dir: Path, index_dir: Path, sync_first: bool = True):
    from .watch import CorpusWatcher

    def error(exc: Exception) -> None:
        click.echo(f"summit-search: reindex failed: {exc}", err=True)

    if sync_first:  # `serve` has just synced the index itself
        try:
            _echo_sync(build_index(corpus_dir, index_dir, wait=30.0))
        except (ArticleError, ReferenceError, IndexBusy, IndexWriteError) as exc:
            error(exc)
    return CorpusWatcher(corpus_dir, index_dir, _echo_sync, error).start()


def _echo_sync(report) -> None:
    """What a sync done on the side (by `serve` or `watch`) prints, on stderr."""
    for line in report.failed:
        click.echo(f"failed: {line}", err=True)
    click.echo(report.summary(), err=True)
