"""Lotse's German language layer: one way to read German for needs, rules, search and offer inference.

A leaf package: it imports nothing else of Lotse (it reads word lists shipped in `lotse/data`). Every step
runs in time linear in its input: words are cut to `MAX_WORD_LEN` letters before any per-word analysis, and
the compound splitter looks at parts of bounded length.
"""

from lotse.language.compounds import add_compound_parts, split_compound
from lotse.language.lemmas import lemma
from lotse.language.scope import Reading, lemma_forms, read
from lotse.language.text import MAX_WORD_LEN, Token, fold, fold_word, tokenize
from lotse.language.words import STOP_WORDS, stem

__all__ = [
    "MAX_WORD_LEN",
    "STOP_WORDS",
    "Reading",
    "Token",
    "add_compound_parts",
    "fold",
    "fold_word",
    "lemma",
    "lemma_forms",
    "read",
    "split_compound",
    "stem",
    "tokenize",
]
