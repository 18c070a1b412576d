"""Russian attribution of officials nobody listed, and of speech acts that name no verb of
saying: one short article written for each rule, exact speakers per body passage."""

from __future__ import annotations

import pytest

from .test_russian_attribution import LAVROV, LUKASHENKO, NONE, PUTIN, TOKAYEV, sieves, speakers

ENVOY = "unknown-nasirdzhan-yusupov"
DIRECTOR = "unknown-bolotbek-mukashev"


def test_an_unlisted_official_after_a_long_title_is_the_speaker(tag_text):
    article = tag_text("date: 2019-09-25\n\nУзбекистан представит концепцию председательства на саммите СНГ. Об этом "
                       "сообщил сегодня журналистам Чрезвычайный и Полномочный Посол Узбекистана в Беларуси "
                       "Насирджан Юсупов перед началом заседания.\n")
    assert speakers(article) == [(ENVOY,)]
    assert sieves(article) == [("ru_cue_unknown",)]


def test_the_same_official_by_surname_in_an_oblique_case_and_by_pronoun(tag_text):
    article = tag_text(
        "date: 2016-09-13\n\nПрезиденты шести стран подтвердили участие в саммите СНГ, сообщил журналистам директор "
        "департамента Министерства иностранных дел КР Болотбек Мукашев.\n\n"
        "По словам Мукашева, подтвердили участие Владимир Путин и Александр Лукашенко.\n\n"
        "По его словам, в год председательства в стране прошло около десяти мероприятий.\n")
    assert speakers(article) == [(DIRECTOR,), (DIRECTOR,), (DIRECTOR,)]


def test_a_name_after_the_comma_of_po_slovam_is_what_was_said(tag_text):
    # "по словам министра, график президента …": the president is in the content, not the speaker
    article = tag_text("date: 2009-10-09\n\nГлава МИД России Сергей Лавров ответил на вопросы журналистов. По словам "
                       "министра, график работы президента зависит от вопросов, которые ему нужно решить.\n")
    assert PUTIN not in speakers(article)[0] and "dmitry-medvedev" not in speakers(article)[0]
    assert speakers(article) == [(LAVROV,)]


def test_po_informatsii_credits_the_person_it_names(tag_text):
    article = tag_text("date: 2023-10-10\n\nПо информации Президента Садыра Жапарова, на саммите будут приняты "
                       "важные решения.\n")
    assert speakers(article) == [("sadyr-japarov",)]


def test_a_leader_whose_office_an_unnamed_official_serves_is_not_the_speaker(tag_text):
    # the department head speaks; "Президента Садыра Жапарова" only says whose administration it is
    article = tag_text("date: 2023-10-10\n\nПо информации заведующего отделом Администрации Президента Садыра "
                       "Жапарова, на саммите будут приняты важные решения.\n")
    assert speakers(article) == [NONE]


def test_an_unlisted_official_in_the_genitive_is_named_in_the_nominative(tag_text):
    article = tag_text(
        "date: 2023-10-10\n\nПо информации заведующего отделом внешней политики Администрации Президента КР "
        "Айбека Сулейменова, на саммите будут приняты важные решения.\n\n"
        "Сулейменов добавил, что подготовка к встрече завершена.\n")
    assert speakers(article) == [("unknown-aybek-suleymenov",), ("unknown-aybek-suleymenov",)]
    assert sieves(article)[0] == ("ru_cue_unknown",)


def test_an_acting_presidents_title_does_not_end_the_sentence(tag_text):
    article = tag_text("date: 2009-10-09\n\n«Я всегда говорю правду», – сказал и.о. президента Молдавии "
                       "Михай Гимпу, отвечая на вопросы журналистов.\n")
    assert speakers(article) == [("mihai-ghimpu",)]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Путин объяснил, почему саммит пройдет в конце декабря.", PUTIN),
    ("Президент России Владимир Путин пригласил лидеров СНГ на неформальную встречу.", PUTIN),
    ("Александр Лукашенко отреагировал на слова коллеги шуткой.", LUKASHENKO),
    ("Касым-Жомарт Токаев назвал этот год историческим для Содружества.", TOKAYEV),
    ("С таким предложением на саммите СНГ выступил Александр Лукашенко.", LUKASHENKO),
])
def test_speech_acts_without_a_verb_of_saying(tag_text, sentence, speaker):
    assert speakers(tag_text(f"date: 2025-10-10\n\n{sentence}\n")) == [(speaker,)]


def test_naming_a_thing_is_not_speech(tag_text):
    # "назвал" with a thing and what it was called counts; a plain "назвал имя" is not speech
    assert speakers(tag_text("date: 2025-10-10\n\nПутин назвал имя победителя конкурса.\n")) == [NONE]


def test_a_genitive_plural_reading_is_no_name():
    from indexer.russian_people import nominative

    assert (nominative("Яна", "Ли"), nominative("Ян", "Ли")) == (("Ян", "Ли"), None)
