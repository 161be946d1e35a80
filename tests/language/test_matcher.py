"""The one matcher of lexicon cues and rule words, and offer texts matched by their analysed terms."""

from __future__ import annotations

from lotse.language.matcher import compile_phrase, in_terms
from lotse.search.analysis import analyze


def in_offer(phrase: str, text: str) -> bool:
    return in_terms(compile_phrase(phrase), frozenset(analyze(text)))


def test_offer_texts_match_words_in_any_order() -> None:
    assert in_offer("rund um die Uhr", "Die Uhr läuft: rund und bunt")


def test_offer_texts_need_every_word_of_a_phrase() -> None:
    assert not in_offer("rund um die Uhr", "Die Uhr ist kaputt")


def test_offer_texts_match_compound_parts_and_prefixes() -> None:
    assert in_offer("Strom", "Hilfe bei Stromsperren")
    assert in_offer("schwanger*", "Beratung für Schwangere")


def test_offer_texts_match_the_head_of_an_unknown_compound() -> None:
    assert in_offer("Seelsorge", "Die Telefonseelsorge hilft")
