"""Who the subject of a Russian speech verb is (`sieves/russian_speech.py` credits them).

Russian word order is free, so the subject is sought on both sides of the verb, and case does
the work English leaves to word order: the subject is nominative ("Путин заявил", "— сказал
Лукашенко", "сообщил в субботу глава исполкома СНГ Сергей Лебедев"), never an oblique form
("поздравил Президента Азербайджана"), and never the object of a preposition ("встреча с
Лукашенко"). First the nearest nominative reference before the verb in its sentence; failing
that, the first one after it within a few words (skipping oblique names and a time: "сообщил
журналистам", "заявил в пятницу"). "По словам X" and "со ссылкой на X" take X in any case; an
unlisted person there is an unknown speaker, named by the nominative of their name.
"""

from __future__ import annotations

import bisect
import re

from ..references import Reference
from ..russian_names import surname_cases
from ..russian_people import OFFICE_GENITIVE, name_ending, name_starting, titled_name
from .context import Discourse
from .cues import window_start
from .mentions import Mentions, Pronoun, Unknown
from .quoting import covers
from .russian_cues import (
    INVERTED_CUE,
    MAX_AFTER_WORDS,
    MAX_GAP_WORDS,
    PREPOSITION_BEFORE,
    PRONOUN,
    PRONOUN_CUE,
    RELATIVE,
)

_WORD = re.compile(r"[\w-]+")
_CONVINCED = re.compile(r"(?:уверен|убежд[её]н)(?:а|ы)?", re.IGNORECASE)
_CAPITAL_WORD = re.compile(r"[А-ЯЁA-Z]")
# ", который заявил", ", которая ранее сообщила": a clause whose subject is the word before its comma
_RELATIVE_OPENS = re.compile(r",\s*котор(?:ый|ая|ые)(?:\s+[а-яё]+){0,2}\s*$")
_CAPITALISED_TITLE = re.compile(r"(?:Президент|Премьер|Председател|Глав|Министр|Генеральн|Пресс-секретар|Помощник)")
_OFFICE_KINDS = {"министра": ("foreign_minister", "minister"), "пресс-секретаря": ("spokesperson",),
                 "помощника": ("aide",), "генсека": ("cis_executive_secretary",)}
_ANY_OFFICE = re.compile(r"(?i:министр|секретар|помощник|посол|посла|советник)")
_BARE_OFFICE = re.compile(rf"\s+(?P<office>(?i:{'|'.join(_OFFICE_KINDS)}))(?=\s*[,.])")
_TITLE_BEFORE_NAME = re.compile(r"(?<![\w-])(?i:президента|премьер-министра|председателя|главы|лидера)\s+$")
_ACTING = re.compile(r"(?<![\w-])и\.\s?о\.")
_SCARE_QUOTES = re.compile(r"[«“\"][\w-]+(?:\s+[\w-]+)?[»”\"]")


def bare_office(text: str, cue: re.Match, outside, state: Discourse, mentions: Mentions) -> list:
    """"Лавров ответил на вопросы. По словам министра, …": an office with no name after "по
    словам" is the person named last before it in the paragraph, if they held it that day and no
    other office was named between ("… министр финансов Антон Силуанов …" makes it unclear)."""
    m = _BARE_OFFICE.match(text, cue.end()) if INVERTED_CUE.fullmatch(cue.group()) else None
    if not m:
        return []
    last = next((r for r in reversed(outside) if r.end <= cue.start() and r.kind in ("name", "role")), None)
    if last is None or _ANY_OFFICE.search(text, last.end, cue.start()):
        return []
    ids = mentions.resolver.resolve(last, state.day, state.named)
    kinds = _OFFICE_KINDS[m.group("office").lower()]
    person = mentions.people.get(ids[0]) if len(ids) == 1 else None
    if person and any(role.kind in kinds for role in person.roles_on(state.day)):
        return [Reference(m.start("office"), m.end("office"), m.group("office"), "name", ids)]
    return []


def find_subjects(text: str, cue: re.Match, outside, quotes, state: Discourse) -> list:
    if PRONOUN_CUE.fullmatch(cue.group()):
        m = PRONOUN_CUE.fullmatch(cue.group())
        return [Pronoun(cue.start() + m.start("pronoun"), cue.start() + m.end("pronoun"),
                        "plural" if m.group("pronoun").lower() == "их" else "single")]
    if INVERTED_CUE.fullmatch(cue.group()):
        after = _after(text, cue.end(), outside, quotes, any_case=True, state=state)
        return after[:1]
    if _CONVINCED.fullmatch(cue.group()) and text[max(0, cue.start() - 2):cue.start()] == ", ":
        # "…, уверен президент России": whoever stands before the comma is in what was said
        return _after(text, cue.end(), outside, quotes, any_case=False, state=state)[:1]
    start = window_start(text, cue.start(), quotes)
    relative = _RELATIVE_OPENS.search(text, start, cue.start())
    if relative:  # "… коллеги Леонида Кучмы, который заявил": the one the clause is about
        antecedent = [r for r in outside if start <= r.start and r.end <= relative.start()
                      and not text[r.end:relative.start()].strip()]
        return antecedent[-1:]
    before = subject_before(text, start, cue, outside)
    if before:
        return before
    unknown = _unknown(name_ending(text[start:cue.start()]), state) or _known_unknown(
        re.search(r"([А-ЯЁ][а-яё]+)\s*$", text[start:cue.start()]), state)
    if unknown:
        return [unknown]
    return _after(text, cue.end(), outside, quotes, any_case=False, state=state)[:1]


def subject_before(text: str, start: int, cue: re.Match, outside) -> list:
    """The nearest nominative reference before the cue in its sentence (with those joined to it
    by "и" when the verb is plural: "Путин и Токаев заявили")."""
    pronouns = [Pronoun(m.start(), m.end(), "plural" if m.group("plural") else "single")
                for m in PRONOUN.finditer(text, start, cue.start()) if not _covered(outside, m.start())]
    candidates = sorted([*(r for r in outside if start <= r.start and r.end <= cue.start()), *pronouns],
                        key=lambda r: r.end)
    for index in range(len(candidates) - 1, -1, -1):
        candidate = candidates[index]
        if _oblique(text, candidate):
            continue
        gap = text[candidate.end:cue.start()]
        if len(_WORD.findall(gap)) > MAX_GAP_WORDS or RELATIVE.search(gap):
            return []
        if isinstance(candidate, Pronoun) and candidate.number == "single":
            # "Лукашенко сидел справа, обращаясь к Алиеву он сказал": the sentence's own subject
            subject = _sentence_subject(text, candidates[:index])
            if subject is not None:
                return [subject]
        chosen = [candidate]
        if cue.group().lower().endswith("ли"):
            while index and re.fullmatch(r"\s*(?:,|и)\s*", text[candidates[index - 1].end:chosen[0].start]) \
                    and not _oblique(text, candidates[index - 1]):
                index -= 1
                chosen.insert(0, candidates[index])
        return chosen
    return []


def _sentence_subject(text: str, earlier) -> object | None:
    """The one nominative name or title before a pronoun in its sentence, if exactly one stands
    there: two ("Путин и Токаев …, он") leave the pronoun to the discourse."""
    nominative = [r for r in earlier if not isinstance(r, Pronoun) and r.kind in ("name", "role")
                  and not _oblique(text, r)]
    return nominative[0] if len(nominative) == 1 else None


def _after(text: str, position: int, outside, quotes, any_case: bool, state: Discourse) -> list:
    """The first reference after the cue, over a few light words ("в субботу", "журналистам")
    and, unless any case will do, over oblique ones; an unlisted name there is an unknown speaker."""
    i = bisect.bisect_left(outside, position, key=lambda r: r.start)
    cursor = position
    while i < len(outside):
        ref = outside[i]
        gap = text[cursor:ref.start]
        # "по словам министра, график президента …": what follows the comma is what was said;
        # a word in scare quotes ("заявил «хозяин» саммита президент …") is a word, not a quotation
        marks = _ACTING.sub(" ", _SCARE_QUOTES.sub(" ", gap))  # nor is the dot of "и.о." a sentence's end
        if re.search(r"[.!?;«»“”\"]" if not any_case else r"[.!?;«»“”\",]", marks) or (
                len(_WORD.findall(gap)) > MAX_AFTER_WORDS or covers(quotes, ref.start)):
            break
        words = _WORD.findall(gap)
        if words and _CAPITAL_WORD.match(words[0]) and not words[0].isupper() and cursor == position \
                and not _CAPITALISED_TITLE.match(words[0]):  # "По словам Президента Садыра Жапарова" is one
            break  # "сообщает Интерфакс": something the tagger does not know speaks ("сообщил ТАСС X": told)
        if any_case and _complement(text[position:ref.start]):
            return []  # "по информации заведующего отделом Администрации Президента Садыра Жапарова"
        if any_case or not _oblique(text, ref):
            if ref.kind in ("role", "generic"):  # "пресс-секретарь Токаева Берик Уали": the unknown's title
                unknown = _unknown(name_starting(_after_title(text, ref.end, outside), titled=True), state)
                if unknown:
                    return [unknown]
            return [ref]
        cursor = ref.end
        i += 1
    gap = text[cursor:cursor + 80]
    light = re.match(r"(?:\s+[а-яё]+){0,3}\s*", gap)
    rest = gap[light.end():] if light else gap
    unknown = (_unknown(name_starting(rest), state)
               or _known_unknown(re.match(r"([А-ЯЁ][а-яё]+)(?![\w-])", rest), state)
               or _unknown(titled_name(text, cursor, genitive=any_case), state))
    if unknown:
        return [unknown]
    pronoun = re.match(r"\s*(?:(?P<single>он|она)|(?P<plural>они))(?![\w-])", text[position:position + 6])
    if pronoun:
        return [Pronoun(position + pronoun.start(), position + pronoun.end(),
                        "plural" if pronoun.group("plural") else "single")]
    return []


def _complement(lead: str) -> bool:
    """Is a name after "по словам"/"по информации" only part of an unnamed official's title? It is
    when the stretch opens with an office ("заведующего отделом", "представителя") and another
    title stands right before the name ("… Администрации Президента Садыра Жапарова"): the
    name is whose office it is, not who spoke."""
    return bool(OFFICE_GENITIVE.match(lead.lstrip()) and _TITLE_BEFORE_NAME.search(lead))


def _after_title(text: str, end: int, outside) -> str:
    """The text after a title and what belongs to it: an oblique reference ("президента
    Кыргызстана", "узбекского лидера", "Токаева") or a lower-case genitive word or two."""
    i = bisect.bisect_left(outside, end, key=lambda r: r.start)
    while i < len(outside) and outside[i].oblique and not text[end:outside[i].start].strip():
        end = outside[i].end
        i += 1
    light = re.match(r"(?:\s+[а-яё]+){0,2}(?=\s+[А-ЯЁ])", text[end:end + 40])
    return text[end + (light.end() if light else 0):end + 80]


def _unknown(found, state: Discourse) -> Unknown | None:
    """An unlisted person, remembered by surname so that "— написал Уали" finds them again."""
    if not found:
        return None
    speaker_id, problem, surname = found
    state.unknown_surnames.setdefault(surname, speaker_id)
    return Unknown(speaker_id, problem)


def _known_unknown(match: re.Match | None, state: Discourse) -> Unknown | None:
    """An unlisted person named before, by surname in any case ("по словам Мукашева")."""
    if not match:
        return None
    word = match.group(1)
    speaker_id = state.unknown_surnames.get(word) or next(
        (sid for surname, sid in state.unknown_surnames.items() if word in surname_cases(surname)), None)
    return Unknown(speaker_id, "") if speaker_id else None


def _oblique(text: str, ref) -> bool:
    if isinstance(ref, Pronoun):
        return False
    return ref.oblique or bool(PREPOSITION_BEFORE.search(text[max(0, ref.start - 12):ref.start]))


def _covered(refs, position: int) -> bool:
    return any(r.start <= position < r.end for r in refs)
