"""Russian attribution, one short article written for each rule: exact speakers per body
passage and the sieve that credited them."""

from __future__ import annotations

PUTIN, LUKASHENKO, TOKAYEV = "vladimir-putin", "aleksandr-lukashenko", "kassym-jomart-tokayev"
ALIYEV, RAHMON, LEBEDEV, PESKOV = "ilham-aliyev", "emomali-rahmon", "sergei-lebedev", "dmitry-peskov"
USHAKOV, NAZARBAYEV, LAVROV = "yuri-ushakov", "nursultan-nazarbayev", "sergei-lavrov"
NONE: tuple[str, ...] = ()


def speakers(article) -> list[tuple[str, ...]]:
    return [p.speakers for p in article.passages if p.is_body]


def sieves(article) -> list[tuple[str, ...]]:
    return [p.credited_by for p in article.passages if p.is_body]


def test_a_transcript_label_with_an_initial_opens_a_turn(tag_text):
    article = tag_text("date: 2021-10-15\n\nВ.Путин: Уважаемые коллеги, рад видеть всех вас здесь.\n\n"
                       "Мы обсудим сегодня много вопросов нашей повестки.\n")
    assert speakers(article) == [(PUTIN,), (PUTIN,)]
    assert sieves(article)[0] == ("transcript_label",)


def test_a_subject_before_the_verb_is_the_speaker(tag_text):
    article = tag_text("date: 2025-10-10\n\nПрезидент Белоруссии Александр Лукашенко заявил, "
                       "что странам Содружества нужно держаться вместе.\n")
    assert speakers(article) == [(LUKASHENKO,)]
    assert sieves(article) == [("ru_cue_name",)]


def test_an_oblique_name_is_never_the_subject(tag_text):
    article = tag_text("date: 2013-10-25\n\nПрезидент Александр Лукашенко поздравил Президента Азербайджана "
                       "Ильхама Алиева с победой на выборах и пожелал ему успехов.\n")
    assert speakers(article) == [(LUKASHENKO,)]


def test_a_declined_name_after_a_preposition_is_not_the_subject(tag_text):
    article = tag_text("date: 2025-10-10\n\nНа встрече с Лукашенко обсудили торговлю, а затем "
                       "гости отметили красоту города.\n")
    assert speakers(article) == [NONE]


def test_the_speaker_after_the_verb_following_a_quote(tag_text):
    article = tag_text("date: 2011-09-03\n\n«Мы должны укреплять наше сотрудничество во всех сферах», — "
                       "сказал Рахмон на заседании.\n")
    assert speakers(article) == [(RAHMON,)]


def test_a_role_and_a_time_between_the_verb_and_the_name(tag_text):
    article = tag_text("date: 2011-09-03\n\nПредседательство перейдёт к Туркменистану, сообщил в субботу "
                       "глава исполкома СНГ Сергей Лебедев.\n")
    assert speakers(article) == [(LEBEDEV,)]


def test_po_slovam_takes_the_name_in_the_genitive(tag_text):
    article = tag_text("date: 2005-08-26\n\nПо словам Путина, Содружеству нужны новые формы работы.\n")
    assert speakers(article) == [(PUTIN,)]


def test_po_ego_slovam_and_a_pronoun_after_a_quote_follow_the_last_speaker(tag_text):
    article = tag_text(
        "date: 2025-10-10\n\nПрезидент Белоруссии Александр Лукашенко выступил на саммите и заявил, "
        "что мир важнее всего.\n\n"
        "По его словам, безопасность должна быть приоритетом.\n\n"
        "«Мы не должны допустить втягивания наших стран в авантюры», — отметил он.\n")
    assert speakers(article) == [(LUKASHENKO,), (LUKASHENKO,), (LUKASHENKO,)]
    assert sieves(article)[1:] == [("ru_cue_pronoun",), ("ru_cue_pronoun",)]


def test_the_head_of_state_is_the_president_who_spoke_last(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\nПрезидент Беларуси Александр Лукашенко выступил на заседании и призвал "
        "оценивать ситуацию критичнее.\n\n"
        "«Главной целью было не допустить разрыва связей», – сказал Глава государства.\n\n"
        "«Это не устраивает наших конкурентов», – продолжил свое выступление белорусский лидер.\n")
    assert speakers(article) == [(LUKASHENKO,)] * 3
    assert sieves(article)[1:] == [("ru_cue_role",), ("ru_cue_role",)]


def test_a_president_by_country_resolves_by_the_date(tag_text):
    article = tag_text("date: 2022-10-14\n\n«Благодарю всех за поддержку наших инициатив», - сказал "
                       "президент Казахстана.\n")
    assert speakers(article) == [(TOKAYEV,)]


def test_kremlin_spokesman_and_cis_secretary_general(tag_text):
    article = tag_text(
        "date: 2023-12-01\n\nПредставитель Кремля Дмитрий Песков уточнил, что саммит будет рабочим.\n\n"
        "Генсек СНГ отметил, что торговля растёт.\n")
    assert speakers(article) == [(PESKOV,), (LEBEDEV,)]


def test_an_aide_cited_through_so_ssylkoy_na(tag_text):
    article = tag_text("date: 2018-09-27\n\nКак сообщает Интерфакс со ссылкой на помощника российского лидера "
                       "Юрия Ушакова, в четверг запланирован ужин.\n")
    assert speakers(article) == [(USHAKOV,)]


def test_an_agency_that_reports_credits_nobody(tag_text):
    article = tag_text("date: 2018-09-27\n\nКак сообщает Интерфакс, в четверг запланирован ужин. "
                       "Ранее сообщалось, что Путин проведёт переговоры в октябре.\n")
    assert speakers(article) == [NONE]


def test_dash_speech_continues_in_the_next_paragraph(tag_text):
    article = tag_text(
        "date: 2014-10-10\n\nНурсултан Назарбаев отметил плодотворность встречи.\n\n"
        "- Документы закладывают хорошую базу для сотрудничества, - сказал Президент Казахстана.\n\n"
        "- Необходимо наращивать взаимодействие по всем направлениям.\n")
    assert speakers(article) == [(NAZARBAYEV,)] * 3
    assert sieves(article)[2] == ("last_speaker",)


def test_a_name_inside_dash_speech_is_a_mention(tag_text):
    article = tag_text(
        "date: 2022-10-14\n\nКасым-Жомарт Токаев выразил признательность гостям.\n\n"
        "– Сегодня в нашем заседании участвует Президент Туркменистана Сердар Бердымухамедов, – "
        "сказал глава государства.\n")
    assert speakers(article) == [(TOKAYEV,), (TOKAYEV,)]


def test_low_nine_quotes_carry_speech(tag_text):
    article = tag_text("date: 2020-12-18\n\n„Это уже история и прошлое для нас всех“, – заявил Ильхам Алиев.\n")
    assert speakers(article) == [(ALIYEV,)]


def test_an_unlisted_person_is_an_unknown_speaker_remembered_by_surname(tag_text):
    article = tag_text(
        "date: 2021-12-28\n\nТокаев прибыл в Санкт-Петербург. Об этом сообщил пресс-секретарь Токаева "
        "Берик Уали.\n\n«Лидеры обсудят итоги работы Содружества», – написал Уали.\n")
    assert speakers(article) == [("unknown-berik-uali",), ("unknown-berik-uali",)]
    assert sieves(article) == [("ru_cue_unknown",), ("ru_cue_unknown",)]


def test_an_organisation_in_capitals_is_not_an_unknown_person(tag_text):
    article = tag_text("date: 2021-12-28\n\nСовет Безопасности заявил, что встреча пройдёт в срок.\n")
    assert speakers(article) == [NONE]


def test_ob_etom_credits_the_paragraph_before(tag_text):
    article = tag_text(
        "date: 2020-12-18\n\nРазговор о конфликте уже можно вести в прошедшем времени.\n\n"
        "Об этом заявил в пятницу Президент Азербайджана Ильхам Алиев на заседании.\n")
    assert speakers(article) == [(ALIYEV,), (ALIYEV,)]
    assert sieves(article) == [("ru_about_this",), ("ru_cue_name",)]


def test_a_pull_quote_line_credits_the_paragraph_above(tag_text):
    article = tag_text(
        "date: 2023-12-01\n\nПесков уточнил, что контакты пока не запланированы.\n\n"
        "Это будет рабочее мероприятие с рабочей повесткой дня.\n\n"
        "Дмитрий Песков, официальный представитель Кремля\n")
    assert speakers(article)[:2] == [(PESKOV,), (PESKOV,)]
    assert sieves(article)[1] == ("attribution_line",)


def test_a_quote_after_a_colon_is_the_person_named_before_it(tag_text):
    article = tag_text("date: 2003-09-18\n\nВ правоте коллег заставляет усомниться реплика Александра "
                       "Лукашенко: «если документ подпишут без изъятий, считайте это результатом».\n")
    assert speakers(article) == [(LUKASHENKO,)]
    assert sieves(article) == [("ru_colon_quote",)]


def test_a_plural_verb_credits_both_subjects(tag_text):
    article = tag_text("date: 2022-10-14\n\nПутин и Токаев заявили, что сотрудничество будет расти.\n")
    assert speakers(article) == [(PUTIN, TOKAYEV)]


def test_a_group_subject_after_the_verb(tag_text):
    article = tag_text("date: 2015-05-08\n\nЗа эту дату высказались остальные лидеры государств.\n")
    assert speakers(article) == [("heads-of-state",)]


def test_confirming_participation_or_discussing_is_not_speech(tag_text):
    article = tag_text("date: 2018-09-27\n\nУчастие в саммите подтвердили президенты Азербайджана и "
                       "Белоруссии. Путин и Рахмон обсудили торговлю.\n")
    assert speakers(article) == [NONE]


def test_english_cues_do_not_fire_on_russian_text_nor_russian_on_english(tag_text):
    russian = tag_text("lang: ru\ndate: 2024-10-08\n\nPutin said, что встреча важна для всех нас.\n")
    english = tag_text("date: 2024-10-08\n\nПутин заявил that the meeting mattered to everyone there.\n")
    assert speakers(russian) == [NONE]
    assert speakers(english) == [NONE]


def test_a_former_or_deputy_office_is_not_the_office_holder(tag_text):
    article = tag_text("date: 2022-10-14\n\nБывший президент Киргизии заявил, что саммит важен. "
                       "Заместитель председателя правительства России сказал, что документы готовы.\n")
    assert speakers(article) == [NONE]


def test_another_given_name_before_a_listed_surname_is_somebody_else(tag_text):
    article = tag_text("date: 2022-10-14\n\nВиктор Лукашенко заявил, что визит прошёл успешно.\n")
    assert speakers(article) == [("unknown-viktor-lukashenko",)]


def test_a_title_before_the_name_in_a_transcript_label(tag_text):
    article = tag_text("date: 2023-10-13\n\nПрезидент Садыр Жапаров: Слово для выступления предоставляется "
                       "нашему гостю.\n")
    assert speakers(article) == [("sadyr-japarov",)]


def test_third_person_narration_ends_a_transcript_turn_and_announces_the_next_speech(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\nПрезидент Садыр Жапаров: Слово для выступления предоставляется гостю.\n\n"
        "Президент Азербайджана Ильхам Алиев выступил на заседании.\n\n"
        "-Уважаемые главы государств, прежде всего хотел бы поблагодарить хозяев саммита.\n")
    assert speakers(article) == [("sadyr-japarov",), NONE, (ALIYEV,)]


def test_an_unlisted_press_secretary_after_his_title_and_its_genitive(tag_text):
    article = tag_text(
        "date: 2022-10-07\n\nЖапаров не приедет на саммит. Об этом сообщил пресс-секретарь президента "
        "Кыргызстана Эрбол Султанбаев.\n\n«Решение принято из-за рабочего графика», - сказал Султанбаев.\n")
    assert speakers(article) == [("unknown-erbol-sultanbayev",)] * 2


def test_an_organisation_after_the_verb_does_not_hide_the_speaker_further_on(tag_text):
    article = tag_text("date: 2025-10-10\n\nСНГ остаётся нужной структурой. Об этом заявил на заседании Совета "
                       "глав государств Содружества президент Узбекистана Шавкат Мирзиёев.\n")
    assert speakers(article) == [("shavkat-mirziyoyev",)]


def test_a_quotation_signed_with_a_name(tag_text):
    article = tag_text("date: 2025-10-10\n\n\"Поздравляю коллегу с этой важной и почетной миссией\".Касым-Жомарт "
                       "Токаев\n")
    assert speakers(article) == [(TOKAYEV,)]
    assert sieves(article) == [("attribution_line",)]


def test_verbs_that_speak_only_with_content(tag_text):
    article = tag_text(
        "date: 2025-10-10\n\nПрезидент Казахстана обратился к лидеру Туркменистана.\n\n"
        "Президент Казахстана обратился к коллегам с призывом беречь Содружество.\n\n"
        "Путин подтвердил, что саммит состоится. Лидеры подтвердили участие.\n\n"
        "Токаев приветствовал участников саммита. Затем Токаев приветствовал решение о председательстве.\n")
    assert speakers(article) == [NONE, (TOKAYEV,), (PUTIN,), (TOKAYEV,)]
