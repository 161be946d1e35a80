"""Folding and tokenising: the first step of every reading of German text in Lotse."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["MAX_WORD_LEN", "TOKEN_RE", "Token", "fold", "fold_token", "fold_word", "tokenize"]

#: Longer letter runs are cut to this length: no German word is longer, and every later per-word step
#: (compounds, typos, lemmas) then costs bounded time, so the whole reading stays linear in the input.
MAX_WORD_LEN = 64

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})


def _mark_class() -> str:
    """A regex character class of the combining marks of the Basic Multilingual Plane (categories Mn, Mc,
    Me): the vowel signs of Devanagari, Bengali, Tamil or Thai, Arabic vowel points, a decomposed umlaut's
    dots. They belong to the word they stand in."""
    marks = [c for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")]
    ranges: list[tuple[int, int]] = []
    for c in marks:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    return "[" + "".join(f"\\u{a:04x}" + (f"-\\u{b:04x}" if b > a else "") for a, b in ranges) + "]"


# Letters and digits, with the combining marks inside a word (a word of Hindi, "मेरे पति", falls apart at
# every vowel sign without them); "§" is kept as a token of its own so that "§ 35" stays searchable.
_MARKS = _mark_class()
TOKEN_RE = re.compile(rf"§|[^\W_]+(?:{_MARKS}+[^\W_]*)*")


def fold(text: str) -> str:
    """Lowercase, spell out umlauts and ß (ä -> ae, also where the dots come as a combining mark), and strip
    all other diacritics (the marks of canonical combining class above 0; a Hindi vowel sign stays)."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFC", text.lower()).translate(_UMLAUTS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Folding one word at a time repeats constantly while indexing: cache it per word (words of at most
#: MAX_WORD_LEN letters; 65,536 of them bound what a flood of unique words can hold to about 22 MB).
fold_word = lru_cache(maxsize=65536)(fold)


def fold_token(word: str) -> str:
    """The folded form a word is read by everywhere (need recognition, search's index and queries): its
    first MAX_WORD_LEN letters, folded, cached by those letters."""
    return fold_word(word[:MAX_WORD_LEN])


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the input: original spelling, folded form and character offsets."""

    text: str
    folded: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split text into letter/digit runs ("ALG2", "SGB", "II", "§", "35") with their offsets.

    A run longer than MAX_WORD_LEN keeps its offsets but is analysed by its first MAX_WORD_LEN letters.
    """
    out = []
    for m in TOKEN_RE.finditer(text):
        out.append(Token(m.group(), fold_token(m.group()), m.start(), m.end()))
    return out
