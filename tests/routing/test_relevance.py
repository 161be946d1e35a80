"""Text relevance: the search's German analysis against an in-memory index of the offers' texts."""

from __future__ import annotations

import pytest

from lotse.routing.relevance import TextIndex, mentions_need
from tests.routing.offer_builders import facts

DEBT = facts("Schuldnerberatung", description="Hilfe bei Schulden, Mahnungen und Stromsperre.")
FOOD = facts("Tafel", description="Lebensmittel für Menschen mit kleinem Einkommen.")


def test_the_best_matching_offer_scores_one() -> None:
    scores = TextIndex([DEBT, FOOD]).scores("Uns droht eine Stromsperre, die Mahnungen stapeln sich")
    assert scores.get(DEBT.id) == 1.0 and scores.get(FOOD.id) == 0.0


def test_compound_parts_match() -> None:
    assert TextIndex([DEBT, FOOD]).scores("Der Strom wird gesperrt").get(DEBT.id) > 0


def test_words_in_the_name_count_more() -> None:
    named = facts("Stromsparberatung", description="Tipps für den Alltag.")
    described = facts("Energieberatung", description="Tipps zum Stromsparen für den Alltag.")
    scores = TextIndex([named, described]).scores("Stromsparen")
    assert scores.get(named.id) > scores.get(described.id)


def test_common_words_do_not_bring_offers_in() -> None:
    many = [facts(f"Beratung {i}", description="Beratung") for i in range(250)]
    special = facts("Schuldnerberatung", description="Beratung bei Schulden")
    scores = TextIndex([*many, special]).scores("Beratung wegen Schulden")
    assert scores.get(special.id) == 1.0 and scores.get(many[0].id) == 0.0


def test_offers_of_the_questions_needs_get_common_words_too() -> None:
    many = [facts(f"Beratung {i}", description="Beratung") for i in range(250)]
    debt = facts("Beratung", description="Beratung", needs=["GEL.SCHULD"])
    scores = TextIndex([*many, debt]).scores("Beratung", needs=["GEL.SCHULD"])
    assert scores.get(debt.id) == pytest.approx(1.0) and scores.get(many[3].id) == 0.0


def test_a_patched_index_keeps_the_slots_of_unchanged_offers_and_scores_like_a_new_one() -> None:
    index = TextIndex([DEBT, FOOD])
    renamed = facts("Tafel am Markt", description="Lebensmittel und Stromsperre-Hilfe.", id=FOOD.id)
    patched = index.patched([FOOD], [renamed])
    assert patched.slot(DEBT.id) == index.slot(DEBT.id) and patched.slot(FOOD.id) == index.slot(FOOD.id)
    situation = "Stromsperre und kein Geld für Lebensmittel"
    assert patched.scores(situation).by_id == TextIndex([DEBT, renamed]).scores(situation).by_id


def test_a_removed_offer_frees_its_slot_for_the_next_new_one() -> None:
    index = TextIndex([DEBT, FOOD]).patched([DEBT], [])
    assert index.slot(DEBT.id) is None and index.scores("Mahnungen").by_id == {}
    added = facts("Schuldnerhilfe", description="Mahnungen lesen.")
    assert index.patched([], [added]).slot(added.id) == 0


def test_the_words_an_offer_matched_are_given_as_written() -> None:
    scores = TextIndex([DEBT, FOOD]).scores("Mahnungen und eine Stromsperre")
    assert scores.words(DEBT.id) == ("Mahnungen", "Stromsperre")


def test_an_offer_text_with_a_specific_cue_mentions_the_need() -> None:
    centre = facts("Beratungsstelle", description="Beratung nach sexualisierter Gewalt.")
    assert mentions_need(centre, "NOT.SEXG") and not mentions_need(FOOD, "NOT.SEXG")
