"""Compound splitting: "Stromsperre" -> stromsperre, strom, sperre.

The parts are the words of `compound_parts.txt` plus what other parts of Lotse register (the taxonomy's
labels, the lexicon, the index vocabulary). The split looks at parts of at most MAX_PART_LEN letters of a
word of at most MAX_COMPOUND_LEN letters (longer ones are not split), so one word costs bounded time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from lotse.language.text import MAX_WORD_LEN, fold
from lotse.language.words import STOP_WORDS, word_file

__all__ = ["MAX_COMPOUND_LEN", "add_compound_parts", "register_parts", "split_compound"]

# Compound parts shorter than this create nonsense splits ("be" + "ratung").
MIN_PART_LEN = 3
#: No part of a German compound is longer than this: the bound keeps the split linear in the word.
MAX_PART_LEN = 24
# Words shorter than this are never split: short words are rarely compounds.
MIN_COMPOUND_LEN = 6
#: Longer "words" are not split at all: real compounds stay far below it (Rindfleischetikettierungsgesetz
#: has 31 letters), and only pasted junk is that long.
MAX_COMPOUND_LEN = MAX_WORD_LEN
# Linking elements (Fugen) after a non-final part, and inflection endings after the final part.
_LINKERS = ("", "s", "es", "n", "en", "e", "er", "ns")
_ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern", "nen")

_EXTRA_PARTS: set[str] = set()
_PROVIDERS: list[Callable[[], Iterable[str]]] = []


def register_parts(provider: Callable[[], Iterable[str]]) -> None:
    """Add a source of compound parts, read lazily on the first split (e.g. the lexicon's words)."""
    _PROVIDERS.append(provider)
    _parts.cache_clear()
    _split.cache_clear()


def add_compound_parts(words: Iterable[str]) -> None:
    """Teach the compound splitter more parts (e.g. the index vocabulary); clears the split cache."""
    _EXTRA_PARTS.update(fold(w) for w in words)
    _parts.cache_clear()
    _split.cache_clear()


@lru_cache(maxsize=1)
def _parts() -> frozenset[str]:
    words = word_file("compound_parts.txt") | _EXTRA_PARTS
    for provider in _PROVIDERS:
        words.update(provider())
    return frozenset(
        w for w in words if MIN_PART_LEN <= len(w) <= MAX_PART_LEN and w.isalpha() and w not in STOP_WORDS
    )


def _best_split(word: str, parts: frozenset[str]) -> list[str] | None:
    """Fewest known parts covering the word (with Fugen/endings); ties go to longer parts."""
    n = len(word)
    # best[i] = (number of parts, -sum of squared lengths, parts) for word[i:]
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[n] = (0, 0, [])
    for i in range(n - MIN_PART_LEN, -1, -1):
        candidates: list[tuple[int, int, list[str]]] = []
        for j in range(i + MIN_PART_LEN, min(n, i + MAX_PART_LEN) + 1):
            part = word[i:j]
            if part not in parts:
                continue
            rest = n - j
            for glue in _ENDINGS if rest <= 3 else _LINKERS:
                k = j + len(glue)
                if k > n or word[j:k] != glue:
                    continue
                tail = best[k]
                if tail is None or (i == 0 and k == n):
                    continue  # the whole word as its only part is no split
                candidates.append((tail[0] + 1, tail[1] - len(part) ** 2, [part, *tail[2]]))
        if candidates:
            best[i] = min(candidates, key=lambda c: (c[0], c[1]))
    found = best[0]
    if found is None or found[0] < 2:
        return None
    return found[2]


@lru_cache(maxsize=65536)
def _split(word: str) -> tuple[str, ...]:
    if not MIN_COMPOUND_LEN <= len(word) <= MAX_COMPOUND_LEN or not word.isalpha():
        return (word,)
    parts = _parts()
    top = _best_split(word, parts)
    if top is None:
        return (word,)
    out = [word]
    for part in top:
        # Parts may be compounds themselves: Schuldnerberatung -> Schuldner + Beratung.
        for sub in (*_split(part), *_agent_base(part, parts)):
            if sub not in out:
                out.append(sub)
    return tuple(out)


def _agent_base(part: str, parts: frozenset[str]) -> tuple[str, ...]:
    """The base of a person noun among the parts: Schuldner -> Schuld, Mieter -> Miet."""
    for suffix in ("ner", "er"):
        base = part[: -len(suffix)]
        if part.endswith(suffix) and len(base) >= MIN_PART_LEN and base in parts:
            return (base,)
    return ()


def split_compound(folded_word: str) -> list[str]:
    """The word itself followed by its known compound parts (Stromsperre -> stromsperre, strom, sperre)."""
    if len(folded_word) > MAX_COMPOUND_LEN:
        return [folded_word]
    return list(_split(folded_word))
