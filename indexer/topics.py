"""Which topics a passage is about, from the cue words of topics.toml, in English and Russian.

A cue is a word or phrase matched on whole words, case-insensitively; a word ending in `*`
matches any ending ("sanction*", "внешн* границ*"), which is how one Russian stem stands for
all six cases. `ё` and `е` are one letter both ways, as Russian is printed with either.

Topics are sought in every passage of every article, so the matching is made cheap: text and
cues are lower-cased once and matched case-sensitively (three times faster than ignoring
case), and cues are grouped by script, so that an English passage is never searched for
Russian cues and a Russian one for English cues only where it has a Latin letter ("BRICS").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .language import yo_as_ye
from .reference import Topic

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# a letter of another script than Cyrillic: the only text non-Cyrillic cues can match
_OTHER_LETTER = re.compile(r"[^\W\d_\u0400-\u04ff]")


class TopicMatcher:
    """Built once per reference-data load; `of(text)` gives the topic ids of a text, in the
    order of topics.toml."""

    def __init__(self, topics: Iterable[Topic]):
        self._lower: list[tuple[str, re.Pattern | None, re.Pattern | None]] = []
        self._any_case: list[tuple[str, re.Pattern]] = []
        for topic in topics:
            cues = [fold(cue) for cue in topic.cues]
            cyrillic = [cue for cue in cues if _CYRILLIC.search(cue)]
            other = [cue for cue in cues if not _CYRILLIC.search(cue)]
            self._lower.append((topic.id, cue_regex(other, ignore_case=False) if other else None,
                                cue_regex(cyrillic, ignore_case=False) if cyrillic else None))
            self._any_case.append((topic.id, cue_regex(cues)))

    def of(self, text: str) -> tuple[str, ...]:
        """The ids of the topics whose cues occur in `text`."""
        lowered = fold(text)
        if len(lowered) != len(text):
            # a letter whose lower case is longer ("İ"): no fast path, match ignoring case
            text = yo_as_ye(text)
            return tuple(tid for tid, regex in self._any_case if regex.search(text))
        cyrillic = _CYRILLIC.search(lowered) is not None
        other = _OTHER_LETTER.search(lowered) is not None
        return tuple(tid for tid, latin_re, cyrillic_re in self._lower
                     if (other and latin_re is not None and latin_re.search(lowered))
                     or (cyrillic and cyrillic_re is not None and cyrillic_re.search(lowered)))


def fold(text: str) -> str:
    """Lower case, with `ё` read as `е`."""
    return text.lower().replace("ё", "е")


def cue_regex(cues: Iterable[str], ignore_case: bool = True) -> re.Pattern:
    """One pattern for all the cues: whole words, a word's trailing `*` for any ending
    (letters, digits or hyphens), words of a phrase separated by any white space."""
    parts = []
    for cue in cues:
        words = []
        for word in cue.split():
            stem, star = (word[:-1], True) if word.endswith("*") else (word, False)
            words.append(re.escape(stem) + (r"[\w-]*" if star else ""))
        parts.append(r"\s+".join(words) + r"(?![\w-])")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})", re.IGNORECASE if ignore_case else 0)
