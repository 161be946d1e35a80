"""The one matcher of written words and phrases: the need lexicon's cues and the rules' word conditions.

A phrase is one or more words as a person writes them ("Stromsperre", "heute Nacht", "suizid*",
"nicht mehr leben"). Matching a text follows these rules, and only these:

- A word matches a word of the text with the same Snowball stem ("Kündigungen" ~ "Kündigung"), also as a
  known part of a compound ("Strom" in "Stromsperre"; a word that is itself a phrase word is not split).
- "word*" matches every word, or compound part, that starts with the folded prefix ("Suizidgedanken");
  "*word" every word or compound part whose stem ends in the word's stem ("*behinderung" finds
  "Sehbehinderung", a compound whose first part the splitter does not know).
- Umlauts, ß and capitals do not matter ("Straße" = "strasse").
- Stop words ("auf", "der", "mir") match only themselves; "kein", "nicht", "nie" and their forms stand for
  any of them ("kein Dach" = "nicht mal ein Dach"), "nichts" and "nix" only for each other.
- A typo is corrected to the nearest word of the matcher's vocabulary (its phrases' words) when the word
  has at least `MIN_TYPO_LEN` letters, is neither a known word nor a compound nor a common German word:
  one edit (a swap counts as one) up to 7 letters, two from 8 ("wohnungslso" -> "wohnungslos").
- The words of a phrase must occur in one sentence, within `len(words) + PHRASE_GAP` words of each other:
  a two-word phrase in any order ("Kühlschrank leer" = "leerer Kühlschrank"), a longer one, or one with a
  negation word, in its order ("weiß ich nicht wohin" matches "weiß nicht wohin").

Whether a match counts when the text negates it or speaks of the past is the caller's decision: the
reading (`lotse.language.scope`) marks those words. Offer texts are matched order-free against their
analysed terms (`in_terms`): an offer describes, so "rund um die Uhr" and "Uhr, rund" mean the same.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from lotse.language.compounds import split_compound
from lotse.language.text import Token, fold, tokenize
from lotse.language.typos import correct, is_common_word, max_edits
from lotse.language.words import STOP_WORDS, stem

__all__ = [
    "MIN_TYPO_LEN",
    "NEGATION_WORDS",
    "NOTHING_WORDS",
    "PHRASE_GAP",
    "Matcher",
    "Phrase",
    "PhraseWord",
    "Scan",
    "compile_phrase",
    "in_terms",
    "phrase_vocabulary",
]

#: Words a phrase may span beyond its own length: situations are written loosely ("heut nacht weiß ich
#: nich wohin"), but a wider window joins words that do not belong together.
PHRASE_GAP = 2
#: Shorter words are not typo-corrected: too many real words and place names lie one edit from a cue.
MIN_TYPO_LEN = 6
#: Words that stand for "no" inside a phrase ("kein geld", "nicht mehr laufen").
NEGATION_WORDS = frozenset(
    {"nicht", "nich", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals"}
)
#: "nichts"/"nix" only match each other: "nichts zu essen" is no "kein Arzt".
NOTHING_WORDS = frozenset({"nichts", "nix", "nischt"})
#: Offer texts: a word at least this long also matches the end of a term ("Seelsorge" in
#: "Telefonseelsorge"); shorter ones would hit unrelated words ("haft" in "Schwangerschaft").
HEAD_MIN_LEN = 6
#: Offer texts: a prefix ("suizid*") matches a term only from this length on: shorter stems are common.
MIN_PREFIX_STEM = 4

#: How a phrase word is compared: ("s", stem), ("p", folded prefix), ("h", stem of a compound's end),
#: ("l", stop word as written), ("n", "") any negation word, ("x", "") "nichts"/"nix".
Key = tuple[str, str]
NEGATION: Key = ("n", "")
NOTHING: Key = ("x", "")


@dataclass(frozen=True, slots=True)
class PhraseWord:
    """One word of a phrase: how it is compared (its key), its folded form and its stem."""

    key: Key
    folded: str
    stem: str

    @property
    def prefix(self) -> bool:
        """Written as "word*": matches words starting with it."""
        return self.key[0] == "p"

    @property
    def head(self) -> bool:
        """Written as "*word": matches words ending in it."""
        return self.key[0] == "h"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A word or phrase as written, prepared for matching: one word per distinct key, in order."""

    source: str
    words: tuple[PhraseWord, ...]
    #: The keys of the words, in order.
    keys: tuple[Key, ...] = field(init=False, compare=False)
    #: The phrase itself says "no" ("kein Dach", "nicht mehr leben").
    negated_inside: bool = field(init=False, compare=False)
    #: The keys after the first: a text lacking any of them cannot hold the phrase (`Scan.first`).
    later: frozenset[Key] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(w.key for w in self.words))
        object.__setattr__(self, "later", frozenset(self.keys[1:]))
        object.__setattr__(self, "negated_inside", any(w.key in (NEGATION, NOTHING) for w in self.words))

    @property
    def searchable(self) -> bool:
        """It has a word that is no stop or negation word (only such a phrase can say something)."""
        return any(w.key[0] in "sph" for w in self.words)


def _key(word: str, prefix: bool, head: bool) -> Key:
    if word in NEGATION_WORDS:
        return NEGATION
    if word in NOTHING_WORDS:
        return NOTHING
    if prefix:
        return ("p", word)
    if head:
        return ("h", stem(word))
    if word in STOP_WORDS:
        return ("l", word)
    return ("s", stem(word))


@lru_cache(maxsize=8192)
def compile_phrase(source: str) -> Phrase:
    """Prepare a written word or phrase for matching (cached: rules and lexicon reuse their phrases)."""
    folded = fold(source)
    words: dict[Key, PhraseWord] = {}
    for token in tokenize(folded):
        key = _key(token.folded, folded.find(token.text + "*") >= 0, folded.find("*" + token.text) >= 0)
        words.setdefault(key, PhraseWord(key, token.folded, stem(token.folded)))
    return Phrase(source, tuple(words.values()))


def phrase_vocabulary(sources: Iterable[str]) -> frozenset[str]:
    """The folded words of written phrases (letters only, at least 3): what typos are corrected to."""
    words = {w.strip("*") for source in sources for w in fold(source).split()}
    return frozenset(w for w in words if w.isalpha() and len(w) >= 3)


class Matcher:
    """The phrases of one source (the lexicon, a rules file) with what matching them needs: their stems,
    prefixes and the vocabulary typos are corrected to. Word keys are remembered per folded word."""

    def __init__(self, phrases: Iterable[Phrase], vocabulary: frozenset[str] | None = None) -> None:
        self.phrases = tuple(dict.fromkeys(phrases))
        keys = {k for phrase in self.phrases for k in phrase.keys}
        self.stems = frozenset(k[1] for k in keys if k[0] == "s")
        self.prefixes = frozenset(k[1] for k in keys if k[0] == "p")
        self.heads = frozenset(k[1] for k in keys if k[0] == "h")
        # A word's prefixes and heads are looked up by its beginnings and endings up to the longest one: as
        # many set lookups as letters, not a test per prefix of the source (about 14,000 string tests per
        # new word of the lexicon before).
        self._prefix_lengths = sorted({len(p) for p in self.prefixes})
        self._head_lengths = sorted({len(h) for h in self.heads})
        self.words = (
            vocabulary if vocabulary is not None else phrase_vocabulary(p.source for p in self.phrases)
        )
        by_length: dict[int, set[str]] = {}
        for word in self.words:
            by_length.setdefault(len(word), set()).add(word)
        self._by_length = {n: frozenset(ws) for n, ws in by_length.items()}
        # Per word length: the words a typo of that length may be corrected to, with their letter masks
        # (`_letter_mask`), filled on first use.
        self._near: dict[int, tuple[tuple[str, ...], np.ndarray]] = {}
        self.word_keys: Callable[[str], frozenset[Key]] = lru_cache(maxsize=16384)(self._word_keys)

    def scan(self, tokens: Sequence[Token], sentences: Sequence[int]) -> Scan:
        """Prepare a text (its tokens and their sentence numbers) for finding this matcher's phrases."""
        where: dict[Key, list[int]] = {}
        for position, token in enumerate(tokens):
            for key in self.word_keys(token.folded):
                where.setdefault(key, []).append(position)
        return Scan(tokens, sentences, where)

    def _word_keys(self, folded: str) -> frozenset[Key]:
        """The keys of one folded word: its stem (after a typo correction) and those of its compound
        parts, unless the whole word is a phrase word, and the prefixes and heads it starts and ends with."""
        keys: set[Key] = set()
        if folded in NEGATION_WORDS:
            keys.add(NEGATION)
        if folded in NOTHING_WORDS:
            keys.add(NOTHING)
        if folded in STOP_WORDS:
            keys.add(("l", folded))
            return frozenset(keys)
        word = folded
        whole = stem(word)
        if (
            len(word) >= MIN_TYPO_LEN
            and word.isalpha()
            and whole not in self.stems
            and word not in self.words
            and len(split_compound(word)) == 1
        ):
            fixed = self._correct(word)
            if fixed is not None:
                word, whole = fixed, stem(fixed)
        keys.add(("s", whole))
        units = [word] if whole in self.stems else split_compound(word)
        for unit in units:
            unit_stem = stem(unit)
            keys.add(("s", unit_stem))
            keys.update(("p", unit[:n]) for n in self._prefix_lengths if unit[:n] in self.prefixes)
            keys.update(
                ("h", unit_stem[-n:])
                for n in self._head_lengths
                if n <= len(unit_stem) and unit_stem[-n:] in self.heads
            )
        return frozenset(keys)

    def _correct(self, word: str) -> str | None:
        """The phrase word a typo most likely meant (`typos.correct` among the words two letters shorter to
        two longer), or None.

        `correct` compares the word with each of those words (about 1,300 at 55 ns each); only those whose
        letters can lie within its edits are offered to it, in the order `correct` would meet them, so the
        answer is the same: an edit adds or drops at most one letter of the word's set of letters (a
        replacement one of each, a swap none), so a word within `max_edits` differs in at most twice as many
        (`_letter_mask`). A common word is never corrected, so it needs no candidates at all."""
        near, masks = self._near_words(len(word))
        if not near:
            return None
        if fold(word) != word:
            return correct(word, near)
        if is_common_word(word):
            return None
        close = np.bitwise_count(masks ^ _letter_mask(word)) <= 2 * max_edits(len(word))
        return correct(word, [near[k] for k in np.flatnonzero(close).tolist()])

    def _near_words(self, length: int) -> tuple[tuple[str, ...], np.ndarray]:
        """The words of the vocabulary two letters shorter to two longer than `length`, in the order of the
        set `correct` was given before (its candidates of equal distance keep their order), and their letter
        masks."""
        found = self._near.get(length)
        if found is None:
            near: set[str] = set()
            for n in range(length - 2, length + 3):
                near.update(self._by_length.get(n, ()))
            words = tuple(near)
            found = words, np.fromiter(map(_letter_mask, words), dtype=np.int64, count=len(words))
            self._near[length] = found
        return found


def _letter_mask(word: str) -> int:
    """The letters a word holds, one bit each (a to z; other characters share the remaining 37 bits)."""
    mask = 0
    for ch in word:
        mask |= 1 << (ord(ch) - 97 if "a" <= ch <= "z" else 26 + ord(ch) % 37)
    return mask


class Scan:
    """One text prepared for one matcher: where each key occurs."""

    def __init__(
        self, tokens: Sequence[Token], sentences: Sequence[int], where: dict[Key, list[int]]
    ) -> None:
        self.tokens = tokens
        self.sentences = sentences
        #: Positions of every key, in the order the keys first occur in the text.
        self.where = where

    def first(self, phrase: Phrase) -> tuple[int, ...] | None:
        """The positions of the phrase's first occurrence, or None."""
        starts = self.where.get(phrase.keys[0]) if phrase.keys else None
        if starts is None:
            return None
        if len(phrase.keys) == 1:
            return (starts[0],)
        if not self.where.keys() >= phrase.later:
            return None
        for start in starts:
            found = self._at(phrase, start)
            if found is not None:
                return found
        return None

    def occurrences(self, phrase: Phrase) -> Iterator[tuple[int, ...]]:
        """Every occurrence of the phrase, by the position of its first word: the positions it covers."""
        for start in self.where.get(phrase.keys[0], ()) if phrase.keys else ():
            found = self._at(phrase, start)
            if found is not None:
                yield found

    def _at(self, phrase: Phrase, start: int) -> tuple[int, ...] | None:
        """The occurrence starting with the phrase's first word at `start`: each further word nearest to
        the one before, within the window and the sentence (in order where the phrase keeps its order)."""
        keys = phrase.keys
        if len(keys) == 1:
            return (start,)
        where, sentences = self.where, self.sentences
        window = len(keys) + PHRASE_GAP
        ordered = len(keys) > 2 or phrase.negated_inside
        sentence = sentences[start]
        chosen = [start]
        for other in keys[1:]:
            last = chosen[-1]
            best: int | None = None
            # A key's positions are ascending: look only within the window (and after the word before,
            # where the phrase keeps its order).
            spots = where.get(other, ())
            low = bisect_left(spots, max(start - window, last) if ordered else start - window)
            for q in spots[low : bisect_right(spots, start + window)]:
                if sentences[q] == sentence and (best is None or abs(q - last) < abs(best - last)):
                    best = q
            if best is None:
                return None
            chosen.append(best)
        if max(chosen) - min(chosen) > window:
            return None
        return tuple(sorted(set(chosen)))

    def quote(self, positions: Sequence[int]) -> str:
        """The words of the text from the first to the last position, as written."""
        return " ".join(t.text for t in self.tokens[min(positions) : max(positions) + 1])


def in_terms(phrase: Phrase, terms: Collection[str]) -> bool:
    """Tell whether every word of the phrase occurs among analysed terms (stems of words and compound parts).

    The order-free match for offer texts: keeping only the terms (not a positioned text) per offer keeps
    10,000 offers cheap. Stop words of the phrase are left out, as the analyser leaves them out of the terms.
    """
    words = [w for w in phrase.words if w.folded not in STOP_WORDS]
    return bool(words) and all(_in_terms(w, terms) for w in words)


def _in_terms(word: PhraseWord, terms: Collection[str]) -> bool:
    if word.prefix:
        # Stems may be shorter than the prefix ("schwangere" -> "schwang"): allow a stem cut by two letters.
        return any(
            t.startswith(word.folded) or (len(word.folded) - len(t) <= 2 and word.folded.startswith(t))
            for t in terms
            if len(t) >= MIN_PREFIX_STEM
        )
    if word.stem in terms:
        return True
    return (word.head or len(word.folded) >= HEAD_MIN_LEN) and any(t.endswith(word.stem) for t in terms)
