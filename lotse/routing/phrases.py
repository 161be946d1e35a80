"""Word and phrase patterns of the routing rules, matched the way Lotse reads German.

A pattern is one or more words ("Strom", "heute Nacht", "rund um die Uhr"). A word matches a word of the text
with the same Snowball stem, also as a part of a compound ("Stromsperre" contains "Strom") or, when long,
as the head of a compound ("Telefonseelsorge" ends in "Seelsorge"); "word*" matches
any word starting with the folded prefix; a long word also matches a one-letter typo ("Wohnug"). The words
of a phrase must occur in order, with at most `PHRASE_GAP` other words between neighbours ("weiß ich nicht
wohin" still matches "weiß nicht wohin"). Stop words are kept: in phrases like "nicht wohin" they carry the
meaning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from lotse.search.analysis import fold, split_compound, stem, tokenize

#: Other words allowed between two words of a phrase: situations are written loosely ("heut nacht weiß
#: ich nich wohin"), but a wider gap would join words from unrelated sentences.
PHRASE_GAP = 2
#: Words at least this long also match as the last part (the head) of a compound the splitter does not
#: know ("Seelsorge" in "Telefonseelsorge"); shorter ones would hit unrelated words ("haft" in
#: "Schwangerschaft").
HEAD_MIN_LEN = 6
#: Words at least this long also match with one typo (letter dropped, added, changed or swapped); shorter
#: words have too many real neighbours ("Haus"/"Hals").
FUZZY_MIN_LEN = 7


@dataclass(frozen=True, slots=True)
class PatternWord:
    """One word of a pattern: its folded form, its stem, or a prefix when written "word*"."""

    folded: str
    stem: str
    prefix: bool


@dataclass(frozen=True, slots=True)
class Pattern:
    """A word or phrase as written in the rules, prepared for matching."""

    source: str
    words: tuple[PatternWord, ...]


@lru_cache(maxsize=4096)
def compile_pattern(source: str) -> Pattern:
    """Prepare a word or phrase for matching (cached: rules reuse the same patterns)."""
    words = []
    for raw in source.split():
        prefix = raw.endswith("*")
        folded = fold(raw.rstrip("*"))
        for token in tokenize(folded):
            words.append(PatternWord(token.folded, stem(token.folded), prefix))
    return Pattern(source, tuple(words))


@dataclass(frozen=True, slots=True)
class _Word:
    folded: str
    stems: frozenset[str]
    parts: tuple[str, ...]


class Text:
    """A situation prepared once for matching many patterns: words in order, by stem and by length, and
    where each pattern word was found (asked again by later rules)."""

    def __init__(self, text: str) -> None:
        self._words: list[_Word] = []
        self._positions: dict[str, list[int]] = {}
        self._by_length: dict[int, list[int]] = {}
        self._memo: dict[PatternWord, frozenset[int]] = {}
        for position, token in enumerate(tokenize(text)):
            parts = tuple(split_compound(token.folded))
            stems = frozenset(stem(p) for p in parts)
            self._words.append(_Word(token.folded, stems, parts))
            for key in stems:
                self._positions.setdefault(key, []).append(position)
            self._by_length.setdefault(len(token.folded), []).append(position)

    def __len__(self) -> int:
        return len(self._words)

    def find(self, pattern: Pattern) -> str | None:
        """Return the words of the text that match the pattern (as written, folded), or None."""
        if not pattern.words:
            return None
        for start in sorted(self._where(pattern.words[0])):
            found = self._follow(pattern.words, start)
            if found is not None:
                return " ".join(self._words[i].folded for i in found)
        return None

    def matches(self, pattern: Pattern) -> bool:
        """Tell whether the pattern occurs in the text."""
        return self.find(pattern) is not None

    def first_match(self, patterns: Iterable[Pattern]) -> str | None:
        """Return the text's words for the first pattern that occurs, or None."""
        for pattern in patterns:
            found = self.find(pattern)
            if found is not None:
                return found
        return None

    def _where(self, word: PatternWord) -> frozenset[int]:
        found = self._memo.get(word)
        if found is None:
            found = self._memo[word] = frozenset(self._search(word))
        return found

    def _search(self, word: PatternWord) -> list[int]:
        if word.prefix:
            return [i for i, w in enumerate(self._words) if any(p.startswith(word.folded) for p in w.parts)]
        found = set(self._positions.get(word.stem, ()))
        if len(word.folded) >= HEAD_MIN_LEN:
            found.update(i for i, w in enumerate(self._words) if any(s.endswith(word.stem) for s in w.stems))
        if len(word.folded) >= FUZZY_MIN_LEN:
            size = len(word.folded)
            for length in (size - 1, size, size + 1):
                for i in self._by_length.get(length, ()):
                    if OSA.distance(word.folded, self._words[i].folded, score_cutoff=1) <= 1:
                        found.add(i)
        return sorted(found)

    def _follow(self, words: tuple[PatternWord, ...], start: int) -> list[int] | None:
        found = [start]
        position = start
        for word in words[1:]:
            places = self._where(word)
            window = range(position + 1, min(len(self._words), position + 2 + PHRASE_GAP))
            nxt = next((i for i in window if i in places), None)
            if nxt is None:
                return None
            found.append(nxt)
            position = nxt
        return found
