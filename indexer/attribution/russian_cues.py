"""The words that signal speech in Russian copy.

Kept apart from the English cues (`cues.py`): neither list is ever matched against the other
language's text. Verbs are listed by stem with the endings copy uses: past tense of either
gender and the plural ("заявил", "заявила", "заявили"), the present ("считает"), and the
adverbial participle ("заявив, что", "подчеркнув"), whose subject is the clause's. Impersonal forms
("сообщалось", "было отмечено", "отмечается") are left out on purpose: they credit nobody.
"""

from __future__ import annotations

import re

_PAST = "л|ла|ли"
_VERBS = [
    rf"заяви(?:{_PAST}|в)", r"заявля(?:ет|ют|я)", rf"сказа(?:{_PAST}|в)", rf"отмети(?:{_PAST}|в)",
    r"отмеча(?:ет|ют|я)", rf"подчеркну(?:{_PAST}|в)", r"подч[её]ркива(?:ет|ют|я)", rf"добави(?:{_PAST}|в)",
    rf"призва(?:{_PAST}|в)", r"призыва(?:ет|ют)", r"счита(?:ет|ют)", r"полага(?:ет|ют)",
    rf"сообщи(?:{_PAST}|в)", rf"напомни(?:{_PAST}|в)", rf"уточни(?:{_PAST}|в)", rf"констатирова(?:{_PAST}|в)",
    rf"предложи(?:{_PAST}|в)", rf"рассказа(?:{_PAST}|в)", rf"поясни(?:{_PAST}|в)", rf"указа(?:{_PAST}|в)",
    rf"вырази(?:{_PAST}|в)", rf"поздрави(?:{_PAST}|в)", rf"пожела(?:{_PAST}|в)", rf"поблагодари(?:{_PAST}|в)",
    rf"завери(?:{_PAST}|в)",
    # "ответил на вопросы журналистов" is narration; "ответил на этот вопрос так: «…»" is not
    rf"ответи(?:{_PAST}|в)(?!\s+на\s+(?:[а-яё]+\s+)?вопрос\w*(?!\s*(?:так|следующим\s+образом)?\s*:))",
    rf"написа(?:{_PAST}|в)", rf"резюмирова(?:{_PAST}|в)",
    rf"продолжи(?:{_PAST})(?=\s+(?:свое|своё|свою|выступление|речь|мысль)|\s*[:,.])",
    rf"заключи(?:{_PAST})(?=\s*[:,])", rf"сформулирова(?:{_PAST})", r"высказа(?:лся|лась|лись|вшись)",
    rf"замети(?:{_PAST}|в)", rf"призна(?:{_PAST}|в)", rf"пообеща(?:{_PAST}|в)",
    rf"объяви(?:{_PAST}|в)", rf"акцентирова(?:{_PAST}|в)", rf"обрати(?:{_PAST}|в)\s+внимание",
    r"говори(?:т|л|ла|ли)", r"говоря", r"убежд[её]н(?:а|ы)?", r"уверен(?:а|ы)?(?=\s*,?\s*что)",
    rf"выступи(?:{_PAST})\s+(?:за|против|с\s+(?:заявлением|предложением|призывом|инициативой))",
    rf"процитирова(?:{_PAST})", rf"сравни(?:{_PAST}|в)", rf"объясни(?:{_PAST}|в)", r"объясня(?:ет|ют)",
    rf"пригласи(?:{_PAST}|в)", rf"отреагирова(?:{_PAST}|в)", rf"подытожи(?:{_PAST}|в)",
    r"поинтересова(?:лся|лась|лись|вшись)", r"опроверг(?:ла|ли|нув)?",
    # "…, уверен президент России": the verb after what was said, its subject after it
    r"(?<=,\s)(?:уверен|убежд[её]н)(?:а|ы)?(?=\s+[а-яёА-ЯЁ])",
    # "коснулся вопросов сотрудничества": a topic raised in a speech; "коснулся рукой" is not
    r"косну(?:лся|лась|лись|вшись)(?=\s+(?:[а-яё]+\s+)?(?:вопрос|тем|проблем|ситуаци|перспектив))",
    # "«…», подтвердил журналистам X": after a quotation the verb needs no "что"
    # ("спросил" only there: "Журналисты спросили Лукашенко" names whom they asked, in a form that
    # could be the nominative)
    rf"(?:(?<=[»\"”],\s)|(?<=[»\"”]\s[–—-]\s)|(?<=[»\"”],\s[–—-]\s))(?:подтверди|заключи|продолжи|спроси)(?:{_PAST})",
    # "подвёл итоги председательства": a summing-up, said aloud
    r"подв[её]л(?:а)?\s+итоги", r"подведя\s+итоги",
    # "назвал этот год историческим": calling something something; "назвал имя" is not speech
    rf"назва(?:{_PAST}|в)(?=(?:\s+[\w-]+){{1,4}}?\s+[а-яё-]+(?:ым|им|ой|ей|ом)(?![\w-]))",
    # "С таким предложением на саммите выступил X": the speech act stands before its verb
    r"с\s+(?:таким|этим|подобным|данным|соответствующим)\s+(?:предложением|заявлением|призывом|инициативой)"
    rf"(?:\s+[\w-]+){{0,5}}?\s+выступи(?:{_PAST})",
    # "обратился к коллегам с призывом", "обратился к стороне разработать": an address with content;
    # a bare "обратился к лидеру Туркменистана" is narration
    r"обрати(?:лся|лась|лись|вшись)(?=\s+к\s+(?:[\w-]+\s+){1,4}(?:с\s+(?:призывом|просьбой|предложением|словами)"
    r"|[а-яё]+(?:ть|ти)(?![\w-])))",
    # "подтвердил, что ...": a statement; "подтвердили участие" is not
    rf"подтверди(?:{_PAST}|в)(?=\s*(?:,\s*что|:))",
    # "приветствовал решение": a position taken; "приветствовал участников" is a greeting
    rf"приветствова(?:{_PAST})(?!\s+(?:участник|гост|глав|коллег|лидер|президент|делегац|прибывш)\w*)",
]
SPEECH_CUE = re.compile(rf"(?<![\w-])(?:{'|'.join(_VERBS)})(?![\w-])", re.IGNORECASE)
# "по словам Путина", "по мнению главы МИД", "со ссылкой на помощника": the speaker comes after
INVERTED_CUE = re.compile(r"(?<![\w-])(?:по\s+(?:словам|мнению|данным|информации)|со\s+ссылкой\s+на)(?![\w-])",
                          re.IGNORECASE)
# "по его словам": the pronoun stands inside the cue
PRONOUN_CUE = re.compile(r"(?<![\w-])по\s+(?P<pronoun>его|её|ее|их)\s+(?:словам|мнению)(?![\w-])", re.IGNORECASE)
PRONOUN = re.compile(r"(?<![\w-])(?:(?P<single>[Оо]н|[Оо]на)|(?P<plural>[Оо]ни))(?![\w-])")
# "Об этом заявил X", "Такое заявление сделал X": what the sentence before said was X's
ABOUT_THIS = re.compile(
    r"^(?:(?:[Кк]ак\s+)?(?:сообщает|передает|передаёт|пишет)\s+[^,]{1,80},\s*)?"
    r"(?:[Оо]б\s+этом|[Тт]акое\s+заявление|[Эт]то\s+заявление)\b", re.IGNORECASE)
# after a credited cue, ", что ..." or ":" is the content of what was said
CONTENT_AFTER = re.compile(r"\s*(?:,\s*что\b|:)")
# a preposition before a name makes it no subject, even in a form that could be nominative
PREPOSITION_BEFORE = re.compile(
    r"(?<![\w-])(?:с|со|к|ко|у|о|об|от|для|при|на|в|во|за|между|перед|после|без|про|через|по)\s+$",
    re.IGNORECASE)
RELATIVE = re.compile(r"(?<![\w-])котор", re.IGNORECASE)
MAX_GAP_WORDS = 25
MAX_AFTER_WORDS = 8


def cues(text: str, inside) -> list[re.Match]:
    from .quoting import covers

    found = [m for regex in (SPEECH_CUE, INVERTED_CUE, PRONOUN_CUE) for m in regex.finditer(text)
             if not covers(inside, m.start())]
    return sorted(found, key=lambda m: m.start())
