"""Lemmas by simplemma's German dictionary: "umzubringen" -> "umbringen".

simplemma reads nouns capitalised ("Mahnungen") and verbs in lower case; hastily typed text has neither
right, so both spellings are tried. The lemma is returned folded, like every other word form in Lotse.
"""

from __future__ import annotations

from functools import lru_cache

import simplemma

from lotse.language.text import MAX_WORD_LEN, fold

__all__ = ["lemma"]


@lru_cache(maxsize=131072)
def lemma(word: str) -> str:
    """The folded lemma of one word as typed (any case); the folded word itself when none is known."""
    word = word[:MAX_WORD_LEN]
    if not word.isalpha():
        return fold(word)
    lower = word.lower()
    # A capitalised word is read as a noun first ("Miete" -> Miete, not mieten), any other as typed.
    tries = (lower.capitalize(), lower) if word[0].isupper() else (lower, lower.capitalize())
    for attempt in tries:
        found = simplemma.lemmatize(attempt, lang="de")
        if found.lower() != lower and "|" not in found:
            return fold(found)
    return fold(lower)
