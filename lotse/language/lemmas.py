"""Lemmas: "umzubringen" -> "umbringen", "rausgeschmissen" -> "rausschmeissen", "Mahnungen" -> "mahnung".

The lemmas come from simplemma's German dictionary, but a worker does not load that dictionary (110 MB in
memory): `lotse train` writes the part of it that matters, every word form whose lemma occurs in the training
corpus, plus the corpus' own words, to `lotse/data/lemmas_de.tsv.gz` (about 40,000 forms), and this module
reads that table. A word the table does not know is its own lemma (folded); the model has never seen its
lemma anyway. simplemma reads nouns capitalised ("Mahnungen") and verbs in lower case; hastily typed text
has neither right, so both spellings are tried, the one the word was typed in first.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lotse.language.text import MAX_WORD_LEN, fold

__all__ = ["TABLE_FILE", "build_lemma_table", "lemma", "reload_lemmas"]

TABLE_FILE = "lemmas_de.tsv.gz"


#: The table read instead of the package's (`reload_lemmas(path)`): the one `lotse train` just wrote beside
#: a model it writes elsewhere (`--out`), so that the model learns the words as the table it ships with reads
#: them.
_source: Path | None = None


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    path = _source or resources.files("lotse.data").joinpath(TABLE_FILE)
    if not path.is_file():
        return {}
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t", 1) for line in handle if "\t" in line)


def _tries(word: str) -> tuple[str, ...]:
    lower = word.lower()
    return (word, lower.capitalize(), lower) if word[0].isupper() else (word, lower, lower.capitalize())


def lemma(word: str) -> str:
    """The folded lemma of one word as typed (any case); the folded word itself when none is known."""
    # Cached by the word's first MAX_WORD_LEN letters: keyed by whole words, 131,072 unique words of 2,000
    # letters sent by a client would have held 260 MB in every worker. 32,768 forms are far more than a
    # worker meets in situations, and bound what a flood of unique words can hold (about 11 MB).
    return _lemma(word[:MAX_WORD_LEN])


@lru_cache(maxsize=32768)
def _lemma(word: str) -> str:
    if not word.isalpha():
        return fold(word)
    table = _table()
    for key in _tries(word):
        found = table.get(key)
        if found is not None:
            return found
    return fold(word.lower())


def reload_lemmas(path: Path | None = None) -> None:
    """Forget the table read so far (after `build_lemma_table` wrote a new one); read the table at `path`
    from now on, or the package's without it."""
    global _source
    _source = path
    _table.cache_clear()
    _lemma.cache_clear()


def _simplemma_lemma(word: str) -> str | None:
    import simplemma

    lower = word.lower()
    tries = (lower.capitalize(), lower) if word[0].isupper() else (lower, lower.capitalize())
    for attempt in tries:
        found = simplemma.lemmatize(attempt, lang="de")
        if found.lower() != lower and "|" not in found:
            return fold(found)
    return None


def build_lemma_table(words: Iterable[str], out: Path) -> int:
    """Write the lemma table for a corpus' words (needs simplemma); returns the number of forms."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    table: dict[str, str] = {}
    for word in {w[:MAX_WORD_LEN] for w in words if w.isalpha()}:
        found = _simplemma_lemma(word)
        if found is not None:
            table[word] = found
    lemmas = set(table.values()) | {fold(w.lower()) for w in words if w.isalpha()}
    dictionary = DefaultDictionaryFactory().get_dictionary("de")
    for form in dictionary:
        value = dictionary[form]
        found = fold(value.decode("utf-8") if isinstance(value, bytes) else str(value))
        if found in lemmas and fold(form) != found and "|" not in found:
            table.setdefault(form, found)
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime 0: the same corpus writes the same bytes.
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as packed:
        packed.write("".join(f"{form}\t{table[form]}\n" for form in sorted(table)).encode("utf-8"))
    return len(table)
