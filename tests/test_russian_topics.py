"""Topics from Russian cue words (corpus/topics.toml), so the topic facet covers both languages:
every topic is found in a Russian passage, a stem finds the word in every case, `ё` is `е` both
ways, a starred word inside a phrase takes any ending, and words that merely start like a cue
("мировой", "принять участие", "единственный") put a passage under no topic. /help explains
searching in both scripts."""

from __future__ import annotations

import pytest

from indexer.reference import Topic
from indexer.topics import TopicMatcher

# Written for these tests: one passage per topic, in the wording of Russian summit coverage.
ONE_PER_TOPIC = {
    "Президент заявил, что террористы не должны найти убежища у внешних границ Содружества.":
        ("security-defence",),
    "Стороны отметили рост товарооборота между двумя странами.": ("economy-trade",),
    "Лидеры договорились поддерживать русский язык как язык общения.": ("language-culture",),
    "Он назвал однополярный миропорядок пережитком прошлого.": ("world-order-west",),
    "Казахстан выступает за углубление евразийской интеграции.": ("cis-integration",),
    "Стороны призвали к прекращению огня в секторе Газа.": ("conflicts-middle-east",),
    "Президенты обсудили повестку двусторонних отношений.": ("bilateral-relations",),
    "Главы государств подписали итоговый пакет документов.": ("summit-decisions",),
}


@pytest.fixture(scope="module")
def topics(reference):
    return TopicMatcher(reference.topics.values())


def test_every_topic_is_found_in_a_russian_passage(tag_text, reference):
    article = tag_text("lang: ru\n\n" + "\n\n".join(ONE_PER_TOPIC) + "\n")
    assert [(p.text, p.topics) for p in article.passages] == list(ONE_PER_TOPIC.items())
    assert {topic for p in article.passages for topic in p.topics} == set(reference.topics)


@pytest.mark.parametrize("text, expected", [
    ("Безопасность превыше всего.", ("security-defence",)),
    ("Речь шла о безопасности.", ("security-defence",)),
    ("Он говорил о безопасностью.", ("security-defence",)),
    ("Вопросы экономики обсуждались отдельно.", ("economy-trade",)),
    ("Обсудили трудовую миграцию.", ("economy-trade",)),
    ("Договорились о поддержке мигрантов.", ("economy-trade",)),
    ("Наложены новые санкции.", ("world-order-west",)),
    ("Об этом говорили на Ближнем Востоке.", ("conflicts-middle-east",)),
])
def test_a_stem_finds_the_word_in_every_case(topics, text, expected):
    assert topics.of(text) == expected


def test_a_starred_word_inside_a_phrase_takes_any_ending(topics):
    assert topics.of("Охрана внешних границ остается задачей.") == ("security-defence",)
    assert topics.of("Речь о внешней границе.") == ("security-defence",)
    assert topics.of("Обсудили работу органов СНГ.") == ("cis-integration",)
    assert topics.of("Он говорил о внешней политике и о границе.") == ()  # the words apart are no cue


def test_case_and_yo_do_not_matter(topics):
    assert topics.of("ЗАПАДНЫЕ САНКЦИИ") == ("world-order-west",)
    assert topics.of("Роль вооружённых сил обсуждалась.") == ("security-defence",)
    assert topics.of("Роль вооруженных сил обсуждалась.") == ("security-defence",)
    assert topics.of("Молодёжный форум открылся.") == ("language-culture",)
    written_with_yo = TopicMatcher([Topic("partners", "Partners", ("партнёр*",))])
    assert written_with_yo.of("Статус партнера Содружества.") == ("partners",)
    assert written_with_yo.of("СТАТУС ПАРТНЁРА") == ("partners",)


@pytest.mark.parametrize("text", [
    "Мировой порядок меняется, сказал он о мирном процессе.",  # мир*: world/peace, left out
    "Он принял участие в заседании и поблагодарил хозяев.",  # принят*: принять участие
    "Лидеры договорились встретиться снова.",  # договор*: договорились
    "Это единственный путь.",  # единств*: единственный
    "Энергичный лидер выступил первым.",  # энерги*: энергичный
    "Газета опубликовала интервью о ценах газа.",  # газ*: газета, газа
    "Отметили 30-летие образования СНГ.",  # образовани*: the founding of the CIS
    "Уважаемые коллеги, благодарю вас.",  # коллег*: dear colleagues
    "Армения примет гостей в будущем году.",  # арми* does not match Армения
])
def test_a_word_that_merely_starts_like_a_cue_is_no_topic(topics, text):
    assert topics.of(text) == ()


def test_a_near_miss_in_an_article_leaves_the_passage_without_topics(tag_text):
    article = tag_text("lang: ru\n\nЛидеры приняли участие в церемонии в мировой столице.\n")
    assert article.passages[0].topics == ()


def test_a_russian_heading_gives_its_topic_to_the_passages_under_it(tag_text):
    article = tag_text("lang: ru\n\nЛидеры собрались в столице.\n\nО безопасности\n\nЛидеры встретились утром.\n")
    assert [(p.kind, p.topics) for p in article.passages] == [
        ("narration", ()), ("heading", ("security-defence",)), ("narration", ("security-defence",))]


def test_latin_cues_in_russian_text_and_russian_cues_never_in_english(topics):
    assert topics.of("Россия и BRICS расширяют сотрудничество.") == ("cis-integration",)
    assert topics.of("Президенты обсудили BRICS и санкции.") == ("world-order-west", "cis-integration")
    assert topics.of("The leaders met in Moscow.") == ()
    assert topics.of("Vladimir Putin said the sanctions hit trade and investments.") == (
        "economy-trade", "world-order-west")


# --- /help ----------------------------------------------------------------------------------

def test_help_explains_searching_in_both_scripts(client):
    page = client.get("/help").get_data(as_text=True)
    for text in (
        'A Russian word, stemmed the Russian way',
        '<code lang="ru">авантюры</code> also finds <span lang="ru">“авантюр”</span>',
        '<a href="/search?q=%D0%9B%D1%83%D0%BA%D0%B0%D1%88%D0%B5%D0%BD%D0%BA%D0%BE"><code>Лукашенко</code></a>',
        '<a href="/search?q=speaker%3A%D0%9B%D1%83%D0%BA%D0%B0%D1%88%D0%B5%D0%BD%D0%BA%D0%BE">'
        '<code>speaker:Лукашенко</code></a>',
        'passages in both languages',
        '<a href="/search?q=Lukashenko&amp;lang=en"><code>lang=en</code></a>',
        "Topics are found from English and Russian words",
    ):
        assert text in page, text
