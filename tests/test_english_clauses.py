"""English sentences whose speaker stands away from the plain "X said": a participle adjunct,
a verb of telling that ends its sentence after whom and when, "according to Mr X", a cut in a
transcript, the nine presidents. One short article each, exact speakers per body passage."""

from __future__ import annotations

import pytest

from .test_sieves import LUKASHENKO, MEDVEDEV, NONE, PUTIN, sieves, speakers

LEBEDEV, PRIKHODKO = "sergei-lebedev", "sergei-prikhodko"


def test_a_participle_adjunct_has_its_sentences_subject(tag_text):
    article = tag_text("date: 2008-06-06\n\nPresident Dmitry Medvedev met on Friday with leaders of the CIS, a "
                       "loose alliance of former Soviet republics, trying to keep exports under Moscow's control "
                       "while warning his counterparts against joining NATO.\n")
    assert speakers(article) == [(MEDVEDEV,)]


def test_a_participle_whose_subject_does_not_open_the_sentence_credits_nobody(tag_text):
    # Medvedev is the subject of "said", not the first word: the participle's subject is unclear
    article = tag_text("date: 2008-06-06\n\nAfter talks, officials said Medvedev had left the hall for a dinner with "
                       "many guests from abroad, warning of a storm.\n")
    assert MEDVEDEV not in speakers(article)[0]


@pytest.mark.parametrize("sentence", [
    "Vladimir Putin arrived in Minsk on Friday as thousands of protesters gathered outside, warning that the "
    "election had been rigged.",  # a clause of its own: the protesters warned
    "Vladimir Putin met opposition figures who had been jailed for months, saying nothing in public.",
    "Vladimir Putin was sharply criticised by Western governments for the crackdown, arguing that it was illegal.",
    "Putin spoke in Ashgabat while warning lights flashed on the stage.",  # "warning lights": no speech
])
def test_a_participle_after_a_clause_of_its_own_or_a_passive_credits_nobody(tag_text, sentence):
    assert speakers(tag_text(f"date: 2020-08-14\n\n{sentence}\n")) == [NONE]


def test_told_reporters_following_the_summit_ends_the_sentence_it_reports(tag_text):
    # "are certain that" reports too; the one who told reporters is the speaker
    article = tag_text("date: 2017-10-11\n\nThe member countries regret the absence of one delegation but are "
                       "certain that it will return, CIS Executive Secretary Sergei Lebedev told reporters "
                       "following the summit.\n")
    assert speakers(article) == [(LEBEDEV,)]


def test_according_to_mr_surname(tag_text):
    article = tag_text("date: 2004-09-16\n\nThe Russian president's aide Sergei Prikhodko told reporters the agenda "
                       "had changed.\n\nThe leaders are expected to sign a statement on terrorism, according to "
                       "Mr Prikhodko.\n")
    assert speakers(article) == [(PRIKHODKO,), (PRIKHODKO,)]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Lebedev did not rule out that informal meetings could be held before the summit.", LEBEDEV),
    ("Putin made only passing reference to a package of measures.", PUTIN),
])
def test_more_speech_acts(tag_text, sentence, speaker):
    assert speakers(tag_text(f"date: 2021-12-22\n\n{sentence}\n")) == [(speaker,)]


@pytest.mark.parametrize("marker", ["<…>", "[...]", "* * *"])
def test_a_cut_in_a_transcript_keeps_the_speaker(tag_text, marker):
    article = tag_text(f"date: 2024-10-08\n\nPresident of Russia Vladimir Putin: Colleagues, welcome to Moscow.\n\n"
                       f"{marker}\n\nThe CIS macroeconomic numbers have noticeably improved.\n")
    assert speakers(article) == [(PUTIN,), (PUTIN,)]
    assert sieves(article)[1] == ("transcript_label",)


def test_a_heading_after_a_transcript_still_ends_the_turn(tag_text):
    article = tag_text("date: 2024-10-08\n\nPresident of Russia Vladimir Putin: Colleagues, welcome to Moscow.\n\n"
                       "Other news\n\nThe CIS macroeconomic numbers have noticeably improved.\n")
    assert speakers(article) == [(PUTIN,), NONE]


def test_the_nine_presidents_are_the_heads_of_state(tag_text):
    article = tag_text("date: 2008-10-10\n\nThe nine presidents to attend the meeting jointly called for common "
                       "economic goals.\n")
    assert speakers(article) == [("heads-of-state",)]


def test_a_second_clauses_verb_of_telling_does_not_swallow_the_first(tag_text):
    article = tag_text("date: 2024-10-08\n\nTokayev condemned the attack, and Mirziyoyev warned in Tashkent.\n\n"
                       "Lukashenko criticised the sanctions, while Putin told reporters in Minsk.\n")
    assert speakers(article) == [("kassym-jomart-tokayev", "shavkat-mirziyoyev"), (LUKASHENKO, PUTIN)]
