"""The one matcher of lexicon cues and rule words: how a written phrase is found in a text, and offer texts
matched by their analysed terms."""

from __future__ import annotations

from lotse.language import read
from lotse.language.matcher import Matcher, compile_phrase, in_terms
from lotse.search.analysis import analyze


def found(phrase: str, text: str) -> str | None:
    """The words of the text the phrase matched (as written), or None."""
    compiled = compile_phrase(phrase)
    reading = read(text)
    scan = Matcher([compiled]).scan(reading.tokens, reading.sentences)
    positions = scan.first(compiled)
    return scan.quote(positions) if positions is not None else None


def finds(phrase: str, text: str) -> bool:
    return found(phrase, text) is not None


def test_inflected_forms_match_by_stem() -> None:
    assert finds("Kündigung", "Wir haben zwei Kündigungen bekommen")
    assert finds("obdachlos", "Hilfe für obdachlose Menschen")


def test_a_compound_part_matches() -> None:
    assert finds("Strom", "Die Stromsperre ist angekündigt")


def test_a_short_word_does_not_match_inside_other_words() -> None:
    assert not finds("haft", "Wegen der Schwangerschaft")


def test_prefix_matches_word_beginnings() -> None:
    assert finds("suizid*", "Er hat Suizidgedanken")


def test_head_matches_the_end_of_a_compound_the_splitter_does_not_know() -> None:
    assert finds("*behinderung", "Sie hat eine starke Sehbehinderung")
    assert not finds("behinderung", "Sie hat eine starke Sehbehinderung")


def test_umlauts_sharp_s_and_capitals_do_not_matter() -> None:
    assert finds("auf der Straße", "ich bin auf der strasse")
    assert finds("Heute Nacht", "HEUTE NACHT weiß ich nicht wohin")


def test_a_typo_is_corrected_to_a_word_of_the_matcher() -> None:
    assert finds("Wohnungslos", "bin seit gestern wohnungslso")


def test_a_short_word_needs_the_right_spelling() -> None:
    assert not finds("Haus", "Hals")


def test_two_words_match_in_either_order() -> None:
    assert finds("Kühlschrank leer", "Der Kühlschrank ist leer")
    assert finds("Kühlschrank leer", "ein leerer Kühlschrank")


def test_longer_phrases_keep_their_order_with_a_few_words_between() -> None:
    assert finds("weiß nicht wohin", "heut nacht weiß ich nich nicht wohin")
    assert not finds("weiß nicht wohin", "wohin nicht, weiß ich")


def test_a_phrase_with_a_negation_keeps_its_order() -> None:
    assert not finds("nicht wohin", "wohin nur, ich weiß es nicht")


def test_negation_words_stand_for_each_other() -> None:
    assert finds("kein Dach", "Wir haben nicht mal ein Dach")


def test_a_phrase_does_not_join_words_of_different_sentences_or_far_apart() -> None:
    assert not finds("heute Nacht", "Ich war heute beim Amt. In der Nacht war es kalt.")
    assert not finds("heute Nacht", "heute war ich beim Amt, morgen und übermorgen auch, in der Nacht")


def test_the_match_quotes_the_words_of_the_text_as_written() -> None:
    assert found("heute nacht", "Heut Nacht ist es kalt") == "Heut Nacht"
    assert found("weiß nicht wohin", "Ich weiß echt nicht wohin.") == "weiß echt nicht wohin"


def test_a_repeated_word_is_matched_where_it_stands_nearest_and_in_order() -> None:
    # Two words match in either order: the nearer „leer“ is quoted, not the one at the start.
    assert found("Kühlschrank leer", "Leer ist alles, der Kühlschrank ist leer") == "Kühlschrank ist leer"
    # A longer phrase keeps its order: the nearer „nicht“ and „wohin“ before „weiß“ do not count.
    assert found("weiß nicht wohin", "wohin nicht weiß ich nicht wohin") == "weiß ich nicht wohin"


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
