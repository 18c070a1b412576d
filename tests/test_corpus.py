from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from indexer.corpus import MAX_ARTICLE_BYTES, ArticleError, article_id_for, read_article

RUSSIAN = "Лукашенко заявил: «Русский язык — наше общее достояние».\n\nВстреча прошла в Бишкеке."


def read(tmp_path: Path, data: bytes, name: str = "a.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_article(path)


def test_cp1251_is_decoded_and_noted(tmp_path):
    article = read(tmp_path, RUSSIAN.encode("cp1251"))
    assert article.encoding == "cp1251"
    assert article.paragraphs[0].text == "Лукашенко заявил: «Русский язык — наше общее достояние»."
    assert article.notes == ("decoded as cp1251 (not UTF-8)",)


def test_western_legacy_encoding_is_decoded_as_cp1252(tmp_path):
    article = read(tmp_path, "The café in Bishkek hosted the “summit” dinner.".encode("cp1252"))
    assert article.encoding == "cp1252"
    assert article.paragraphs[0].text == "The café in Bishkek hosted the “summit” dinner."


def test_utf8_bom_and_utf16_and_crlf(tmp_path):
    text = "Putin said, “We agree.”\r\n\r\nThe talks ended."
    bom = read(tmp_path, codecs.BOM_UTF8 + text.encode("utf-8"), "bom.txt")
    utf16 = read(tmp_path, text.encode("utf-16"), "u16.txt")
    for article in (bom, utf16):
        assert [p.text for p in article.paragraphs] == ["Putin said, “We agree.”", "The talks ended."]
        assert article.text == "Putin said, “We agree.”\n\nThe talks ended."


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "file is empty"),
    (b"  \n\n \t\n", "file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (bytes(range(1, 32)) * 20, "binary file"),
    (b"title: Only a header\ndate: 2024-01-01\n", "no body paragraphs"),
    (b"A Headline Alone\n\nAnother Heading\n", "no body paragraphs"),
])
def test_unusable_files_are_refused_with_the_file_and_reason(tmp_path, data, reason):
    with pytest.raises(ArticleError) as caught:
        read(tmp_path, data, "bad.txt")
    message = str(caught.value)
    assert message.startswith(str(tmp_path / "bad.txt") + ": ")
    assert reason in message
    assert "\n" not in message


def test_huge_file_is_refused_before_decoding(tmp_path):
    with pytest.raises(ArticleError, match=r"huge\.txt: file is 5\.1 MiB; articles over 5 MiB are refused"):
        read(tmp_path, b"word " * (MAX_ARTICLE_BYTES // 5 + 20000), "huge.txt")


def test_metadata_header_with_unknown_key(tmp_path):
    article = read(tmp_path, (
        b"title: Leaders meet\ndate: 2024-10-08\nsource: TASS\nauthor: Someone\n\n"
        b"Vladimir Putin said the meeting went well.\n"
    ))
    assert article.metadata == {"title": "Leaders meet", "date": "2024-10-08", "source": "TASS"}
    assert article.notes == ("unknown metadata key 'author' ignored (known: title, date, source, url, "
                             "summit, language, lang)",)
    assert [p.text for p in article.paragraphs] == ["Vladimir Putin said the meeting went well."]


def test_fenced_header(tmp_path):
    article = read(tmp_path, b"---\nsummit: 2024-moscow\nlanguage: en\n---\nThe leaders met in Moscow.\n")
    assert article.metadata == {"summit": "2024-moscow", "language": "en"}
    assert article.paragraphs[0].text == "The leaders met in Moscow."


def test_transcript_speaker_line_is_not_a_header(tmp_path):
    article = read(tmp_path, b"Putin: Colleagues, good afternoon.\n\nLet us begin.\n")
    assert article.metadata == {}
    assert article.paragraphs[0].text == "Putin: Colleagues, good afternoon."


def test_glued_date_prefix(tmp_path):
    article = read(tmp_path, b" date 2025-10-09 Alexander Lukashenko arrived in Tajikistan.\n")
    assert article.metadata == {"date": "2025-10-09"}
    paragraph = article.paragraphs[0]
    assert paragraph.text == "Alexander Lukashenko arrived in Tajikistan."
    assert article.text[paragraph.start:paragraph.end] == paragraph.text


def test_headline_heading_caption_and_body(tmp_path):
    article = read(tmp_path, (
        b"Leaders Agree on Trade\n\n"
        b"The summit in Astana ended with a deal.\n\n"
        b"Putin and Tokayev before the talks    TASS\n\n"
        b"On the economy\n\n"
        b"Trade grew by a fifth, the leaders said.\n"
        b"What comes next?\n"
    ))
    kinds = [(p.kind, p.text, p.credit) for p in article.paragraphs]
    assert kinds == [
        ("headline", "Leaders Agree on Trade", None),
        ("body", "The summit in Astana ended with a deal.", None),
        ("caption", "Putin and Tokayev before the talks", "TASS"),
        ("heading", "On the economy", None),
        ("body", "Trade grew by a fifth, the leaders said.", None),
        ("body", "What comes next?", None),  # not alone between blank lines: body
    ]


def test_article_id_is_url_safe():
    assert article_id_for(Path("004_01a1bb049021b88e.txt")) == "004_01a1bb049021b88e"
    assert article_id_for(Path("Putin speech (final).txt")) == "Putin-speech-final"
    with pytest.raises(ArticleError, match="no usable article id"):
        article_id_for(Path("«».txt"))


def test_a_double_space_before_a_paragraphs_last_word_is_not_a_photo_credit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Heading line\n\nWe hope our friends will join our work within the  CIS.\n\n"
                    "Leaders at the summit     BELTA\n")
    kinds = [(p.kind, p.credit) for p in read_article(path).paragraphs]
    assert kinds == [("headline", None), ("body", None), ("caption", "BELTA")]
