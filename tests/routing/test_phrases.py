"""Word patterns of the rules read German like the rest of Lotse: inflection, compounds, typos, chat style."""

from __future__ import annotations

from lotse.routing.phrases import Text, compile_pattern


def finds(pattern: str, text: str) -> bool:
    return Text(text).matches(compile_pattern(pattern))


def test_inflected_forms_match_by_stem() -> None:
    assert finds("Kündigung", "Wir haben zwei Kündigungen bekommen")
    assert finds("obdachlos", "Hilfe für obdachlose Menschen")


def test_a_compound_part_matches() -> None:
    assert finds("Strom", "Die Stromsperre ist angekündigt")


def test_the_head_of_an_unknown_compound_matches() -> None:
    assert finds("Seelsorge", "Rufen Sie die Telefonseelsorge an")


def test_a_short_word_does_not_match_inside_other_words() -> None:
    assert not finds("haft", "Wegen der Schwangerschaft")


def test_prefix_pattern_matches_word_beginnings() -> None:
    assert finds("suizid*", "Er hat Suizidgedanken")


def test_umlauts_and_sharp_s_are_folded() -> None:
    assert finds("auf der Straße", "ich bin auf der strasse")
    assert finds("Übernachtung", "eine uebernachtung")


def test_capitals_do_not_matter() -> None:
    assert finds("Heute Nacht", "HEUTE NACHT weiß ich nicht wohin")


def test_a_long_word_matches_with_one_typo() -> None:
    assert finds("Wohnungslos", "bin seit gestern wohnungslso")


def test_a_short_word_needs_the_right_spelling() -> None:
    assert not finds("Haus", "Hals")


def test_phrase_words_must_come_in_order() -> None:
    assert not finds("nicht wohin", "wohin nur, ich weiß es nicht")


def test_phrase_allows_a_few_words_between() -> None:
    assert finds("weiß nicht wohin", "heut nacht weiß ich nich nicht wohin")


def test_phrase_does_not_join_distant_words() -> None:
    assert not finds("heute Nacht", "heute war ich beim Amt, morgen und übermorgen auch, in der Nacht")


def test_find_returns_the_words_of_the_text() -> None:
    assert Text("Heut Nacht ist es kalt").find(compile_pattern("heute nacht")) == "heut nacht"
