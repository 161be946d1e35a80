"""Query planning: folding, stop words, compounds, thesaurus, typo correction and the word clauses."""

from __future__ import annotations

from lotse.search import fields as F
from lotse.search.analysis import analyze
from lotse.search.query import (
    CORRECTED_WEIGHT,
    MAX_WORDS,
    PART_WEIGHT,
    SYNONYM_WEIGHT,
    WORD_WEIGHT,
    Filters,
    plan,
    text_query,
)
from lotse.search.vocabulary import Vocabulary


def _terms(text: str) -> dict[str, float]:
    return plan(text).weights()


def test_umlaut_and_spelled_out_umlaut_plan_the_same_terms() -> None:
    assert _terms("Ältere") == _terms("aeltere") == _terms("ÄLTERE")


def test_stop_words_are_no_query_words() -> None:
    assert [w.original for w in plan("Hilfe für die Familie").words] == ["Hilfe", "Familie"]


def test_compound_part_weighs_less_than_the_whole_word() -> None:
    word = plan("Schuldnerberatung").words[0]
    whole, *parts = analyze("Schuldnerberatung")
    assert word.terms[whole] == WORD_WEIGHT
    assert parts and all(word.terms[p] == PART_WEIGHT for p in parts)


def test_colloquial_word_adds_thesaurus_terms() -> None:
    word = plan("pleite").words[0]
    assert SYNONYM_WEIGHT in word.terms.values()


def test_word_missing_from_the_vocabulary_is_corrected() -> None:
    found = plan("Schuldnerbratung", Vocabulary(frozenset({"schuldnerberatung"})), lambda _t: False)
    assert found.corrections == {"Schuldnerbratung": "schuldnerberatung"}
    assert found.words[0].terms[analyze("schuldnerberatung")[0]] == CORRECTED_WEIGHT


def test_word_in_the_vocabulary_is_not_corrected() -> None:
    found = plan("Sucht", Vocabulary(frozenset({"suche", "sucht"})), lambda _t: False)
    assert found.corrections == {}


def test_word_whose_stem_is_indexed_is_not_corrected() -> None:
    # "Suchten" is not in the vocabulary, but its stem is in the index: a real word, not a typo of "Suche".
    found = plan("Suchten", Vocabulary(frozenset({"suche"})), lambda term: term == analyze("Suchten")[0])
    assert found.corrections == {}


def test_short_word_is_never_corrected() -> None:
    found = plan("Amt", Vocabulary(frozenset({"arzt"})), lambda _t: False)
    assert found.corrections == {}


def test_repeated_word_is_planned_once() -> None:
    assert len(plan("Schulden Schulden schulden").words) == 1


def test_very_long_text_is_cut_to_the_most_words() -> None:
    text = " ".join(f"Wort{i}x" for i in range(500))
    assert len(plan(text).words) == MAX_WORDS


def test_text_of_stop_words_plans_nothing() -> None:
    assert not plan("und oder die der")


def test_rare_word_makes_a_clause_common_word_only_scores() -> None:
    frequency = {analyze("Schulden")[0]: 3, analyze("Beratung")[0]: 900}
    query = text_query(plan("Schulden Beratung"), lambda t: frequency.get(t, 0), 1000)
    assert query.clauses == ((analyze("Schulden")[0],),)
    assert {t.text for t in query.scoring} >= set(frequency)


def test_only_common_words_still_qualify_offers() -> None:
    query = text_query(plan("Beratung"), lambda _t: 900, 1000)
    assert query.clauses and not query.matches_nothing


def test_text_without_indexed_terms_matches_nothing() -> None:
    assert text_query(plan("Zebra"), lambda _t: 0, 1000).matches_nothing


def test_whole_words_also_score_in_the_name() -> None:
    query = text_query(plan("Schulden"), lambda _t: 1, 1000)
    assert {t.field for t in query.scoring} == {F.TEXT, F.NAME}


def test_district_filter_also_admits_city_wide_offers() -> None:
    groups = Filters(districts=("mitte",)).term_groups()
    assert groups == [[(F.DISTRICTS, "mitte"), (F.DISTRICTS, F.CITY_WIDE)]]


def test_age_is_no_indexed_filter() -> None:
    assert Filters(age=30).term_groups() == []


def test_an_extended_vocabulary_corrects_to_its_new_words_too() -> None:
    vocabulary = Vocabulary(frozenset({"schuldnerberatung"})).extended(frozenset({"zwiebelturm"}))
    assert plan("Zwiebelturn", vocabulary, lambda _t: False).corrections == {"Zwiebelturn": "zwiebelturm"}
    assert plan("Schuldnerbratung", vocabulary, lambda _t: False).corrections
