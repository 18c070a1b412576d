from __future__ import annotations

import json

from click.testing import CliRunner

from indexer.cli import main

from .conftest import CORPUS, make_corpus


def invoke(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


def test_index_reports_then_says_nothing_to_do(search_corpus, tmp_path):
    index_dir = tmp_path / "ix"
    first = invoke("index", "--corpus", search_corpus, "--index", index_dir)
    assert first.exit_code == 0
    assert first.stdout.splitlines()[0] == "Retagged every article: there was no index yet."
    assert first.stdout.splitlines()[1].startswith(
        "3 added, 0 updated, 0 removed, 0 unchanged, 0 failed; 7 passages written in ")
    second = invoke("index", "--corpus", search_corpus, "--index", index_dir)
    assert second.stdout.startswith("Index is up to date: 3 articles, nothing to do")


def test_index_path_from_the_environment(search_corpus, tmp_path):
    index_dir = tmp_path / "from-env"
    assert invoke("index", "--corpus", search_corpus, env={"SUMMIT_SEARCH_INDEX": str(index_dir)}).exit_code == 0
    result = invoke("search", "exhibition", env={"SUMMIT_SEARCH_INDEX": str(index_dir)})
    assert result.stdout.splitlines()[0] == "1 passage (page 1 of 1)"


def test_index_with_a_bad_file_exits_1_but_indexes_the_rest(search_corpus, tmp_path):
    (search_corpus / "empty.txt").write_bytes(b"")
    result = invoke("index", "--corpus", search_corpus, "--index", tmp_path / "ix")
    assert result.exit_code == 1
    assert result.stderr == f"failed: {search_corpus / 'empty.txt'}: file is empty\n"
    assert "3 added" in result.stdout


def test_inspect_json_of_the_seed_credits_every_quote(tmp_path):
    result = invoke("inspect", CORPUS / "004_01a1bb049021b88e.txt", "--json", "--corpus", CORPUS)
    data = json.loads(result.stdout)
    assert (data["file"], data["title"], data["date"], data["source"]) == (
        "004_01a1bb049021b88e.txt", "Time for a powerful consolidation", "2023-10-13", "BelTA")
    assert data["summit"] == {"id": "2023-bishkek", "label": "CIS summit, Bishkek 2023"}
    assert data["outlet"] == {"id": "belta", "label": "BelTA"}
    assert data["problems"] == []
    quotes = [p for p in data["passages"] if p["kind"] == "quote"]
    credited = {tuple(s["id"] for s in p["speakers"]) for p in quotes}
    assert credited == {("aleksandr-lukashenko",), ("shavkat-mirziyoyev",),
                        ("aleksandr-lukashenko", "shavkat-mirziyoyev"), ("foreign-ministers",)}
    proposal = next(p for p in data["passages"] if "Mirziyoyev proposed" in p["text"])
    assert proposal["speakers"] == [
        {"id": "shavkat-mirziyoyev", "name": "Shavkat Mirziyoyev", "sieve": "cue_name"}]
    narration = [p for p in data["passages"] if p["kind"] == "narration"]
    assert len(narration) == 15 and all(p["speakers"] == [] for p in narration)
    assert set(data["passages"][0]) == {"id", "position", "kind", "section", "text", "start", "end",
                                        "speakers", "mentions", "topics"}


def test_inspect_table(tmp_path):
    result = invoke("inspect", CORPUS / "004_01a1bb049021b88e.txt", "--corpus", CORPUS, "--index", tmp_path / "ix")
    lines = result.stdout.splitlines()
    why = [i for i, line in enumerate(lines) if line.startswith("Why:")]
    assert why == [7] and "host city Bishkek named" in result.stdout
    lines = [line for i, line in enumerate(lines) if not (i == 7 or (i > 7 and line.startswith("          ")))]
    assert lines[:9] == [
        "File:     004_01a1bb049021b88e.txt",
        "Title:    Time for a powerful consolidation",
        "Date:     2023-10-13",
        "Source:   BelTA",
        "Outlet:   BelTA (belta)",
        "Language: English (en)",
        "Summit:   CIS summit, Bishkek 2023 (2023-bishkek)",
        "Passages: 58 (48 body)",
        "Index:    not indexed",
    ]
    assert lines[-1] == "Problems: none"
    proposal = next(line for line in lines if "Mirziyoyev proposed" in line)
    assert proposal.startswith(" 42  quote      Shavkat Mirziyoyev              Interregional contacts")


def test_inspect_tells_whether_the_index_holds_this_version(search_corpus, tmp_path):
    index_dir = tmp_path / "ix"
    invoke("index", "--corpus", search_corpus, "--index", index_dir)
    article = search_corpus / "moscow_sanctions.txt"

    def status():
        result = invoke("inspect", article, "--json", "--corpus", search_corpus, "--index", index_dir)
        return json.loads(result.stdout)["indexed"]

    assert status() == "indexed (up to date)"
    article.write_text(article.read_text() + "\nOne more line.\n")
    assert status() == "indexed (file changed since)"


def test_index_warns_about_article_problems_naming_the_file(search_corpus, tmp_path):
    odd = "summit: atlantis\nauthor: me\n\nThe CIS summit in Bishkek opened in 2023.\n"
    (search_corpus / "odd.txt").write_text(odd)
    (search_corpus / "doubt.txt").write_text("“This quote has nobody to belong to at all.”\n")
    result = invoke("index", "--corpus", search_corpus, "--index", tmp_path / "ix")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {search_corpus / 'odd.txt'}: unknown metadata key 'author' ignored "
        "(known: title, date, source, url, summit, language, lang)",
        f"warning: {search_corpus / 'odd.txt'}: unknown summit 'atlantis' (not in summits.toml): "
        "inferred from the text instead",
        "1 passage has doubtful attribution: `summit-search inspect FILE` lists it under problems.",
    ]


def test_inspect_unreadable_file_exits_with_one_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = invoke("inspect", bad, "--corpus", CORPUS)
    assert result.exit_code == 1
    assert result.stderr == f"summit-search: {bad}: binary file (contains NUL or control bytes), not a text article\n"
    missing = invoke("inspect", tmp_path / "nope.txt", "--corpus", CORPUS)
    assert missing.exit_code == 1 and "cannot read file" in missing.stderr


def test_broken_reference_data_is_named(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "topics.toml").write_text("[[topic]\n")
    result = invoke("index", "--corpus", corpus, "--index", tmp_path / "ix")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"summit-search: {corpus / 'topics.toml'}: not valid TOML")


def test_search_json_and_errors(search_corpus, tmp_path):
    index_dir = tmp_path / "ix"
    invoke("index", "--corpus", search_corpus, "--index", index_dir)
    result = invoke("search", "sanctions", "--speaker", "aleksandr-lukashenko", "--json", "--index", index_dir)
    data = json.loads(result.stdout)
    assert (data["total"], data["query"], data["page"], data["per_page"], data["corrected"]) == (
        2, "sanctions", 1, 10, None)
    assert set(data["facets"]) == {"kind", "speaker", "topic", "summit", "outlet", "lang", "year"}
    bad_page = invoke("search", "sanctions", "--page", "5", "--index", index_dir)
    assert (bad_page.exit_code, bad_page.stderr) == (2, "summit-search: --page: page 5 is past the last page (1)\n")
    no_index = invoke("search", "x", "--index", tmp_path / "none", "--corpus", tmp_path / "no-corpus")
    assert no_index.exit_code == 1
    assert no_index.stderr == f"summit-search: {tmp_path / 'none'}: no index here; run `summit-search index` first\n"


def test_search_builds_a_missing_index_from_the_corpus(search_corpus, tmp_path):
    result = invoke("search", "exhibition", "--corpus", search_corpus, "--index", tmp_path / "new")
    assert result.stderr == f"No index at {tmp_path / 'new'}: building it from {search_corpus} first.\n"
    assert result.stdout.splitlines()[0] == "1 passage (page 1 of 1)"


def test_search_text_output(search_corpus, tmp_path):
    index_dir = tmp_path / "ix"
    invoke("index", "--corpus", search_corpus, "--index", index_dir)
    lines = invoke("search", "exhibition", "--index", index_dir).stdout.splitlines()
    assert lines[:4] == [
        "1 passage (page 1 of 1)",
        "",
        "(narration)  BelTA · 2024-10-08 · CIS summit, Moscow 2024  [moscow_sanctions-f3ddab7a]",
        "  The delegations then visited an exhibition.",
    ]


def test_add_refuses_a_symbolic_link_and_a_fifo_unless_asked_and_stores_nothing(tmp_path):
    import os

    corpus = make_corpus(tmp_path / "corpus")
    secret = tmp_path / "secret.txt"
    secret.write_text("date: 2024-10-08\n\nThe leaders met in Moscow to talk about trade.\n")
    link, fifo = tmp_path / "link.txt", tmp_path / "pipe.txt"
    link.symlink_to(secret)
    os.mkfifo(fifo)  # opening it for reading would wait forever for a writer
    index = tmp_path / "index"
    refused = invoke("add", link, fifo, "--corpus", corpus, "--index", index)
    assert refused.exit_code == 1
    assert f"refused: {link}: is a symbolic link; pass --follow-symlinks to add what it points to" in refused.output
    assert f"refused: {fifo}: is not a regular file (a FIFO)" in refused.output
    assert sorted(p.name for p in corpus.glob("*.txt")) == []
    followed = invoke("add", link, "--follow-symlinks", "--corpus", corpus, "--index", index)
    assert followed.exit_code == 0, followed.output
    assert (corpus / "link.txt").read_text() == secret.read_text() and not (corpus / "link.txt").is_symlink()
