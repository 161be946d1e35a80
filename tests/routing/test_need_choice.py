"""Needs found by German words, for a case worker adding a need Lotse did not recognise."""

from __future__ import annotations

import pytest

from lotse.routing.need_choice import find_needs


@pytest.mark.parametrize(
    ("words", "code"),
    [("Strom", "GEL.ENERG"), ("Frauenhaus", "NOT.HGEW"), ("Kita", "FAM.KITA"), ("Tafel", "VER.TAFEL")],
)
def test_a_word_finds_its_need(words: str, code: str) -> None:
    assert find_needs(words) == [code]


def test_the_exact_label_finds_exactly_that_need() -> None:
    assert find_needs("Energieschulden & Versorgungssperre") == ["GEL.ENERG"]


def test_a_broad_word_offers_several_needs() -> None:
    found = find_needs("Wohnung")
    assert "WOH.DROH" in found and len(found) > 1


def test_a_word_naming_no_need_finds_nothing() -> None:
    assert find_needs("Xylofon") == []
