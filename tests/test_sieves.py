"""Each attribution sieve and precision rule on a short article written for it: exact speakers
per body passage, and the sieve that credited them."""

from __future__ import annotations

import pytest

from indexer.attribution import SIEVES, Attributor
from indexer.tagging import Tagger

PUTIN, MEDVEDEV, ALIYEV = "vladimir-putin", "dmitry-medvedev", "ilham-aliyev"
TOKAYEV, MIRZIYOYEV, LUKASHENKO = "kassym-jomart-tokayev", "shavkat-mirziyoyev", "aleksandr-lukashenko"
KARIMOV, SAAKASHVILI, PASHINYAN = "islam-karimov", "mikheil-saakashvili", "nikol-pashinyan"
NONE: tuple[str, ...] = ()


def speakers(article) -> list[tuple[str, ...]]:
    return [p.speakers for p in article.passages if p.is_body]


def sieves(article) -> list[tuple[str, ...]]:
    return [p.credited_by for p in article.passages if p.is_body]


def test_a_possessive_is_not_the_subject(tag_text):
    article = tag_text(
        "date: 2024-12-25\n\nNikol Pashinyan's spokesperson told reporters that the prime minister was unwell.\n")
    assert speakers(article) == [NONE]


def test_the_object_of_a_clause_between_subject_and_cue_is_skipped(tag_text):
    article = tag_text(
        "date: 2024-10-08\n\nRussian President Vladimir Putin, turning to President of Azerbaijan "
        "Ilham Aliyev, said: “We are glad to hear your view.”\n"
    )
    assert speakers(article) == [(PUTIN,)]
    assert sieves(article) == [("cue_name",)]


def test_an_agency_between_a_name_and_said_credits_nobody_for_that_cue(tag_text):
    article = tag_text(
        "date: 2008-06-06\n\n“Our dispute can be settled by talking,” Mikheil Saakashvili "
        "told Dmitry Medvedev, Kommersant said.\n"
    )
    assert speakers(article) == [(SAAKASHVILI,)]


def test_an_unknown_name_next_to_the_cue_beats_a_known_one_far_before_it(tag_text):
    article = tag_text(
        "date: 2014-10-10\n\nNobody in Moscow minds that Nikol Pashinyan stayed at home, "
        "ministry spokesman Ivan Petrov said on Friday.\n"
    )
    assert speakers(article) == [("unknown-ivan-petrov",)]
    assert sieves(article) == [("cue_unknown",)]


def test_he_follows_the_speaker_not_a_person_mentioned_in_passing(tag_text):
    article = tag_text(
        "date: 2014-10-10\n\n"
        "Uzbek President Islam Karimov criticized his Ukrainian counterpart for staying at home. "
        "He said Poroshenko had made a mistake.\n\n"
        "Poroshenko's choice “is not a friendly one”, he told the other leaders.\n"
    )
    assert speakers(article) == [(KARIMOV,), (KARIMOV,)]
    assert sieves(article) == [("cue_name",), ("cue_pronoun",)]


def test_according_to_him_is_the_last_speaker(tag_text):
    article = tag_text(
        "date: 2022-12-26\n\nKassym-Jomart Tokayev stressed the role of trade.\n\n"
        "According to him, the railways must carry twice as much grain.\n"
    )
    assert speakers(article) == [(TOKAYEV,), (TOKAYEV,)]


def test_a_quote_inside_narration_is_not_the_last_speakers(tag_text):
    article = tag_text(
        "date: 2013-10-25\n\n“We expect agreement,” Vladimir Putin said.\n\n"
        "The Kremlin expects the meeting “to settle the budget and the chair for next year.”\n"
    )
    assert speakers(article) == [(PUTIN,), NONE]


def test_a_quote_that_opens_its_paragraph_is_the_last_speakers(tag_text):
    article = tag_text(
        "date: 2013-10-25\n\n“We expect agreement,” Vladimir Putin said.\n\n"
        "“The budget and the chair for next year will be settled tomorrow.”\n"
    )
    assert speakers(article) == [(PUTIN,), (PUTIN,)]
    assert sieves(article) == [("cue_name",), ("last_speaker",)]


def test_a_participial_opener_credits_the_subject_after_it(tag_text):
    article = tag_text(
        "date: 2025-10-10\n\nAddressing the energy session, Kassym-Jomart Tokayev invited his colleagues "
        "to build a common grid.\n"
    )
    assert speakers(article) == [(TOKAYEV,)]
    assert sieves(article) == [("participial_opener",)]


@pytest.mark.parametrize("sentence", [
    "Vladimir Putin reminded the others that the budget was due.",
    "Vladimir Putin made clear that the pace must quicken.",
    "Vladimir Putin, speaking with reporters in Minsk, said little about trade.",
    "As Mr Putin sees it, the CIS has a future.",
    "Vladimir Putin outlined three tasks for the chairmanship.",
])
def test_speech_verbs_seen_in_real_copy(tag_text, sentence):
    assert speakers(tag_text(f"date: 2013-10-25\n\n{sentence}\n")) == [(PUTIN,)]


def test_single_curly_quotes_are_direct_speech_and_apostrophes_are_not(tag_text):
    article = tag_text(
        "date: 2024-12-25\n\n‘I will go if my doctors allow it, and Armenia’s delegation is ready’, "
        "Pashinyan wrote.\n\nThe leaders’ summit opened in the afternoon.\n"
    )
    assert speakers(article) == [(PASHINYAN,), NONE]
    assert [p.kind for p in article.passages] == ["quote", "narration"]


def test_concluded_their_summit_is_not_speech(tag_text):
    article = tag_text("date: 2023-10-13\n\nThe heads of state concluded their summit with a dinner.\n")
    assert speakers(article) == [NONE]


def test_two_subjects_joined_by_and_are_both_credited(tag_text):
    article = tag_text("date: 2023-10-13\n\nVladimir Putin and Aleksandr Lukashenko said the union is strong.\n")
    assert speakers(article) == [(PUTIN, LUKASHENKO)]


def test_a_speech_after_its_heading_goes_on_in_the_first_person_after_a_dash_paragraph(tag_text):
    article = tag_text(
        "date: 2016-09-16\n\nIlham Aliyev addressed the meeting.\n\nSpeech of President Ilham Aliyev\n\n"
        "- Today we set the budget for next year.\n\nDear colleagues.\n\n"
        "I would like to speak about our common market.\n\n"
        "After the meeting, the heads of state posed for a photograph.\n"
    )
    assert speakers(article) == [NONE, (ALIYEV,), (ALIYEV,), (ALIYEV,), NONE]
    assert sieves(article)[1] == ("speech_heading",)


def test_a_paragraph_ending_in_said_colon_introduces_the_speech_that_follows(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\nIn his speech, Shavkat Mirziyoyev said:\n\n"
        "We must finish the free trade zone.\n\nOur exports doubled.\n\n"
        "The summit ended with the signing of documents.\n"
    )
    assert speakers(article) == [(MIRZIYOYEV,), (MIRZIYOYEV,), (MIRZIYOYEV,), NONE]
    assert sieves(article)[1] == ("printed_speech",)


def test_the_text_of_the_speech_follows(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\nAleksandr Lukashenko addressed the summit. The following is the text of the speech.\n\n"
        "Trade within the Commonwealth is growing.\n\nNew factories are opening.\n"
    )
    assert speakers(article) == [NONE, (LUKASHENKO,), (LUKASHENKO,)]


def test_a_whole_article_speech_is_the_outlet_countrys_leader(tag_text):
    article = tag_text(
        "source: UzA\ndate: 2022-10-14\n\nDistinguished colleagues!\n\nI am glad to see you all here.\n\n"
        "Our cultural exchanges grow every year.\n"
    )
    assert speakers(article) == [(MIRZIYOYEV,)] * 3


def test_a_whole_article_speech_with_no_outlet_is_the_one_country_it_speaks_of(tag_text):
    article = tag_text(
        "date: 2022-10-14\n\nDistinguished colleagues!\n\nMy thanks go to President Kassym-Jomart Tokayev, "
        "our host.\n\nUzbekistan sold more cotton to its neighbours this year.\n"
    )
    assert speakers(article) == [(MIRZIYOYEV,)] * 3
    assert any("printed speech with no speaker named" in p for p in article.problems)


def test_a_whole_article_speech_that_names_two_countries_credits_nobody(tag_text):
    article = tag_text(
        "date: 2022-10-14\n\nDistinguished colleagues!\n\nUzbekistan and Kazakhstan sold more cotton.\n"
    )
    assert speakers(article) == [NONE, NONE]
    assert any("credited to nobody" in p for p in article.problems)


def test_a_switched_off_sieve_credits_nobody(reference, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date: 2023-10-13\n\nVladimir Putin met the press. He said the talks went well.\n")
    tagger = Tagger(reference)
    assert [p.speakers for p in tagger.tag_file(path).passages] == [(PUTIN,)]
    tagger.attributor = Attributor(tagger.resolver, disabled={"cue_pronoun"})
    assert [p.speakers for p in tagger.tag_file(path).passages] == [NONE]
    with pytest.raises(ValueError, match="unknown sieve"):
        Attributor(tagger.resolver, disabled={"nonsense"})
    assert SIEVES[0] == "speech_heading" and "last_speaker" in SIEVES


def test_every_name_in_a_subject_list_is_credited(tag_text):
    article = tag_text(
        "date: 2006-07-21\n\nOn Friday Mikheil Saakashvili, Viktor Yushchenko and Robert Kocharyan announced that "
        "their prime ministers would go instead.\n"
    )
    assert speakers(article) == [(SAAKASHVILI, "viktor-yushchenko", "robert-kocharyan")]


def test_a_cue_inside_what_someone_said_credits_nobody_else(tag_text):
    article = tag_text(
        "date: 2013-10-25\n\nAleksandr Lukashenko reminded that the heads of state had agreed on the budget "
        "last year.\n"
    )
    assert speakers(article) == [(LUKASHENKO,)]


def test_a_name_after_a_verb_that_is_not_of_saying_is_its_object(tag_text):
    article = tag_text(
        "date: 2017-10-11\n\nOn Tuesday Vladimir Putin met Igor Dodon, whose party has often praised the Kremlin.\n"
    )
    assert speakers(article) == [NONE]


def test_said_after_a_quote_takes_the_name_after_it(tag_text):
    article = tag_text("date: 2013-10-25\n\n“We will sign the treaty,” said Vladimir Putin.\n")
    assert speakers(article) == [(PUTIN,)]


def test_spoke_without_a_topic_is_not_speech(tag_text):
    article = tag_text("date: 2005-08-26\n\nVladimir Putin spoke at the news conference for ten minutes.\n")
    assert speakers(article) == [NONE]


def test_a_coordinated_verb_after_an_object_is_not_the_objects(tag_text):
    article = tag_text(
        "date: 2017-10-11\n\nThis followed a week in which Almazbek Atambayev accused a neighbour of favouring a "
        "candidate, Omurbek Babanov, and criticized Nursultan Nazarbayev.\n"
    )
    assert speakers(article) == [("almazbek-atambayev",)]


def test_a_name_inside_an_apposition_is_not_the_subject(tag_text):
    article = tag_text(
        "date: 2024-10-08\n\nYuri Ushakov, the aide who briefed Vladimir Putin on the agenda, stated that the "
        "budget was agreed.\n"
    )
    assert speakers(article) == [("yuri-ushakov",)]


def test_mr_and_the_surname_of_an_unknown_speaker_is_that_speaker(tag_text):
    article = tag_text(
        "date: 2014-10-07\n\nPavel Gusakov, the long-serving envoy of his country to the bodies of the "
        "Commonwealth in Minsk, told reporters on Tuesday that every member had an invitation.\n\n"
        "Nine drafts are on the table, Mr. Gusakov said.\n"
    )
    assert speakers(article) == [("unknown-pavel-gusakov",)] * 2


def test_an_unknown_name_is_never_built_from_a_known_persons_name(tag_text):
    article = tag_text(
        "date: 2022-10-07\n\nThe press officer for the President of Kyrgyzstan Sadyr Japarov said on Monday "
        "that he would come.\n"
    )
    assert speakers(article) == [NONE]


def test_inspect_names_the_sieve_of_every_speaker(tagger, tmp_path):
    from indexer.report import article_json
    path = tmp_path / "a.txt"
    path.write_text("date: 2023-10-13\n\n“We stand together,” Aleksandr Lukashenko said.\n")
    passage = article_json(tagger.tag_file(path), tagger.reference)["passages"][0]
    assert passage["speakers"] == [{"id": LUKASHENKO, "name": "Aleksandr Lukashenko", "sieve": "cue_name"}]


def test_the_sentence_subject_of_two_coordinated_verbs_is_credited(tag_text):
    article = tag_text(
        "date: 2005-08-27\n\nAfter the summit, President Mikheil Saakashvili held a press conference "
        "in Tbilisi and briefed reporters on the talks.\n"
    )
    assert speakers(article) == [(SAAKASHVILI,)]


def test_the_addressees_of_a_participial_opener_are_not_speakers(tag_text):
    article = tag_text(
        "date: 2022-10-07\n\nAddressing the participants, Kazakh President Kassym-Jomart Tokayev noted that "
        "trade had doubled.\n"
    )
    assert speakers(article) == [(TOKAYEV,)]


def test_a_subject_after_an_opening_phrase_is_not_an_apposition(tag_text):
    article = tag_text(
        "date: 2025-12-22\n\nAt the dinner, Russian President Vladimir Putin, looking back on the year, expressed "
        "thanks to the outgoing chair.\n"
    )
    assert speakers(article) == [(PUTIN,)]


def test_used_the_summit_to_and_apologised_are_speech(tag_text):
    article = tag_text(
        "date: 2008-06-06\n\nDmitry Medvedev used the summit to restate his position on NATO.\n\n"
        "In a call with his counterpart Aleksandr Lukashenko, Petro Poroshenko apologized for missing the dinner.\n"
    )
    assert speakers(article) == [(MEDVEDEV,), ("petro-poroshenko",)]


def test_a_cue_in_a_relative_clause_credits_nobody(tag_text):
    article = tag_text(
        "date: 2017-10-11\n\nOn Tuesday Vladimir Putin saw Kazakh President Nursultan Nazarbayev "
        "and the Moldovan leader Igor Dodon -- a man who has often praised Moscow's policy.\n"
    )
    assert speakers(article) == [NONE]


def test_an_official_nobody_listed_speaks_under_their_own_name_and_title(tag_text):
    article = tag_text("date: 2019-10-11\n\nKremlin aide Ivan Sidorov told reporters the talks went well.\n")
    (passage,) = article.passages
    assert (passage.speakers, passage.mentions) == (("unknown-ivan-sidorov",), ())


@pytest.mark.parametrize("sentence", [
    "Aleksandr Lukashenko and Vladimir Putin had a private conversation on the sidelines of the summit.",
    "The leaders concluded their summit in the evening.",
    "The heads of state posed for a photograph after Vladimir Putin greeted them.",
])
def test_narration_about_leaders_credits_nobody(tag_text, sentence):
    assert speakers(tag_text(f"date: 2019-10-11\n\n{sentence}\n")) == [NONE]


def test_he_after_a_sentence_naming_two_people_credits_nobody_and_says_so(tag_text):
    article = tag_text(
        "date: 2019-10-11\n\nVladimir Putin met Aleksandr Lukashenko and Kassym-Jomart Tokayev. "
        "He said the talks went well.\n"
    )
    assert speakers(article) == [NONE]
    assert article.problems == ("passage 0: 'He' could mean more than one person or nobody named: not credited",)


def test_the_tail_of_an_apposition_between_subject_and_cue_is_light(tag_text):
    article = tag_text(
        "date: 2024-10-08\n\nYuri Ushakov, the Kremlin aide on Foreign Policy and Protocol, stated that "
        "the budget was agreed.\n"
    )
    assert speakers(article) == [("yuri-ushakov",)]


def test_a_leader_addressed_in_another_leaders_turn_is_not_its_speaker(tag_text):
    article = tag_text(
        "date: 2011-09-03\n\nDmitry Medvedev: Thank you. Emomali Sharipovich, you have the floor.\n\n"
        "We will support the Tajik presidency and Emomali Rahmon personally.\n\n"
        "Emomali Rahmon: Thank you, Dmitry Anatolyevich.\n"
    )
    assert speakers(article) == [(MEDVEDEV,), (MEDVEDEV,), ("emomali-rahmon",)]


def test_a_turn_ends_at_a_paragraph_that_names_its_speaker(tag_text):
    article = tag_text(
        "date: 2019-10-10\n\nThe meeting in Ashgabat ended on Friday.\n\n"
        "Sergei Lebedev: the CIS has work for many years ahead, whatever its critics say.\n\n"
        "The executive secretary spoke to the press after the meeting in Ashgabat.\n\n"
        "Lebedev also described the documents signed on Friday.\n\n"
        "The agenda included customs, museums and research.\n"
    )
    assert speakers(article) == [NONE, ("sergei-lebedev",), NONE, ("sergei-lebedev",), NONE]


def test_a_speech_announced_then_opened_with_a_salutation_is_printed_whole(tag_text):
    article = tag_text(
        "date: 2017-10-11\n\nSerzh Sargsyan, the Armenian president, delivered a speech to his colleagues.\n\n"
        "“Dear colleagues,\n\nI am grateful for the invitation and the hospitality.\n\n"
        "We back the youth programme of the Commonwealth.\n\n"
        "The leaders then signed eleven documents.\n"
    )
    sargsyan = ("serzh-sargsyan",)
    assert speakers(article) == [NONE, sargsyan, sargsyan, sargsyan, NONE]
    assert sieves(article)[1] == ("printed_speech",)


def test_a_passive_cue_with_an_agent_credits_the_agent(tag_text):
    article = tag_text(
        "date: 2019-10-10\n\nThe CIS has a long future. It was said by Sergei Lebedev "
        "at a press conference.\n\nIt was noted that trade grew.\n"
    )
    assert speakers(article) == [("sergei-lebedev",), NONE]


def test_the_sentence_before_she_said_is_what_she_said(tag_text):
    article = tag_text(
        "date: 2006-07-21\n\nPress secretary Irina Petrova told reporters in Kyiv about the decision.\n\n"
        "Viktor Yushchenko told Putin he was unwell, she said.\n"
    )
    assert speakers(article) == [("unknown-irina-petrova",), ("unknown-irina-petrova",)]


def test_what_experts_say_a_leader_does_is_not_the_leaders_speech(tag_text):
    article = tag_text(
        "date: 2011-09-03\n\nIlham Aliyev stayed in Baku. Analysts say he stressed his displeasure by staying away.\n"
    )
    assert speakers(article) == [NONE]


@pytest.mark.parametrize("sentence", [
    "President Aleksandr Lukashenko is worried about the trend. He made the statement at the session in Minsk.",
    "Aleksandr Lukashenko attached great importance to cooperation within the CIS.",
])
def test_statements_reported_after_the_fact(tag_text, sentence):
    assert speakers(tag_text(f"date: 2014-10-10\n\n{sentence}\n")) == [(LUKASHENKO,)]


def test_agreed_right_after_a_quote_is_speech(tag_text):
    article = tag_text(
        "date: 2022-10-06\n\n“That was a long time ago,” Dmitry Peskov agreed.\n\n"
        "The leaders agreed on a date for the next summit.\n"
    )
    assert speakers(article) == [("dmitry-peskov",), NONE]


def test_he_added_after_narration_is_the_last_person_who_spoke(tag_text):
    article = tag_text(
        "date: 2022-10-06\n\nKremlin spokesman Dmitry Peskov told reporters the meeting was planned.\n\n"
        "Peskov did not comment on Vladimir Putin's plans for the evening.\n\n"
        "“The President's day is full,” he added.\n"
    )
    assert speakers(article) == [("dmitry-peskov",), NONE, ("dmitry-peskov",)]


def test_an_opening_phrase_before_a_lower_case_subject_is_not_an_apposition(tag_text):
    article = tag_text(
        "date: 2008-02-22\n\nAddressing the guests, outgoing Russian President Vladimir Putin, who will see "
        "some heads of state later, said: “Our disputes have stayed small.”\n"
    )
    assert speakers(article) == [(PUTIN,)]


def test_the_title_an_unknown_speaker_was_introduced_with_is_them_later(tag_text):
    article = tag_text(
        "date: 2016-02-17\n\nKyrgyzstan's Envoy to the CIS Ivan Petrov told reporters on Tuesday that plans were "
        "ready.\n\nThe Envoy reminded that Kazakhstan had chaired the CIS before.\n\n"
        "“Our plan is ready,” the Envoy explained.\n"
    )
    assert speakers(article) == [("unknown-ivan-petrov",)] * 3
