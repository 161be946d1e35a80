"""Word lists shipped with Lotse (stop words, common words) and the Snowball stemmer."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import Stemmer

from lotse.language.text import fold

__all__ = ["STOP_WORDS", "common_words", "data_text", "stem", "word_file"]

_STEMMER = Stemmer.Stemmer("german")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball German stem of a folded word (cached; picklable as a plain function)."""
    return str(_STEMMER.stemWord(word))


def data_text(name: str) -> str:
    """A text file of `lotse/data`."""
    return resources.files("lotse.data").joinpath(name).read_text(encoding="utf-8")


def word_file(name: str) -> set[str]:
    """The folded words of a word list in `lotse/data` ("#" starts a comment)."""
    words: set[str] = set()
    for line in data_text(name).splitlines():
        line = line.split("#", 1)[0]
        words.update(fold(w) for w in line.split())
    return words


STOP_WORDS: frozenset[str] = frozenset(word_file("stopwords.txt"))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common German words (never typos) and the stop words."""
    return frozenset(word_file("common_words.txt") | STOP_WORDS)
