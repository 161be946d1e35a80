"""Typos: a word nobody would write is corrected to the nearest word of a vocabulary ("Wohnug" -> wohnung).

Shared by search (against the index's words) and the matcher of lexicon and rules (against their words).
A common German word is never a typo; short words are not corrected at all (too many real neighbours).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from lotse.language.text import fold
from lotse.language.words import STOP_WORDS, stem, word_file

__all__ = ["correct", "is_common_word", "max_edits"]


@lru_cache(maxsize=1)
def _common() -> tuple[frozenset[str], frozenset[str]]:
    words = word_file("common_words.txt") | STOP_WORDS
    return frozenset(words), frozenset(stem(w) for w in words if len(w) >= 4)


def is_common_word(folded_word: str) -> bool:
    """True if the word (or a word with its stem) is a common German word, so never a typo."""
    words, stems = _common()
    return folded_word in words or stem(folded_word) in stems


def max_edits(length: int) -> int:
    """How many edits a typo of a word of this length may have: none below 4 letters, one up to 7, two."""
    if length < 4:
        return 0
    return 1 if length <= 7 else 2


def correct(word: str, vocabulary: Collection[str]) -> str | None:
    """The vocabulary word a typo most likely meant, or None (known/common word, too short, no match)."""
    folded = fold(word)
    limit = max_edits(len(folded))
    if limit == 0 or folded in vocabulary or not folded.isalpha() or is_common_word(folded):
        return None
    # OSA distance counts a swap of two neighbouring letters as one edit.
    found = process.extract(folded, vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=20)
    if not found:
        return None

    def rank(item: tuple[str, float, Any]) -> tuple[float, int, int, str]:
        cand, dist, _ = item
        return (dist + (0 if cand[:1] == folded[:1] else 0.5), abs(len(cand) - len(folded)), 0, cand)

    best, dist, _ = min(found, key=rank)
    # A differing first letter is a rarer typo: accept it only at one edit.
    if best[:1] != folded[:1] and dist > 1:
        return None
    return str(best)
