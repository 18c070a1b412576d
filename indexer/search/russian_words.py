"""Russian stop words: the function words (prepositions, conjunctions, particles, pronouns,
forms of быть) that stand in nearly every passage and mean nothing searched alone, as English
STOP_WORDS are to English text. Kept short on purpose: NLTK's list, which Whoosh ships, also
drops words a user may well search for (`два`, `три`, `больше`, `хорошо`, `нельзя`, `никогда`).

Written folded (`е` for `ё`, lower case), as the analyzer compares them after folding.
"""

RUSSIAN_STOP_WORDS = frozenset("""
а без бы был была были было быть в вам вас во вот все всех всю вы где да для до его ее ей ему
если есть еще же за и из или им их к как ко когда кто ли либо мне мы на над нам нас не него нее
ней ни ним них но ну о об обо он она они оно от перед по под при про с со так также там тем то
того тоже той том тот ту у уже чем что чтобы эта эти этим этих это этого этой этом этот эту я
""".split())

# Nouns ending in -ит. Snowball Russian reads that -ит (and the -ите of the locative) as a verb
# ending, so `саммит` and `на саммите` stem to `самм` while `саммита`, `саммиты`, `саммитом` stem
# to `саммит`: the word this project is about would split in two. Where the stemmer cut such a
# noun's -ит, the analyzer puts it back. Nouns only (none is also a common verb's stem + -ит), and
# only the lemma is listed: every case form follows from it.
NOUNS_ENDING_IN_IT = frozenset("""
саммит визит кредит транзит депозит дефицит профицит лимит аппетит магнит бандит реквизит
колорит монолит динамит графит гамбит паразит термит
""".split())
