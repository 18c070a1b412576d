r"""The words that tell what a sentence says about a summit, in English and in Russian: that it
is about a summit at all, about another one (the next, the previous), another body's (the EAEU,
the CSTO), a heads-of-government meeting, an informal or a video summit, a plan for a coming year,
an anniversary of the CIS. `summit_evidence.py` reads an article with them.

Each cue is one pattern with an English and a Russian part, so that both languages go through
the same rules; Russian parts are stems with `\w*` for the case endings ("заседани\w*" for
"заседание", "заседания", "заседании"). Every pattern runs over lower-cased text, except
`OTHER_BODY`, whose acronyms need their capitals ("SCO", not "sco").
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import MONTH_NAMES
from .russian_places import declined

FOUNDED = 1991  # the CIS was founded in December 1991: its 25th anniversary fell in 2016


def low_re(pattern: str) -> re.Pattern:
    """A pattern for lower-cased text (no upper-case escapes such as \\S may hide in it)."""
    assert not re.search(r"\\[A-Z]", pattern)
    return re.compile(pattern.lower())


SUMMIT_CONTEXT = low_re(r"(?=[shcсг])(?:summit|heads\s+of\s+state\s+council|\bcis\b|commonwealth|саммит|\bснг\b|"
                        r"содружеств|совет\w*\s+глав\s+государств|\bсгг\b)")
MEETING = low_re(r"summit|meeting|session|council|\bcis\b|commonwealth|leaders|heads\s+of|саммит|заседани|встреч|"
                 r"совет|\bснг\b|содружеств|лидер|глав\w*\s+(?:государств|стран)|президент\w*\s+стран|\bсгг\b")
# a sentence about another summit: the next venue, the previous one, one "last May"
# a meeting "scheduled for October 11" or "to be held" is a coming one, not the one reported
_COMING = (r"scheduled\s+(?:for|on|to)|to\s+be\s+held|forthcoming|proposed\s+(?:to\s+hold|holding)|"
           r"invit(?:ed|es|ing)\s+(?:[\w-]+\s+){0,8}?to\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:summit|meeting)")
# Russian: "следующий саммит", "предыдущая встреча", "в прошлом году"; "очередной саммит состоится"
# (the regular one, in the future: the next), not "на очередном заседании" (the one reported)
_RU_OTHER = (r"следующ\w*|предыдущ\w*|прошлогодн\w*|в\s+прошлом\s+году|прошл(?:ый|ого|ом|ая|ой|ую)\s+(?:раз|саммит\w*|"
             r"заседани\w*|встреч\w*)|очередн(?:ой|ое|ая)\s+(?:[\w-]+\s+){0,5}?(?:состоится|пройд[её]т)"
             # a decision on where or when to meet: "договорились, что оно состоится в Астане"
             r"|(?:договорились|решили|решено|приняли\s+решение|принято\s+решение)[\s,]+(?:[\w-]+[\s,]+){0,6}?"
             r"(?:состоится|пройд[её]т|провести)"
             # a proposal or plan to hold one: "предложила провести 15 октября 2021 года в Минске"
             r"|(?:предлож\w*|планиру\w*|намерен\w*)\s+(?:[\w-]+\s+){0,3}?провести"
             # an invitation to one: "пригласил лидеров СНГ на неформальную встречу в декабре", "был бы
             # рад вас видеть в Петербурге … на неформальную нашу встречу"
             r"|(?:пригла(?:сил|сила|сили|шаю|шаем)|рад\w*\s+(?:[\w-]+\s+){0,2}?видеть)[^.!?]{0,160}?"
             r"\bна\s+(?:[\w-]+(?:у|ю|ой|ый|ий|ое|ая|ом|ем|ей|ые|ие|ых|их)\s+){0,3}?(?:саммит|встреч|заседани)\w*")
OTHER_SUMMIT = low_re(
    r"\b(?:next|previous|past|again|earlier\s+(?:summit|meeting)|last\s+(?:time|year|summit|meeting|"
    rf"spring|summer|autumn|fall|winter|{'|'.join(MONTH_NAMES)})|{_COMING}|{_RU_OTHER})\b")
NEXT = low_re(rf"\b(?:next|again|will\s+host|to\s+host|{_COMING}|следующ\w*|состоится|пройд[её]т|будет|будут|примет|"
              r"провести|пригла\w*|видеть)\b")
# "took part in the next meeting of the Council": "next" as in "regular" (Russian "очередной"), in the past
REGULAR_NEXT = low_re(
    r"\b(?:participated|took\s+part|attended)\s+(?:in\s+)?(?:the\s+)?next\s+(?:meeting|session|summit)")
# a year in such a sentence is a plan or the coming chairmanship, not the summit's own year
FUTURE = low_re(r"\b(?:will|shall|should|next\s+year|takes?\s+over|to\s+chair|plans?\s+to|upcoming|coming\s+year|"
                r"goes\s+to|go\s+to|pass(?:es|ed)?\s+to|hand(?:s|ed)?\s+over|transferr?(?:ed|ing)?\s+to|"
                r"будет|будут|перейд[её]т|переходит|передаст|переда[её]тся|следующ\w*|возглавит|"
                r"примет\s+председательств\w*)\b")
OTHER_BODY = re.compile(r"\b(?:EAEU|EurAsEC|Eurasian\s+Economic|SCO|Shanghai|CSTO|Collective\s+Security|BRICS|"
                        r"G-?20|G-?8|OSCE|NATO|European\s+Union|EU|Conference\s+on\s+Interaction|CICA|"
                        r"ОДКБ|ЕАЭС|ЕврАзЭС|Евразийск\w*\s+экономическ\w*|ШОС|Шанхайск\w*|БРИКС|ОБСЕ|НАТО|"
                        r"Евросоюз\w*|Европейск\w*\s+союз\w*|СВМДА|Организаци\w*\s+Договора\s+о\s+коллективной)"
                        r"(?![\w-])")
# "heads of state" in Russian ("глав государств") is every body's: the CIS only by name
CIS_BODY = low_re(r"\bcis\b|commonwealth|heads\s+of\s+state|\bснг\b|содружеств")
INFORMAL = low_re(
    r"informal\s+(?:(?:cis|commonwealth|of|independent|states|\(cis\))\s+){0,5}summit|informal\s+meeting\s+of\s+"
    r"(?:the\s+)?(?:cis\s+)?(?:heads|leaders|council)|informal\s+summit\s+of\s+the\s+cis|"
    r"неформальн\w*\s+(?:[\w-]+\s+){0,3}?(?:саммит\w*|встреч\w*|заседани\w*)")
VIDEO = low_re(r"video\s*(?:conference|link|format)|videoconference|(?:online|virtual)\s+(?:format|meeting|summit|"
               r"session|mode)|(?:held|met|meeting|summit)\s+online|видеоконференц\w*|видеосвяз\w*|"
               r"(?:режиме|формате)\s+онлайн|онлайн[-\s]?(?:формате|режиме|саммит\w*|встреч\w*|заседани\w*)|"
               r"(?:прош(?:ел|ёл|ла|ло)|состоял\w*|провели|встретились)\s+онлайн")
# a city's name used only for a while dates the article: Astana was Nur-Sultan from 20 March 2019
# to 17 September 2022 (https://en.wikipedia.org/wiki/Astana, "Names")
NAME_PERIODS = {form: (dt.date(2019, 3, 20), dt.date(2022, 9, 17)) for form in ("nur-sultan", *declined("Нур-Султан"))}
GOVERNMENT = low_re(
    r"(?:council|summit|meeting|session)\s+of\s+(?:the\s+)?(?:cis\s+)?(?:heads\s+of\s+government|prime\s+ministers)"
    r"|cis\s+(?:government\s+heads|heads\s+of\s+government|prime\s+ministers)"
    r"|(?:совет\w*|заседани\w*|встреч\w*|саммит\w*)\s+(?:совета\s+)?глав\s+правительств")
HEADS_OF_STATE = low_re(r"heads?\s+of\s+(?:the\s+)?(?:cis\s+)?(?:states?|the\s+cis\s+states)\b|state\s+heads|"
                        r"глав\w*\s+(?:государств|стран)|президент\w*\s+стран|\bсгг\b")
HOSTED_BY = re.compile(r"(?:chaired|hosted|organi[sz]ed|convened)\s+$")
NAMED_SUMMIT = re.compile(r"\s+(?:CIS\s+)?[Ss]ummit\b")  # "the Astana Summit in October"
ORDINAL_WORDS = {"tenth": 10, "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30,
                 "thirty-fifth": 35}
_ORDINAL = rf"(?P<n>\d{{1,2}})(?:st|nd|rd|th)?|(?P<word>{'|'.join(ORDINAL_WORDS)})"
_CIS = r"(?:cis|commonwealth)(?![\w-])"
ANNIVERSARY = re.compile(  # lower-cased text: "the 25th anniversary of the CIS", "the Commonwealth's 30th anniversary"
    rf"(?<![\w-])(?:{_ORDINAL})\s+anniversary\s+of\s+(?:the\s+)?(?:(?:creation|formation|founding|foundation|"
    rf"establishment)\s+of\s+(?:the\s+)?)?{_CIS}|(?<![\w-]){_CIS}(?:['’]s)?\s+(?:{_ORDINAL.replace('?P<', '?P<b')})"
    r"\s+anniversary")
# "30-летие СНГ", "20-летием Содружества", "в связи с 25-летием создания СНГ"
RU_ANNIVERSARY = re.compile(r"(?<![\w-])(?P<n>\d{1,2})\s*-?\s*(?:лет(?:ие|ия|ию|ием|ии)|(?:я|й|ю)?\s+годовщин\w*)\s+"
                            r"(?:[\w-]+\s+){0,2}?(?:снг|содружеств)")
# a sentence naming the summit before the one reported ("предыдущая встреча состоялась 7 октября в ...")
RU_PREVIOUS = low_re(r"\b(?:предыдущ\w*|прошл(?:ый|ого|ом|ая|ой|ую)|прошлогодн\w*)\b")
# a sentence ends at a line's end or at . ! ? (not "St." or an initial) before a capital or digit;
# the pattern starts with what it consumes first, which the regex engine skips to quickly
SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=\n)|(?<!\bSt\.)(?<!\bMr\.)(?<!\b[A-Z]\.)(?<!\b[А-ЯЁ]\.)[\"”»’]?\s+(?=[\"“«‘(\[]?[A-ZА-ЯЁ0-9]))"
    r"|,(?=\s+а\s)")  # Russian "X, а Y" (whereas): two clauses, often about two meetings


def sentence_kind(sentence: str, low: str) -> str:
    """this (about the summit reported), past/next (about another summit), or other (another body's)."""
    if OTHER_SUMMIT.search(low) and not (REGULAR_NEXT.search(low) and not FUTURE.search(low) and not any(
            m.group() != "next" for m in OTHER_SUMMIT.finditer(low))):
        return "next" if NEXT.search(low) else "past"
    if OTHER_BODY.search(sentence) and not CIS_BODY.search(low):
        return "other"
    return "this"
