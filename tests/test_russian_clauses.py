"""Russian sentences whose speaker sits outside the plain "subject + verb of saying": a relative
clause, a verb that closes a quotation, scare quotes and a pronoun between the name and the verb,
a title with the country inside, a printed speech under its heading. One short article each,
exact speakers per body passage."""

from __future__ import annotations

import pytest

from .test_russian_attribution import LAVROV, LUKASHENKO, NONE, PUTIN, sieves, speakers

KUCHMA, SHEVARDNADZE = "leonid-kuchma", "eduard-shevardnadze"
LEBEDEV, SARGSYAN = "sergei-lebedev", "serzh-sargsyan"


def test_a_relative_clause_credits_the_name_before_its_comma(tag_text):
    article = tag_text("date: 2003-06-02\n\nПрезидент Грузии Эдуард Шеварднадзе опроверг слова украинского коллеги "
                       "Леонида Кучмы, который заявил журналистам, что соглашение подписано.\n")
    assert speakers(article) == [(SHEVARDNADZE, KUCHMA)]


def test_a_verb_closing_a_quotation_credits_the_speaker_and_not_the_people_he_reports(tag_text):
    article = tag_text("date: 2008-10-10\n\nЛидеры стран СНГ говорили о том, что \"двери для всех открыты\", "
                       "подтвердил журналистам исполнительный секретарь Содружества Сергей Лебедев.\n")
    assert speakers(article) == [(LEBEDEV,)]


def test_a_word_in_scare_quotes_between_the_verb_and_the_speaker(tag_text):
    article = tag_text("date: 2009-10-09\n\nКак заявил «хозяин» встречи президент России Дмитрий Медведев, главам "
                       "государств предстоит обсудить безопасность.\n")
    assert speakers(article) == [("dmitry-medvedev",)]


def test_a_pronoun_is_the_one_subject_named_before_it_in_its_sentence(tag_text):
    article = tag_text("date: 2025-10-10\n\nАлиев и Пашинян сидели рядом. Лукашенко сидел справа от хозяина, "
                       "обращаясь к Алиеву он сказал:\n\n«Вы ведь переживали, а я говорил, что все приедут».\n")
    assert speakers(article)[0] == (LUKASHENKO,)


def test_a_pronoun_after_two_subjects_stays_unresolved(tag_text):
    article = tag_text("date: 2025-10-10\n\nАлиев и Пашинян сидели рядом. Путин и Токаев вошли в зал, и он "
                       "сказал, что все готово.\n")
    assert speakers(article) == [NONE]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Глава российского внешнеполитического ведомства напомнил, что главная тема встречи - кризис.", LAVROV),
    ("Глава РФ ответил, что почтет за честь принять председательство.", PUTIN),
])
def test_titles_that_name_the_country_inside_them(tag_text, sentence, speaker):
    assert speakers(tag_text(f"date: 2016-09-17\n\n{sentence}\n")) == [(speaker,)]


def test_the_head_of_a_delegation_is_no_president(tag_text):
    assert speakers(tag_text("date: 2016-09-17\n\nГлава делегации Армении сказал, что доволен.\n")) == [NONE]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("\"Встреча прошла конструктивно\", - подытожил переговоры белорусский президент Александр Лукашенко.",
     LUKASHENKO),
    ("Сегодня на саммите Путин подвёл итоги председательства.", PUTIN),
    ("«Вы принимаете председательство?», - спросил Лукашенко.", LUKASHENKO),
    ("Президент России Владимир Путин коснулся вопросов энергетики.", PUTIN),
])
def test_more_speech_acts(tag_text, sentence, speaker):
    assert speakers(tag_text(f"date: 2024-12-26\n\n{sentence}\n")) == [(speaker,)]


@pytest.mark.parametrize("sentence", [
    "Лидеры стран Содружества подвели итоги председательства.",  # the meeting's results, not a speech
    "Путин коснулся рукой флага.",
])
def test_summing_up_together_or_touching_is_not_speech(tag_text, sentence):
    assert speakers(tag_text(f"date: 2024-12-26\n\n{sentence}\n")) == [NONE]


def test_the_president_is_the_head_of_state_this_paragraph_already_credited(tag_text):
    article = tag_text("date: 2006-11-28\n\nПрезидент Украины Виктор Ющенко провел переговоры с Владимиром "
                       "Путиным.\n\nПо словам Ющенко, надежды исполнились не все. В то же время президент считает, "
                       "что в Минске принят ряд решений.\n")
    assert speakers(article) == [NONE, ("viktor-yushchenko",)]


def test_a_printed_speech_under_its_russian_heading(tag_text):
    article = tag_text("date: 2017-10-11\n\nВыступление Президента Сержа Саргсяна на заседании Совета глав "
                       "государств СНГ\n\nУважаемые главы государств!\n\nХочу поблагодарить Вас за теплый прием.\n\n"
                       "После выступления Серж Саргсян покинул зал заседаний.\n")  # narration about him ends it
    assert speakers(article) == [(SARGSYAN,), (SARGSYAN,), NONE]
    assert sieves(article)[1] == ("speech_heading",)


def test_a_sentence_about_a_statement_is_no_heading(tag_text):
    article = tag_text("date: 2017-10-11\n\nЗаявление Лукашенко на саммите вызвало споры.\n\n"
                       "Мы считаем, что это важно.\n")
    assert speakers(article) == [NONE, NONE]


def test_both_leaders_are_the_two_last_named(tag_text):
    article = tag_text("date: 2001-06-01\n\nМного надежд возлагалось на переговоры Путина и Шеварднадзе. Оба лидера "
                       "сказали, что надежда остается.\n")
    assert speakers(article) == [(PUTIN, "eduard-shevardnadze")]


def test_a_conviction_after_what_was_said(tag_text):
    article = tag_text("date: 2015-10-16\n\nСитуация в Афганистане близка к критической, уверен президент России "
                       "Владимир Путин.\n")
    assert speakers(article) == [(PUTIN,)]


def test_answering_questions_is_narration(tag_text):
    article = tag_text("date: 2016-09-17\n\nПеред отлётом из Бишкека Владимир Путин ответил на вопросы российских "
                       "журналистов.\n")
    assert speakers(article) == [NONE]


def test_a_printed_speech_goes_on_through_first_person_verbs_and_a_declined_title(tag_text):
    # "Хотел бы", "вижу" need no pronoun; "под руководством Президента" is not narration about the speaker
    article = tag_text("date: 2017-10-11\n\nВыступление Президента Сержа Саргсяна\n\n"
                       "-Уважаемые коллеги, добрый день.\n\n"
                       "Хотел бы поздравить страну с успехами, достигнутыми под руководством Президента.\n\n"
                       "Неоднократно бывая в этом городе, вижу, как стремительно развивается столица.\n")
    assert speakers(article) == [(SARGSYAN,), (SARGSYAN,), (SARGSYAN,)]


@pytest.mark.parametrize("headline", [
    "Заявление Лукашенко на саммите СНГ вызвало споры",  # a sentence about the statement: a verb
    "Речь Лукашенко на саммите СНГ: главное",  # a colon inside the line
    "Обращение Лукашенко к лидерам СНГ осталось без ответа",
])
def test_a_headline_about_a_speech_is_no_speech_heading(tag_text, headline):
    article = tag_text(f"date: 2019-10-11\n\n{headline}\n\nСаммит прошел в Ашхабаде, сообщили организаторы.\n\n"
                       "Эксперты разошлись в оценках итогов встречи.\n")
    assert speakers(article) == [NONE, NONE]


def test_whom_journalists_asked_is_not_the_speaker(tag_text):
    assert speakers(tag_text("date: 2019-10-11\n\nЖурналисты спросили Лукашенко, приедет ли он на саммит.\n")) == [NONE]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Путин, уверен политолог Андрей Суздальцев, не пойдет на уступки.", "unknown-andrey-suzdaltsev"),
    ("Лукашенко, уверены эксперты, приедет на саммит.", None),  # the experts: nobody listed
])
def test_a_conviction_in_commas_is_whoever_follows_it(tag_text, sentence, speaker):
    assert speakers(tag_text(f"date: 2019-10-11\n\n{sentence}\n")) == [(speaker,) if speaker else NONE]


def test_both_leaders_are_the_last_two_leaders_not_an_aide_named_between(tag_text):
    article = tag_text("date: 2025-10-10\n\nПутин встретился с Токаевым, рассказал журналистам Дмитрий Песков.\n\n"
                       "Оба лидера заявили, что довольны.\n")
    assert speakers(article)[1] == (PUTIN, "kassym-jomart-tokayev")


def test_po_slovam_ministra_after_another_minister_credits_nobody(tag_text):
    article = tag_text("date: 2019-10-11\n\nЛавров встретился с коллегами. Затем министр финансов Антон Силуанов "
                       "провел встречу. По словам министра, всё идет по плану.\n")
    assert speakers(article) == [NONE]


def test_a_third_person_wish_ends_a_printed_speech(tag_text):
    article = tag_text("date: 2015-05-08\n\nПутин сказал:\n\n- Уважаемые коллеги, добро пожаловать.\n\n"
                       "Назарбаев хотел бы, чтобы следующий саммит прошел в Астане.\n")
    assert PUTIN not in speakers(article)[2]


def test_the_speakers_own_declined_name_ends_a_transcript_turn(tag_text):
    article = tag_text("date: 2015-05-08\n\nВ.Путин: Уважаемые коллеги, добро пожаловать.\n\n"
                       "По окончании выступления Путина слово взял Алиев.\n")
    assert speakers(article) == [(PUTIN,), NONE]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Глава Армении ответил на этот вопрос так: «Посмотрим».", "nikol-pashinyan"),  # who leads it at summits
])
def test_the_head_of_a_parliamentary_republic_is_its_leader(tag_text, sentence, speaker):
    assert speakers(tag_text(f"date: 2019-10-11\n\n{sentence}\n")) == [(speaker,)]
