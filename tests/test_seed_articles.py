"""The seed articles, split and attributed exactly as a careful human reader would.

Every row below was checked by reading the article, not copied from the program's output:
(text the passage starts with, kind, speakers). Headings and captions are included so that the
split itself is pinned down too.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import CORPUS

LUKASHENKO = ("aleksandr-lukashenko",)
MIRZIYOYEV = ("shavkat-mirziyoyev",)
MINISTERS = ("foreign-ministers",)

SEED_004 = [
    ("Time for a powerful consolidation", "heading", ()),
    ("The President of Belarus took part in the CIS summit in Bishkek", "heading", ()),
    # the lead: attendance, and "presented Belarus' position" is a summary, not speech
    ("The session of the CIS Heads of State Council was traditionally", "narration", ()),
    ("In the Kyrgyz capital, Aleksandr Lukashenko presented", "narration", ()),  # 2nd half of the lead
    ("The President of Belarus, Aleksandr Lukashenko, has met with", "caption", ()),
    ("On the need to act together", "heading", ()),
    ("Aleksandr Lukashenko at a meeting of the CIS Heads of State Council", "quote", LUKASHENKO),
    # the quote opened above runs on; this paragraph closes it
    ("As a matter of principle, now is the time", "quote", LUKASHENKO),
    ("On multipolarity and the", "heading", ()),
    # "The President" in a BelTA story (credit on the photo) is the Belarusian President
    ("The President emphasised the importance of adopting", "quote", LUKASHENKO),
    ("Apparently, someone hasn’t been affected", "quote", LUKASHENKO),
    ("The President stressed that in the context", "quote", LUKASHENKO),  # reported speech
    ("“Our Commonwealth is just one of such associations,” the Head of State", "quote", LUKASHENKO),
    ("On a common language", "heading", ()),
    # Tokayev is named as the author of the initiative, not as a speaker
    ("In his speech Aleksandr Lukashenko described the initiative", "quote", LUKASHENKO),
    ("“You know, all of us speak Russian", "quote", LUKASHENKO),
    ("Aleksandr Lukashenko emphasised that he has always said", "quote", LUKASHENKO),
    ("The President remarked that he is rejoiced", "quote", LUKASHENKO),
    ("“But more needs to be done.", "quote", LUKASHENKO),
    ("On expansion of the CIS", "heading", ()),
    ("Speaking about expanding the CIS zone of influence", "quote", LUKASHENKO),
    ("Belarus has always supported the alignment", "quote", LUKASHENKO),
    ("The President of Belarus is confident that partners", "quote", LUKASHENKO),
    ("Aleksandr Lukashenko highlighted the new trend", "quote", LUKASHENKO),
    ("“There is no doubt that these are organisations of the future.", "quote", LUKASHENKO),
    ("On the situation in the world", "heading", ()),
    # no attribution of its own: the last speaker's; Mirziyoyev inside is only a mention
    ("“I should say that the situation is changing catastrophically fast.", "quote", LUKASHENKO),
    ("The Head of State remarked that in response to economic pressure", "quote", LUKASHENKO),
    # opens a quote whose attribution ("the Belarusian leader is sure") comes a paragraph later
    ("“And then Russia has shaken itself", "quote", LUKASHENKO),
    ("If we put a stop to these Western horrors", "quote", LUKASHENKO),
    ("On the value of the CIS format", "heading", ()),
    ("“Thanks to our common commitment,", "quote", LUKASHENKO),
    ("Aleksandr Lukashenko noted that the partners have done a lot", "quote", LUKASHENKO),
    ("The Head of State urged to preserve the unique formats", "quote", LUKASHENKO),
    ("“It is also essential to prevent provocations", "quote", LUKASHENKO),
    ("On interregional co-operation", "heading", ()),
    # "Shavkat Miromonovich [...] said it right today" is inside Lukashenko's quote
    ("The Head of State mentioned with satisfaction", "quote", LUKASHENKO),
    ("It is our unconditional potential that is in demand.", "quote", LUKASHENKO),  # 2nd half
    ("A bilateral meeting of President of Belarus", "narration", ()),  # a meeting held
    ("It was noted that trade is on the up", "narration", ()),  # passive: noted by nobody named
    ("Aleksandr Lukashenko and Shavkat Mirziyoyev thrashed out", "narration", ()),
    ("It was agreed to hold a meeting", "narration", ()),
    ("Interregional contacts are also important. Shavkat Mirziyoyev proposed", "quote", MIRZIYOYEV),
    ("The Presidents also touched upon youth policy", "narration", ()),
    ("Aleksandr Lukashenko and Shavkat Mirziyoyev discussed in detail", "narration", ()),
    ("The two leaders described their meeting", "quote", LUKASHENKO + MIRZIYOYEV),
    ("A number of decisions were made", "narration", ()),
    ("A decision was made in favour of awarding", "narration", ()),
    ("Participants of the summit discussed and passed", "narration", ()),
    ("Other documents passed by the summit participants", "narration", ()),
    ("The Heads of State instituted a medal", "narration", ()),
    ("The city of Samarkand has been declared", "narration", ()),
    ("The foreign ministers of the CIS states in Bishkek adopted a statement", "narration", ()),
    ("The foreign ministers of the Republic of Armenia", "quote", MINISTERS),  # "express concern"
    ("The foreign ministers strongly condemn", "quote", MINISTERS),
    ("The statement expresses concern", "quote", MINISTERS),  # their statement speaks for them
    ("The foreign ministers also call on the parties", "quote", MINISTERS),
    ("In addition, they emphasised", "quote", MINISTERS),
]

# An arrival report: nobody speaks in it at all.
SEED_000 = [
    ("Alexander Lukashenko arrived in Tajikistan on October 9", "narration", ()),
    ("Our President arrived in Dushanbe this evening.", "narration", ()),
    ("The leaders of the CIS countries will approve a concept", "narration", ()),
    ("On October 10, Lukashenko, Putin, Aliyev, Pashinyan", "narration", ()),
    ("The summit agenda seems to be more military-oriented.", "narration", ()),
    ("CIS Foreign Ministers Hold Talks in Dushanbe", "heading", ()),
    ("On October 9, the CIS foreign ministers completed", "narration", ()),
    ("On October 10, at the CIS summit, the heads of state will review", "narration", ()),
    ("Several of these documents relate to counterterrorism", "narration", ()),
]


def _normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("name", "expected"), [
    ("004_01a1bb049021b88e.txt", SEED_004),
    ("000_3f6577e4e86ac029.txt", SEED_000),
])
def test_every_passage_has_exactly_the_expected_kind_and_speakers(tagger, name, expected):
    article = tagger.tag_file(CORPUS / name)
    actual = [(p.text, p.kind, p.speakers) for p in article.passages]
    assert len(actual) == len(expected)
    for (text, kind, speakers), (prefix, want_kind, want_speakers) in zip(actual, expected, strict=True):
        assert _normalised(text).startswith(_normalised(prefix)), (text[:80], prefix)
        assert (kind, speakers) == (want_kind, want_speakers), text[:80]


def test_seed_004_article_facts(tagger):
    article = tagger.tag_file(CORPUS / "004_01a1bb049021b88e.txt")
    assert article.title == "Time for a powerful consolidation"
    assert article.source == "BelTA"  # from the photo credit "BELTA"
    assert article.summit.id == "2023-bishkek"  # "Bishkek" named, no date: one candidate
    assert article.date == dt.date(2023, 10, 13)  # the summit's date
    assert article.problems == ()


def test_seed_000_article_facts(tagger):
    article = tagger.tag_file(CORPUS / "000_3f6577e4e86ac029.txt")
    assert article.date == dt.date(2025, 10, 9)  # "date 2025-10-09" glued to the first sentence
    assert article.summit.id == "2025-dushanbe"  # Dushanbe 2018 is too far from that date
    assert article.title == "Alexander Lukashenko arrived in Tajikistan on October 9 for a working visit."
    assert article.passages[0].text.startswith("Alexander Lukashenko arrived")
    assert article.source is None


def test_seed_passages_are_exact_slices_of_the_article(tagger):
    for name in ("004_01a1bb049021b88e.txt", "000_3f6577e4e86ac029.txt"):
        article = tagger.tag_file(CORPUS / name)
        text = (CORPUS / name).read_text(encoding="utf-8")
        for passage in article.passages:
            assert text[passage.start:passage.end] == passage.text


def test_mentions_inside_a_quote_and_in_narration(tagger):
    passages = tagger.tag_file(CORPUS / "004_01a1bb049021b88e.txt").passages
    by_start = {_normalised(p.text)[:40]: p for p in passages}
    inner = by_start["“I should say that the situation is chan"]
    assert inner.mentions == ("shavkat-mirziyoyev", "belarus", "uzbekistan")
    initiative = by_start["In his speech Aleksandr Lukashenko descr"]
    assert initiative.mentions == ("kassym-jomart-tokayev", "kazakhstan")
    # "Aliyev" alone resolves by date to Ilham, not Heydar; "Our President" to Lukashenko
    seed_000 = tagger.tag_file(CORPUS / "000_3f6577e4e86ac029.txt").passages
    assert seed_000[3].mentions[:4] == ("aleksandr-lukashenko", "vladimir-putin", "ilham-aliyev", "nikol-pashinyan")
    assert seed_000[1].mentions == ("aleksandr-lukashenko", "tajikistan")


def test_section_heading_and_topics(tagger):
    passages = tagger.tag_file(CORPUS / "004_01a1bb049021b88e.txt").passages
    language = [p for p in passages if p.section == "On a common language\xa0that cannot be lost"]
    assert len(language) == 5
    assert all("language-culture" in p.topics for p in language)
    # The blocks after the last heading's own block stand outside it (BelTA layout)
    ministers = next(p for p in passages if p.text.startswith("The foreign ministers strongly condemn"))
    assert ministers.section is None
    assert ministers.topics == ("security-defence", "conflicts-middle-east")
