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
    article = tag_text("date: 2024-12-25\n\nNikol Pashinyan's spokesperson told reporters that he had taken a test.\n")
    assert speakers(article) == [NONE]


def test_the_object_of_a_clause_between_subject_and_cue_is_skipped(tag_text):
    article = tag_text(
        "date: 2024-10-08\n\nRussian President Vladimir Putin, giving the floor to President of Azerbaijan "
        "Ilham Aliyev, said: “Please, the floor is yours, dear colleague.”\n"
    )
    assert speakers(article) == [(PUTIN,)]
    assert sieves(article) == [("cue_name",)]


def test_an_agency_between_a_name_and_said_credits_nobody_for_that_cue(tag_text):
    article = tag_text(
        "date: 2008-06-06\n\n“Relations between our countries were damaged on purpose,” Mikheil Saakashvili "
        "told Dmitry Medvedev, Interfax said.\n"
    )
    assert speakers(article) == [(SAAKASHVILI,)]


def test_an_unknown_name_next_to_the_cue_beats_a_known_one_far_before_it(tag_text):
    article = tag_text(
        "date: 2014-10-10\n\nMoscow regrets the absence of Nikol Pashinyan at the summit in Minsk, "
        "ministry spokesman Ivan Petrov said on Friday.\n"
    )
    assert speakers(article) == [("unknown-ivan-petrov",)]
    assert sieves(article) == [("cue_unknown",)]


def test_he_follows_the_speaker_not_a_person_mentioned_in_passing(tag_text):
    article = tag_text(
        "date: 2014-10-10\n\n"
        "Uzbek President Islam Karimov on Friday criticized the decision of his Ukrainian counterpart to stay "
        "away. He said Poroshenko seemed undecided.\n\n"
        "Poroshenko's absence “can hardly be welcomed”, he told the heads of state.\n"
    )
    assert speakers(article) == [(KARIMOV,), (KARIMOV,)]
    assert sieves(article) == [("cue_name",), ("cue_pronoun",)]


def test_according_to_him_is_the_last_speaker(tag_text):
    article = tag_text(
        "date: 2022-12-26\n\nKassym-Jomart Tokayev stressed the role of trade.\n\n"
        "According to him, it is important to keep the upward trend in trade.\n"
    )
    assert speakers(article) == [(TOKAYEV,), (TOKAYEV,)]


def test_a_quote_inside_narration_is_not_the_last_speakers(tag_text):
    article = tag_text(
        "date: 2013-10-25\n\n“We expect agreement,” Vladimir Putin said.\n\n"
        "The Kremlin is hoping that the meeting “will be productive and give a new impulse to integration.”\n"
    )
    assert speakers(article) == [(PUTIN,), NONE]


def test_a_quote_that_opens_its_paragraph_is_the_last_speakers(tag_text):
    article = tag_text(
        "date: 2013-10-25\n\n“We expect agreement,” Vladimir Putin said.\n\n"
        "“The summit will be productive and give a new impulse to integration.”\n"
    )
    assert speakers(article) == [(PUTIN,), (PUTIN,)]
    assert sieves(article) == [("cue_name",), ("last_speaker",)]


def test_a_participial_opener_credits_the_subject_after_it(tag_text):
    article = tag_text(
        "date: 2025-10-10\n\nAddressing the role of technology, Kassym-Jomart Tokayev invited the CIS countries "
        "to train specialists together.\n"
    )
    assert speakers(article) == [(TOKAYEV,)]
    assert sieves(article) == [("participial_opener",)]


@pytest.mark.parametrize("sentence", [
    "Vladimir Putin reminded his fellow leaders that the CIS has potential.",
    "Vladimir Putin made clear his unhappiness with the pace of integration.",
    "Vladimir Putin, speaking with reporters in Minsk, said little about trade.",
    "As Mr Putin sees it, the CIS has a future.",
    "Vladimir Putin outlined key figures for cooperation.",
])
def test_speech_verbs_seen_in_real_copy(tag_text, sentence):
    assert speakers(tag_text(f"date: 2013-10-25\n\n{sentence}\n")) == [(PUTIN,)]


def test_single_curly_quotes_are_direct_speech_and_apostrophes_are_not(tag_text):
    article = tag_text(
        "date: 2024-12-25\n\n‘Tonight I will decide whether I will take part in Armenia’s delegation’, "
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
        "- We will discuss important issues today.\n\nDear colleagues.\n\n"
        "In this anniversary year I would like to state the position of our country.\n\n"
        "After the meeting, the heads of state posed for a photograph.\n"
    )
    assert speakers(article) == [NONE, (ALIYEV,), (ALIYEV,), (ALIYEV,), NONE]
    assert sieves(article)[1] == ("speech_heading",)


def test_a_paragraph_ending_in_said_colon_introduces_the_speech_that_follows(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\nIn his speech, Shavkat Mirziyoyev said:\n\n"
        "We must use the CIS platform in full.\n\nOur trade grew by a third this year.\n\n"
        "The summit ended with the signing of documents.\n"
    )
    assert speakers(article) == [(MIRZIYOYEV,), (MIRZIYOYEV,), (MIRZIYOYEV,), NONE]
    assert sieves(article)[1] == ("printed_speech",)


def test_the_text_of_the_speech_follows(tag_text):
    article = tag_text(
        "date: 2023-10-13\n\nAleksandr Lukashenko addressed the summit. The following is the text of the speech.\n\n"
        "Trade within the Commonwealth is growing.\n\nCooperation projects are being carried out.\n"
    )
    assert speakers(article) == [NONE, (LUKASHENKO,), (LUKASHENKO,)]


def test_a_whole_article_speech_is_the_outlet_countrys_leader(tag_text):
    article = tag_text(
        "source: UzA\ndate: 2022-10-14\n\nDistinguished colleagues!\n\nI am glad to welcome you.\n\n"
        "Cultural ties are developing intensively.\n"
    )
    assert speakers(article) == [(MIRZIYOYEV,)] * 3


def test_a_whole_article_speech_with_no_outlet_is_the_one_country_it_speaks_of(tag_text):
    article = tag_text(
        "date: 2022-10-14\n\nDistinguished colleagues!\n\nI thank President Kassym-Jomart Tokayev for "
        "organising the summit.\n\nTrade between Uzbekistan and the Commonwealth grew by a third.\n"
    )
    assert speakers(article) == [(MIRZIYOYEV,)] * 3
    assert any("printed speech with no speaker named" in p for p in article.problems)


def test_a_whole_article_speech_that_names_two_countries_credits_nobody(tag_text):
    article = tag_text(
        "date: 2022-10-14\n\nDistinguished colleagues!\n\nTrade between Uzbekistan and Kazakhstan grew.\n"
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
        "date: 2006-07-21\n\nThe presidents of Georgia, Ukraine and Armenia - Mikheil Saakashvili, Viktor Yushchenko "
        "and Robert Kocharyan - announced on Friday they would not attend.\n"
    )
    assert speakers(article) == [(SAAKASHVILI, "viktor-yushchenko", "robert-kocharyan")]


def test_a_cue_inside_what_someone_said_credits_nobody_else(tag_text):
    article = tag_text(
        "date: 2013-10-25\n\nAleksandr Lukashenko reminded that the heads of state had confirmed the doors "
        "were open to everyone.\n"
    )
    assert speakers(article) == [(LUKASHENKO,)]


def test_a_name_after_a_verb_that_is_not_of_saying_is_its_object(tag_text):
    article = tag_text(
        "date: 2017-10-11\n\nOn Tuesday Vladimir Putin met Igor Dodon, a politician who has often praised Putin.\n"
    )
    assert speakers(article) == [NONE]


def test_said_after_a_quote_takes_the_name_after_it(tag_text):
    article = tag_text("date: 2013-10-25\n\n“We will sign the treaty,” said Vladimir Putin.\n")
    assert speakers(article) == [(PUTIN,)]


def test_spoke_without_a_topic_is_not_speech(tag_text):
    article = tag_text("date: 2005-08-26\n\nVladimir Putin was the only one who spoke at the news conference.\n")
    assert speakers(article) == [NONE]


def test_a_coordinated_verb_after_an_object_is_not_the_objects(tag_text):
    article = tag_text(
        "date: 2017-10-11\n\nThat came after Almazbek Atambayev accused Kazakhstan of backing a rival, "
        "Omurbek Babanov, and criticized Nursultan Nazarbayev.\n"
    )
    assert speakers(article) == [("almazbek-atambayev",)]


def test_a_name_inside_an_apposition_is_not_the_subject(tag_text):
    article = tag_text(
        "date: 2024-10-08\n\nYuri Ushakov, the aide who briefed Vladimir Putin on the agenda, stated that the "
        "leaders would talk in private.\n"
    )
    assert speakers(article) == [("yuri-ushakov",)]


def test_mr_and_the_surname_of_an_unknown_speaker_is_that_speaker(tag_text):
    article = tag_text(
        "date: 2014-10-07\n\nVasil Puhachow, Belarus' permanent representative to the bodies of the "
        "Commonwealth, told reporters on Tuesday that all members were invited.\n\n"
        "Seventeen drafts will be discussed, Mr. Puhachow said.\n"
    )
    assert speakers(article) == [("unknown-vasil-puhachow",)] * 2


def test_an_unknown_name_is_never_built_from_a_known_persons_name(tag_text):
    article = tag_text(
        "date: 2022-10-07\n\nThe spokesman for the President of Kyrgyzstan Sadyr Japarov said earlier that "
        "he would come.\n"
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
        "date: 2005-08-27\n\nOne day after the summit, President Mikheil Saakashvili convened a news conference "
        "in Kazan and briefed reporters about his policy.\n"
    )
    assert speakers(article) == [(SAAKASHVILI,)]


def test_the_addressees_of_a_participial_opener_are_not_speakers(tag_text):
    article = tag_text(
        "date: 2022-10-07\n\nAddressing the participants, Kazakh President Kassym-Jomart Tokayev noted that "
        "the meetings give a chance to exchange views.\n"
    )
    assert speakers(article) == [(TOKAYEV,)]


def test_a_subject_after_an_opening_phrase_is_not_an_apposition(tag_text):
    article = tag_text(
        "date: 2025-12-22\n\nAt the summit, Russian President Vladimir Putin, summing up the year, expressed "
        "support for the incoming chairman.\n"
    )
    assert speakers(article) == [(PUTIN,)]


def test_used_the_summit_to_and_apologised_are_speech(tag_text):
    article = tag_text(
        "date: 2008-06-06\n\nDmitry Medvedev used the summit to restate his position on NATO.\n\n"
        "In a phone call with his counterpart Aleksandr Lukashenko, Petro Poroshenko apologized for his absence.\n"
    )
    assert speakers(article) == [(MEDVEDEV,), ("petro-poroshenko",)]


def test_a_cue_in_a_relative_clause_credits_nobody(tag_text):
    article = tag_text(
        "date: 2017-10-11\n\nOn October 10, Vladimir Putin met separately with Tajik President Emomali Rahmon "
        "and Moldovan President Igor Dodon -- a politician who has frequently praised Putin.\n"
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
        "date: 2024-10-08\n\nYuri Ushakov, the Russian Presidential Aide on International Affairs, stated that "
        "the leaders would talk in private.\n"
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
        "Sergei Lebedev: the CIS is alive and well, and rumours of its end are premature.\n\n"
        "The executive secretary spoke to the press after the meeting in Ashgabat.\n\n"
        "Lebedev also described the documents signed on Friday.\n\n"
        "The agenda included customs, museums and research.\n"
    )
    assert speakers(article) == [NONE, ("sergei-lebedev",), NONE, ("sergei-lebedev",), NONE]


def test_a_speech_announced_then_opened_with_a_salutation_is_printed_whole(tag_text):
    article = tag_text(
        "date: 2017-10-11\n\nPresident of Armenia Serzh Sargsyan delivered a speech at the session in Sochi.\n\n"
        "“Dear Mr. Chairman,\n\nFirst of all I want to thank you for the warm reception.\n\n"
        "We support the programme of cultural capitals.\n\n"
        "The leaders then signed eleven documents.\n"
    )
    sargsyan = ("serzh-sargsyan",)
    assert speakers(article) == [NONE, sargsyan, sargsyan, sargsyan, NONE]
    assert sieves(article)[1] == ("printed_speech",)


def test_a_passive_cue_with_an_agent_credits_the_agent(tag_text):
    article = tag_text(
        "date: 2019-10-10\n\nRumours about the collapse of the CIS are premature. It was said by Sergei Lebedev "
        "at a press conference.\n\nIt was noted that trade grew.\n"
    )
    assert speakers(article) == [("sergei-lebedev",), NONE]


def test_the_sentence_before_she_said_is_what_she_said(tag_text):
    article = tag_text(
        "date: 2006-07-21\n\nPress secretary Irina Petrova told reporters in Kyiv about the decision.\n\n"
        "Viktor Yushchenko will write a letter to Putin explaining his refusal, she said.\n"
    )
    assert speakers(article) == [("unknown-irina-petrova",), ("unknown-irina-petrova",)]


def test_what_experts_say_a_leader_does_is_not_the_leaders_speech(tag_text):
    article = tag_text(
        "date: 2011-09-03\n\nIlham Aliyev did not come to Dushanbe. Experts say he expresses a protest.\n"
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
        "date: 2022-10-06\n\n“That was before Covid,” Dmitry Peskov agreed.\n\n"
        "The leaders agreed on a date for the next summit.\n"
    )
    assert speakers(article) == [("dmitry-peskov",), NONE]


def test_he_added_after_narration_is_the_last_person_who_spoke(tag_text):
    article = tag_text(
        "date: 2022-10-06\n\nKremlin spokesman Dmitry Peskov told reporters the meeting was planned.\n\n"
        "Peskov refrained from commenting on whether Vladimir Putin will celebrate.\n\n"
        "“The President will have a busy day tomorrow,” he added.\n"
    )
    assert speakers(article) == [("dmitry-peskov",), NONE, ("dmitry-peskov",)]


def test_an_opening_phrase_before_a_lower_case_subject_is_not_an_apposition(tag_text):
    article = tag_text(
        "date: 2008-02-22\n\nAddressing the gathering, outgoing Russian President Vladimir Putin, who will meet "
        "some heads of state, said: “We have been able to avoid unnecessary quarrels.”\n"
    )
    assert speakers(article) == [(PUTIN,)]


def test_the_title_an_unknown_speaker_was_introduced_with_is_them_later(tag_text):
    article = tag_text(
        "date: 2016-02-17\n\nKyrgyzstan's Envoy to the CIS Ivan Petrov told reporters on Tuesday that plans were "
        "ready.\n\nThe Envoy reminded that Kazakhstan had chaired the CIS before.\n\n"
        "“We have prepared the concept,” the Envoy explained.\n"
    )
    assert speakers(article) == [("unknown-ivan-petrov",)] * 3
