"""Each attribution rule on a short article written for it (speakers of body passages, exact)."""

from __future__ import annotations

import pytest

PUTIN, TOKAYEV, NAZARBAYEV = "vladimir-putin", "kassym-jomart-tokayev", "nursultan-nazarbayev"
LUKASHENKO, MIRZIYOYEV = "aleksandr-lukashenko", "shavkat-mirziyoyev"


def body_speakers(article) -> list[tuple[str, ...]]:
    return [p.speakers for p in article.passages if p.is_body]


def test_attribution_after_before_and_inside_the_quote(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "“We will build the corridor together,” Vladimir Putin said.\n\n"
        "Kassym-Jomart Tokayev said, “The corridor must serve everyone.”\n\n"
        "“Trade is growing,” the Kazakh President noted, “and it will grow further.”\n"
    )
    assert body_speakers(article) == [(PUTIN,), (TOKAYEV,), (TOKAYEV,)]
    assert [p.kind for p in article.passages] == ["quote", "quote", "quote"]


def test_straight_quote_marks(tag_text):
    article = tag_text('date: 2023-10-13\n\n"We stand together," Aleksandr Lukashenko said.\n')
    assert body_speakers(article) == [(LUKASHENKO,)]


def test_a_leader_quoted_inside_a_quote_stays_a_mention(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "Aleksandr Lukashenko said, “As Vladimir Putin said yesterday, we must act together.”\n"
    )
    (passage,) = article.passages
    assert passage.speakers == (LUKASHENKO,)
    assert passage.mentions == (PUTIN,)


def test_a_quote_running_on_is_credited_in_every_paragraph(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "“The first part of the speech goes here and it is long.\n"
        "The second part continues without any mark of its own.\n"
        "The third part ends it,” Shavkat Mirziyoyev stressed.\n\n"
        "The leaders then had lunch.\n"
    )
    assert body_speakers(article) == [(MIRZIYOYEV,)] * 3 + [()]


def test_one_mark_per_paragraph_style(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "Vladimir Putin said: “We have done much this year for the Commonwealth.\n\n"
        "“And we will do more next year, I am sure of it.”\n"
    )
    assert body_speakers(article) == [(PUTIN,), (PUTIN,)]


def test_an_unclosed_quote_does_not_swallow_the_narration_after_it(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "Vladimir Putin said, “We have done much this year for the Commonwealth.\n\n"
        "The delegations then left for the airport in the evening.\n"
    )
    assert body_speakers(article) == [(PUTIN,), ()]


def test_reported_speech_and_passive_voice(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "Shavkat Mirziyoyev proposed holding a forum of regions next year.\n\n"
        "It was noted that trade had grown by a third.\n\n"
        "Vladimir Putin is convinced that the Commonwealth has a future.\n\n"
        "The proposed treaty was signed by Vladimir Putin.\n"
    )
    assert body_speakers(article) == [(MIRZIYOYEV,), (), (PUTIN,), ()]


def test_quote_without_attribution_belongs_to_the_last_speaker_until_narration(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "Vladimir Putin noted that the economy was growing.\n\n"
        "“We have overcome the difficulties of the past years together.”\n\n"
        "The leaders then visited an exhibition of regional products.\n\n"
        "“This is a quote that nobody in the article could have said.”\n"
    )
    assert body_speakers(article) == [(PUTIN,), (PUTIN,), (), ()]
    assert article.problems == ("passage 3: quote with no resolvable speaker",)


def test_pronouns_follow_the_last_person(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "Kassym-Jomart Tokayev arrived in Bishkek on Thursday.\n\n"
        "He said that the summit would be decisive for the region.\n"
    )
    assert body_speakers(article) == [(), (TOKAYEV,)]


def test_roles_resolve_by_the_article_date(tag_text):
    text = "“Our integration is deepening every year,” the Kazakh President said.\n"
    assert body_speakers(tag_text(f"date: 2018-09-28\n\n{text}")) == [(NAZARBAYEV,)]
    assert body_speakers(tag_text(f"date: 2023-10-13\n\n{text}")) == [(TOKAYEV,)]


def test_surname_alone_is_disambiguated_by_date_or_reported(tag_text):
    dated = tag_text("date: 2002-05-01\n\n“The talks were useful,” Aliyev said.\n")
    assert body_speakers(dated) == [("heydar-aliyev",)]
    undated = tag_text("“The talks were useful for all sides,” Aliyev said.\n")
    assert body_speakers(undated) == [()]
    assert undated.problems == ("passage 0: 'Aliyev' could be heydar-aliyev or ilham-aliyev: not credited",
                                "passage 0: quote with no resolvable speaker")


def test_head_of_state_means_the_outlets_leader(tag_text):
    article = tag_text(
        "source: Kazinform\ndate: 2023-10-13\n\n"
        "Vladimir Putin and Aleksandr Lukashenko arrived at the summit venue.\n\n"
        "The Head of State stressed that the CIS must be preserved.\n"
    )
    assert body_speakers(article) == [(), (TOKAYEV,)]
    assert article.problems == ()


def test_head_of_state_without_an_outlet_is_a_recorded_guess(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "Vladimir Putin arrived at the summit venue.\n\n"
        "The Head of State stressed that the CIS must be preserved.\n"
    )
    assert body_speakers(article) == [(), (PUTIN,)]
    assert article.problems == (
        "passage 1: 'The Head of State' taken to mean vladimir-putin, the last head of state named "
        "(the outlet is unknown)",
    )


def test_dateline_gives_the_outlet(tag_text):
    article = tag_text("MINSK, 13 October 2023 (BelTA) - The President said the CIS must stay united.\n")
    assert article.source == "BelTA"
    assert article.passages[0].speakers == (LUKASHENKO,)


def test_collective_speakers_pairs_and_statements(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "Aleksandr Lukashenko and Shavkat Mirziyoyev met before the summit.\n\n"
        "The two leaders described the talks as productive.\n\n"
        "The foreign ministers strongly condemn any form of terrorism.\n\n"
        "The statement calls on the parties to cease hostilities.\n\n"
        "They also emphasised the role of the United Nations.\n\n"
        "The heads of state will review two dozen documents.\n"
    )
    assert body_speakers(article) == [
        (), (LUKASHENKO, MIRZIYOYEV), ("foreign-ministers",), ("foreign-ministers",),
        ("foreign-ministers",), (),
    ]


def test_inverted_attribution_and_according_to(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "“The agenda is full,” said Vladimir Putin.\n\n"
        "According to Kassym-Jomart Tokayev, the region needs new transport routes.\n"
    )
    assert body_speakers(article) == [(PUTIN,), (TOKAYEV,)]


def test_role_next_to_a_name_joins_the_right_person(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\n"
        "The talks were attended by Aleksandr Lukashenko, President of Uzbekistan Shavkat Mirziyoyev "
        "and others.\n"
    )
    assert article.passages[0].mentions == (LUKASHENKO, MIRZIYOYEV, "uzbekistan")


def test_a_different_given_name_is_somebody_else_never_the_known_person(tag_text):
    article = tag_text("date: 2023-10-13\n\nViktor Lukashenko said that the plant would expand.\n\n"
                       "Yesterday Putin said that the talks went well.\n")
    assert body_speakers(article) == [("unknown-viktor-lukashenko",), (PUTIN,)]
    assert article.problems == ("passage 0: 'Viktor Lukashenko' speaks but is not in people.toml: credited as an "
                                "unknown speaker (add them there)",)


@pytest.mark.parametrize(("day", "role", "person"), [
    ("2019-06-01", "the Kyrgyz President", "sooronbay-jeenbekov"),
    ("2023-10-13", "the Kyrgyz President", "sadyr-japarov"),
    ("2021-12-01", "the Turkmen President", "gurbanguly-berdimuhamedov"),
    ("2022-10-14", "the Turkmen President", "serdar-berdimuhamedov"),
    ("2019-03-01", "the Kazakh President", "nursultan-nazarbayev"),
    ("2019-06-01", "the Kazakh President", "kassym-jomart-tokayev"),
    ("2016-06-01", "the Uzbek President", "islam-karimov"),
    ("2017-06-01", "the Uzbek President", "shavkat-mirziyoyev"),
    ("2018-03-01", "the Armenian Prime Minister", "karen-karapetyan"),
    ("2018-10-01", "the Armenian Prime Minister", "nikol-pashinyan"),
    ("2018-03-01", "the Armenian leader", "serzh-sargsyan"),
    ("2019-01-01", "the Armenian leader", "nikol-pashinyan"),
    ("2010-01-01", "the Russian President", "dmitry-medvedev"),
    ("2005-03-01", "the Executive Secretary of the CIS", "vladimir-rushailo"),
])
def test_roles_follow_the_changes_of_office(tag_text, day, role, person):
    article = tag_text(f"date: {day}\n\n“Cooperation must deepen further,” {role} said.\n")
    assert body_speakers(article) == [(person,)]


def test_transcript_labels_for_questions_and_unknown_people(tag_text):
    article = tag_text("date: 2024-10-08\n\nVladimir Putin: Good afternoon.\n\nQuestion: What about trade?\n\n"
                       "Thank you for the question.\n\nMaria Petrova: I will answer that.\n")
    assert body_speakers(article) == [(PUTIN,), (), (), ("unknown-maria-petrova",)]
