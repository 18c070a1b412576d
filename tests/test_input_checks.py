"""Hostile and odd input found by a probe (issue 11): each test is one rule the reader enforces.

The new functions are reached through the module (`corpus.safe_stem`), so that on a reader
without them each test fails on its own rather than the whole file failing to import.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
from pathlib import Path

import pytest

from indexer import corpus, metadata
from indexer.corpus import ArticleError, article_id_for, list_article_files, read_article

TEXT = "Лукашенко said: «We agree».\n\nThe talks in Minsk ended at noon."


def read(tmp_path: Path, data: bytes, name: str = "a.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_article(path)


# --- NUL and encodings ---------------------------------------------------------------------


@pytest.mark.parametrize("tail", [b"", b"!"])  # even and odd length: a stray NUL is not UTF-16
def test_a_nul_after_the_first_64_kib_still_makes_the_file_binary(tmp_path, tail):
    data = b"The leaders met in Minsk.\n" * 3000 + b"\x00" + b"The end.\n" + tail
    assert data.index(b"\x00") > 65536
    with pytest.raises(ArticleError, match=r"bad\.txt: binary file \(contains NUL"):
        read(tmp_path, data, "bad.txt")


@pytest.mark.parametrize(("data", "encoding"), [
    (TEXT.encode("utf-32"), "utf-32"),  # little-endian, with a mark that starts like UTF-16's
    (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32"),
    (TEXT.encode("utf-32-le"), "utf-32-le"),
    (TEXT.encode("utf-32-be"), "utf-32-be"),
])
def test_utf32_with_or_without_a_mark_is_decoded(tmp_path, data, encoding):
    article = read(tmp_path, data)
    assert (article.text, article.encoding) == (TEXT, encoding)
    assert article.notes == (f"decoded as {encoding} (not UTF-8)",)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [TEXT, "Встреча прошла в Бишкеке.\n\nЛидеры подписали договор."])
def test_utf16_without_a_mark_is_decoded(tmp_path, text, encoding):
    article = read(tmp_path, text.encode(encoding))
    assert (article.text, article.encoding) == (text, encoding)


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_a_nul_character_in_marked_utf16_or_utf32_is_binary(tmp_path, codec):
    with pytest.raises(ArticleError, match="binary file"):
        read(tmp_path, "The talks ended.\x00\x00\x00 More.".encode(codec))


# --- header --------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "first", "second"), [
    ("date", "2024-10-08", "2024-10-09"),
    ("title", "Leaders meet", "Leaders part"),
    ("summit", "2024-moscow", "2023-bishkek"),
    ("source", "TASS", "BelTA"),
    ("url", "https://example.org/a", "https://example.org/b"),
])
def test_a_header_key_given_twice_is_reported_and_the_first_value_kept(tmp_path, key, first, second):
    article = read(tmp_path, f"{key}: {first}\nlanguage: en\n{key.upper()}: {second}\n\nThe talks ended.\n".encode())
    assert article.metadata[key] == first
    assert article.notes == (f"header: '{key}' is given twice; the first value ({first}) was used, not {second}",)


def test_a_duplicate_header_key_reaches_the_tagged_articles_problems(tag_text):
    article = tag_text("date: 2024-10-08\ndate: 2019-10-11\ndate: 2019-10-12\n\nThe talks ended.\n")
    assert article.date == dt.date(2024, 10, 8)
    assert article.problems == (
        "header: 'date' is given 3 times; the first value (2024-10-08) was used, not 2019-10-11, 2019-10-12",)


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "raw", "reason"), [
    ("date: 0001-01-01\n\n", "0001-01-01", "is before 1991-12-08, when the CIS was founded"),
    ("date: 1991-12-07\n\n", "1991-12-07", "is before 1991-12-08, when the CIS was founded"),
    ("date: 9999-12-31\n\n", "9999-12-31", "is more than a year after today ({today})"),
    ("date 0001-01-01 ", "0001-01-01", "is before 1991-12-08, when the CIS was founded"),  # glued to the text
])
def test_an_implausible_date_is_reported_and_not_used(tag_text, text, raw, reason):
    article = tag_text(text + "The leaders met in a hall in Minsk.\n")
    assert article.date is None
    assert article.passages[0].text == "The leaders met in a hall in Minsk."
    assert article.problems == (f"date '{raw}' {reason.format(today=dt.date.today().isoformat())}: ignored",)


def test_the_founding_day_and_next_month_are_plausible(tmp_path):
    soon = dt.date.today() + dt.timedelta(days=30)
    for day in (dt.date(1991, 12, 8), soon):
        assert metadata.implausible_date(day) is None
        article = read(tmp_path, f"date: {day.isoformat()}\n\nThe talks ended.\n".encode())
        assert (article.metadata, article.notes) == ({"date": day.isoformat()}, ())


# --- what may be opened --------------------------------------------------------------------


def test_a_symbolic_link_is_refused_unless_followed(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("The talks ended.\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with pytest.raises(ArticleError) as caught:
        corpus.check_regular_file(link)
    assert str(caught.value) == f"{link}: is a symbolic link; pass --follow-symlinks to add what it points to"
    corpus.check_regular_file(link, follow_symlinks=True)
    corpus.check_regular_file(target)


def test_fifos_directories_and_links_to_them_are_not_regular_files(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block: the check must only stat it
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    link = tmp_path / "link.txt"
    link.symlink_to(fifo)
    cases = [(fifo, False, "a FIFO"), (folder, False, "a directory"), (link, True, "a symbolic link to a FIFO")]
    for path, follow, kind in cases:
        with pytest.raises(ArticleError) as caught:
            corpus.check_regular_file(path, follow_symlinks=follow)
        assert str(caught.value) == f"{path}: is not a regular file ({kind})"


def test_the_corpus_listing_skips_links_and_special_files_and_says_so(tmp_path):
    outside = tmp_path / "secret"
    outside.write_text("Not an article.\n")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("The talks ended.\n")
    (folder / "link.txt").symlink_to(outside)
    os.mkfifo(folder / "pipe.txt")
    skipped: list[str] = []
    assert list_article_files(folder, skipped) == [folder / "good.txt"]
    assert list_article_files(folder) == [folder / "good.txt"]
    assert sorted(skipped) == [
        f"{folder / 'link.txt'}: is a symbolic link; not indexed (articles must be regular files)",
        f"{folder / 'pipe.txt'}: is not a regular file (a FIFO); not indexed (articles must be regular files)",
    ]


# --- names ---------------------------------------------------------------------------------


def test_a_very_long_file_name_gives_a_short_stable_id_cut_at_a_word(tmp_path):
    name = "Putin speech at the summit " * 185 + ".txt"  # about 5,000 characters
    ident = article_id_for(Path(name))
    assert len(ident) <= 80
    words, digest = ident.rsplit("-", 1)
    assert words.startswith("Putin-speech-at-the-summit-Putin") and words.endswith(("Putin", "speech", "at", "the",
                                                                                     "summit"))
    assert len(digest) == 8
    assert article_id_for(Path(name)) == ident
    assert article_id_for(Path(name.replace("summit .txt", "summit 2.txt"))) != ident
    assert corpus.safe_stem(name) == ident
    assert len(corpus.safe_stem("x" * 5000 + ".txt", limit=40)) <= 40
    (tmp_path / f"{ident}-2.txt").write_text("The talks ended.\n")  # no ENAMETOOLONG


def test_normal_names_keep_their_ids():
    for name, ident in [("004_01a1bb049021b88e.txt", "004_01a1bb049021b88e"),
                        ("Putin speech (final).txt", "Putin-speech-final"), ("a.b.txt", "a-b"),
                        ("x" * corpus.MAX_ID_CHARS + ".txt", "x" * corpus.MAX_ID_CHARS)]:
        assert (article_id_for(Path(name)), corpus.safe_stem(name)) == (ident, ident)
    with pytest.raises(ArticleError, match="no usable article id"):
        corpus.safe_stem("«».txt")


def test_a_utf8_article_with_a_stray_byte_keeps_its_quotes_and_says_what_was_replaced(tmp_path):
    text = "date: 2024-10-08\n\n“Trade grew,” Putin said in Moscow.\n\n“We agree,” Tokayev said\x00"
    data = text.replace("\x00", "").encode() + b"\xff.\n"
    path = tmp_path / "stray.txt"
    path.write_bytes(data)
    article = corpus.read_article(path)
    assert article.encoding == "utf-8 with 1 invalid byte sequence replaced by \ufffd"
    assert "“Trade grew,” Putin said" in article.text and "said\ufffd." in article.text
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("date: 2024-10-08\n\n“Trade grew,” Putin said in Moscow.\n".encode("cp1252"))
    assert corpus.read_article(legacy).encoding == "cp1252"  # every quote invalid: a code page
