from __future__ import annotations

import pytest

from indexer.outlets import OutletFinder, host_of, slugify
from indexer.reference import ReferenceError
from indexer.reference_toml import load_reference

from .conftest import make_corpus

BODY = "The leaders of the Commonwealth met in the palace and adopted eleven documents."


@pytest.fixture(scope="module")
def finder(reference):
    return OutletFinder(reference)


@pytest.mark.parametrize(("source", "expected"), [
    ("BelTA", ("belta", "BelTA")),
    ("  belta ", ("belta", "BelTA")),
    ("Kazinform International News Agency", ("kazinform", "Kazinform")),
    ("RFE/RL's Belarus Service", ("rferl", "RFE/RL")),
    ("tass.com", ("tass", "TASS")),
])
def test_source_header_names_a_listed_outlet(finder, source, expected):
    assert finder.find(source, None, BODY) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("ТАСС", ("tass", "TASS")),
    ("ИТАР-ТАСС", ("tass", "TASS")),
    ("БелТА", ("belta", "BelTA")),
    ("РИА Новости", ("ria-novosti", "RIA Novosti")),
    ("Интерфакс", ("interfax", "Interfax")),
])
def test_source_header_in_cyrillic(finder, source, expected):
    assert finder.find(source, None, BODY) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.president.gov.by/en/events/cis-summit", ("president-gov-by", "president.gov.by")),
    ("http://en.kremlin.ru/events/president/news/1", ("kremlin", "kremlin.ru")),
    ("http://en.special.kremlin.ru/events/president/news/2", ("kremlin", "kremlin.ru")),
    ("https://eng.belta.by/president/view/1", ("belta", "BelTA")),
    ("https://24.kg/english/1_x/", ("24-kg", "24.kg")),
])
def test_url_domain_or_subdomain(finder, url, expected):
    assert finder.find(None, url, BODY) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Minsk, 1 June 2001 (RFE/RL) -- The summit opened.", "rferl"),
    ("MOSCOW, Oct 8 (Reuters) - The summit opened.", "reuters"),
    ("MOSCOW (AP) — The summit opened.", "ap"),
    ("MINSK, October 10. /TASS/. The summit opened.", "tass"),
    ("Bishkek, Feb. 23, 2018. / Kabar /. The summit opened.", "kabar"),
    ("DUSHANBE, 11.05.2023 (NIAT Khovar) – The summit opened.", "khovar"),
    ("YEREVAN, DECEMBER 28, ARMENPRESS. The summit opened.", "armenpress"),
    ("ST. PETERSBURG. KAZINFORM – The summit opened.", "kazinform"),
    ("Summit opens\n\nBaku, October 15, AZERTAC\n\nThe summit opened.", "azertac"),
    ("МИНСК, 10 октября. /ТАСС/. Саммит открылся.", "tass"),
    ("ДУШАНБЕ, 3 сен - РИА Новости. Саммит открылся.", "ria-novosti"),
    ("12 сентября, Минск /Иван Петров - БЕЛТА/. Саммит открылся.", "belta"),
])
def test_dateline_at_the_start(finder, body, expected):
    assert finder.find(None, None, body) == (expected, finder.names[expected])


@pytest.mark.parametrize(("body", "expected"), [
    ("The summit opened.\n\nThe leaders signed eleven documents. — TASS", "tass"),
    ("The summit opened.\n\nThe leaders signed eleven documents. -- Reuters", "reuters"),
    ("The summit opened.\n\nThe leaders signed eleven documents (BelTA).", "belta"),
    ("The summit opened.\n\n(Xinhua News Agency November 29, 2006)", "xinhua"),
    ("The summit opened.\n\nSource: Kazinform\n\nRead more", "kazinform"),
])
def test_attribution_at_the_end(finder, body, expected):
    assert finder.find(None, None, body) == (expected, finder.names[expected])


@pytest.mark.parametrize("body", [
    "The summit opened.\nPhoto: BelTA\nThe leaders signed eleven documents.",
    "The summit opened.\n  Photo by Ivan Petrov/BelTA\nThe leaders signed eleven documents.",
    "The summit opened.\nФото БелТА\nThe leaders signed eleven documents.",
])
def test_photo_credit_line(finder, body):
    assert finder.find(None, None, body) == ("belta", "BelTA")


def test_photo_credit_cut_from_a_caption(finder):
    assert finder.find(None, None, BODY, credits=["BELTA"]) == ("belta", "BelTA")


@pytest.mark.parametrize(("source", "expected"), [
    (" Vremya Novostei ", ("vremya-novostei", "Vremya Novostei")),
    ("Новая газета", ("novaya-gazeta", "Новая газета")),
    ("https://www.example.org/news/1", ("example-org", "example.org")),
])
def test_unlisted_source_is_kept_as_written(finder, source, expected):
    assert finder.find(source, "https://tass.com/world/1", "MOSCOW (Reuters) - x") == expected


@pytest.mark.parametrize("body", [
    BODY,
    "TASS reported that the summit opened. Interfax said the leaders met.",
    "Vladimir Putin, President of Russia. Colleagues, welcome to the summit.",
    "The summit opened.\n\nTrade within the Commonwealth follows a global — trend.",
    "The summit opened.\n\nAccording to TASS, the leaders signed eleven documents.",
    "",
])
def test_nothing_found(finder, body):
    assert finder.find(None, None, body) is None
    assert finder.find("   ", "not a web address", body) is None


def test_order_of_trust(finder):
    dateline = "MOSCOW, Oct 8 (Reuters) - The summit opened.\nPhoto: BelTA\nIt ended. — TASS"
    assert finder.find("Kazinform", "https://eng.belta.by/1", dateline)[0] == "kazinform"
    assert finder.find(None, "https://eng.belta.by/1", dateline)[0] == "belta"
    assert finder.find(None, None, dateline)[0] == "reuters"
    assert finder.find(None, None, dateline.replace("(Reuters) ", ""))[0] == "tass"
    assert finder.find(None, None, "The summit opened.\nPhoto: BelTA\nIt ended.", ["TASS"])[0] == "belta"


def test_unlisted_url_domain_comes_after_the_dateline_and_before_a_photo_credit(finder):
    """A repost site's address names the reposter, the dateline it kept names the outlet; a
    site printing a picture from the Kremlin is still the publisher."""
    repost = "https://armenianclub.com/2021/12/29/summit"
    assert finder.find(None, repost, "YEREVAN, DECEMBER 28, ARMENPRESS. The summit opened.")[0] == "armenpress"
    assert finder.find(None, repost, BODY) == ("armenianclub-com", "armenianclub.com")
    pictured = "The summit opened.\nФото: Kremlin.ru\nThe leaders met."
    assert finder.find(None, "https://piter.example/news/1", pictured) == ("piter-example", "piter.example")
    assert finder.find(None, None, pictured) == ("kremlin", "kremlin.ru")


def test_helpers():
    assert host_of("https://WWW.President.gov.by:443/en/") == "president.gov.by"
    assert host_of("Kazinform") is None
    assert slugify("Коммерсантъ") == "kommersant"
    assert slugify("«»").startswith("outlet-")


def test_tagged_article_carries_the_outlet(tag_text):
    article = tag_text("title: Talks\nurl: http://en.kremlin.ru/d/1\n\nThe CIS summit in Dushanbe opened.\n")
    assert (article.outlet, article.outlet_label) == ("kremlin", "kremlin.ru")
    article = tag_text("МИНСК, 10 октября. /ТАСС/. The CIS summit in Minsk opened.\n")
    assert (article.outlet, article.outlet_label) == ("tass", "TASS")
    assert tag_text("The CIS summit in Minsk opened.\n").outlet is None


@pytest.mark.parametrize(("content", "message"), [
    ('[[outlet]]\nid = "x"\nname = "X"\ndomains = ["https://x.org/"]\n', "outlet 'x': domain 'https://x.org/' is not"),
    ('[[outlet]]\nid = "x"\nname = "X"\n[[outlet]]\nid = "y"\nname = "Y"\nvariants = ["x"]\n',
     "outlet 'y': 'x' also names outlet 'x'"),
    ('[[outlet]]\nid = "x"\nvariants = ["X"]\n', "outlet 'x': 'name' is missing"),
])
def test_outlet_file_mistakes_name_the_file_and_entry(tmp_path, content, message):
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "outlets.toml").write_text(content)
    with pytest.raises(ReferenceError) as caught:
        load_reference(corpus)
    assert str(caught.value).startswith(f"{corpus / 'outlets.toml'}: ")
    assert message in str(caught.value)


def test_bundled_outlets_load(reference):
    assert len(reference.outlets) >= 50
    assert reference.outlets["tass"].domains == ("tass.com", "tass.ru", "itar-tass.com")
    assert "ТАСС" in reference.outlets["tass"].variants
