"""Russian articles for the generated benchmark corpus (`bench.generate --russian 0.2`).

Indexing speed per passage must stay within 15 % of English (issue 14), so the benchmark needs
Russian copy that exercises what Russian costs: Cyrillic words the Russian stemmer works on,
Russian stop words, «…» quotes with Russian speech verbs, names in their Russian forms. The
sentences below were written for this file; a Cyrillic made-up tail with Russian endings grows
the vocabulary as the English generator's tail does. Half the headers say `lang: ru`, the rest
leave the language to detection.
"""

from __future__ import annotations

import itertools
import random

SENTENCES = [
    "Лидеры государств Содружества обсудили вопросы торгового и экономического сотрудничества на ближайшие годы",
    "Участники встречи подписали соглашение о развитии транспортных коридоров между странами региона",
    "Президент подчеркнул важность сохранения стабильности и безопасности на внешних границах Содружества",
    "Главы государств договорились укреплять гуманитарные связи и поддерживать русский язык как язык общения",
    "На саммите были приняты решения о совместной борьбе с терроризмом и незаконным оборотом наркотиков",
    "Стороны отметили рост взаимной торговли и расширение расчетов в национальных валютах",
    "Делегации обменялись мнениями о ситуации в мире и о роли региональных объединений",
    "В ходе переговоров в узком составе лидеры обсудили вопросы энергетики и продовольственной безопасности",
    "Председательство в Содружестве в следующем году перейдет к другой стране по ротации",
    "Участники заседания приняли заявление о сотрудничестве в области цифровой экономики и образования",
    "Глава государства напомнил о годовщине Победы и призвал беречь историческую память народов",
    "Очередное заседание Совета глав государств пройдет в столице одного из государств участников",
    "Лидеры высоко оценили работу исполнительного комитета и секретариата Содружества за прошедший год",
    "Стороны договорились продолжить консультации по вопросам миграции и трудовой занятости граждан",
    "Президенты поддержали инициативу о проведении совместных культурных и спортивных мероприятий",
    "Особое внимание было уделено развитию промышленной кооперации и совместных инвестиционных проектов",
    "Собеседники обсудили ход подготовки к предстоящим мероприятиям и график визитов на высшем уровне",
    "Международная обстановка остается сложной и требует от партнеров тесной координации действий",
]
SPEECH_VERBS = ["заявил", "отметил", "подчеркнул", "сказал", "добавил"]
REPORTED = ["заявил, что", "отметил, что", "подчеркнул, что", "считает, что"]
HEADINGS = ["О торговле и экономике", "О безопасности", "О гуманитарном сотрудничестве", "Об энергетике",
            "О миграции", "О транспорте и логистике"]
SYLLABLES = ["ка", "ло", "мир", "та", "вен", "ос", "ри", "дус", "бел", "ан", "ор", "ку", "жи", "ста", "нор",
             "пел", "гра", "ви", "те", "мон"]
ENDINGS = ["", "а", "ов", "ами", "ого", "ие", "ой", "ения", "ский"]
TAIL_WORDS = 20_000
ZIPF_EXPONENT = 1.1
CITIES = {"Moscow": "Москве", "Minsk": "Минске", "Bishkek": "Бишкеке", "Dushanbe": "Душанбе",
          "Ashgabat": "Ашхабаде", "Astana": "Астане", "St Petersburg": "Санкт-Петербурге", "Kazan": "Казани",
          "Chisinau": "Кишиневе", "Sochi": "Сочи", "Almaty": "Алматы", "Yerevan": "Ереване", "Baku": "Баку"}


class RussianArticleWriter:
    """Writes one Russian article at a time, drawing from its own random stream."""

    def __init__(self, rng: random.Random, reference, leaders_on, outlets: list[str]):
        self.rng = rng
        self.reference = reference
        self.leaders_on = leaders_on  # summit -> the leaders' Latin names (the English writer's)
        self.outlets = outlets
        self.russian = {p.name: (p.russian[0] if p.russian else p.name) for p in reference.people.values()}
        self.summits = sorted(reference.summits.values(), key=lambda s: s.date)
        self.tail = [_pseudo_word(rng) for _ in range(TAIL_WORDS)]
        self.tail_cumulative = list(itertools.accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(TAIL_WORDS)))

    def article(self, lines: int) -> tuple[str, int]:
        rng = self.rng
        summit = rng.choice(self.summits)
        speakers = [self.russian.get(n, n) for n in self.leaders_on(summit)] or ["Владимир Путин"]
        out = []
        if rng.random() < 0.7:
            lang = "lang: ru\n" if rng.random() < 0.5 else ""
            out.append(f"title: {self._sentence(6)}\ndate: {summit.date.isoformat()}\n"
                       f"source: {rng.choice(self.outlets)}\nsummit: {summit.id}\n{lang}")
        out.append(self._sentence(7).rstrip(".") + "\n")  # headline
        city = CITIES.get(summit.city or "", "режиме видеоконференции")
        out.append(f"Саммит СНГ в {city} в {summit.date.year} году. {self._sentence(12)}\n")
        count = 2
        while count < lines:
            if rng.random() < 0.12:
                out.append(f"{rng.choice(HEADINGS)}\n")
            else:
                out.append(self._paragraph(rng.choice(speakers)) + "\n")
            count += 1
        return "\n".join(out), count

    def _paragraph(self, speaker: str) -> str:
        rng, style = self.rng, self.rng.random()
        if style < 0.3:
            return f"«{self._sentence(18)} {self._sentence(12)[:-1]}», — {rng.choice(SPEECH_VERBS)} {speaker}."
        if style < 0.5:
            return f"{speaker} {rng.choice(SPEECH_VERBS)}: «{self._sentence(20)}»"
        if style < 0.65:
            sentence = self._sentence(22)
            return f"{speaker} {rng.choice(REPORTED)} {sentence[0].lower()}{sentence[1:]}"
        return " ".join(self._sentence(rng.randint(10, 24)) for _ in range(rng.randint(1, 3)))

    def _sentence(self, words: int) -> str:
        mixed = self.rng.choice(SENTENCES).split()[:words]
        for word in self.rng.choices(self.tail, cum_weights=self.tail_cumulative, k=max(2, words // 4)):
            mixed.insert(self.rng.randrange(1, len(mixed) + 1), word)
        text = " ".join(mixed)
        return text[0].upper() + text[1:] + "."


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(ENDINGS)
