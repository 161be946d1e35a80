"""The words typos are corrected against, grouped by length so a correction compares only near lengths."""

from __future__ import annotations

from collections.abc import Collection, Iterator

#: Largest length difference a correction may bridge (two edits, for long words).
MAX_LENGTH_DIFFERENCE = 2


class Vocabulary:
    """A set of folded words; `near(word)` is the part of it a typo of that word can be corrected to."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        self._by_length: dict[int, list[str]] = {}
        for word in words:
            self._by_length.setdefault(len(word), []).append(word)

    def extended(self, words: frozenset[str]) -> Vocabulary:
        """This vocabulary with more words (only the lengths they touch are copied)."""
        new = words - self.words
        if not new:
            return self
        found = object.__new__(Vocabulary)
        found.words = self.words | new
        found._by_length = dict(self._by_length)
        for word in new:
            found._by_length[len(word)] = [*found._by_length.get(len(word), ()), word]
        return found

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def near(self, word: str) -> Collection[str]:
        """The words whose length is close enough to be a correction of `word`, plus membership of all."""
        return _Near(self, word)


class _Near:
    """Membership against the whole vocabulary, iteration over words of similar length only."""

    def __init__(self, vocabulary: Vocabulary, word: str) -> None:
        self._vocabulary = vocabulary
        self._length = len(word)

    def __contains__(self, word: object) -> bool:
        return word in self._vocabulary.words

    def __iter__(self) -> Iterator[str]:
        by_length = self._vocabulary._by_length
        for length in range(self._length - MAX_LENGTH_DIFFERENCE, self._length + MAX_LENGTH_DIFFERENCE + 1):
            yield from by_length.get(length, ())

    def __len__(self) -> int:
        by_length = self._vocabulary._by_length
        return sum(
            len(by_length.get(n, ()))
            for n in range(self._length - MAX_LENGTH_DIFFERENCE, self._length + MAX_LENGTH_DIFFERENCE + 1)
        )
