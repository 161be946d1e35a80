"""Reasons: the German sentences a referral carries."""

from __future__ import annotations

from datetime import date

from lotse.routing import explain
from lotse.routing.proximity import Proximity, Tier
from tests.routing.offer_builders import TOWN, facts


def test_a_given_need_is_named_by_its_label() -> None:
    assert explain.need_reason("Schuldner- & Insolvenzberatung", "bundle") == (
        "Passt zum Bedarf „Schuldner- & Insolvenzberatung“."
    )


def test_an_inferred_need_says_where_it_comes_from() -> None:
    assert "(aus der Beschreibung des Angebots erkannt)" in explain.need_reason("Tafel", "inferred")


def test_same_district_names_it_with_the_distance() -> None:
    reason = explain.proximity_reason(Proximity(Tier.SAME, 1.25, 1.0, "mitte"), TOWN)
    assert reason == "Im selben Stadtteil (Mitte, etwa 1,2 km entfernt)."


def test_short_distances_are_given_in_metres() -> None:
    reason = explain.proximity_reason(Proximity(Tier.NEIGHBOUR, 0.34, 0.8, "nord"), TOWN)
    assert reason == "Im Nachbarstadtteil Nord, etwa 300 m entfernt."


def test_city_wide_offer_says_so() -> None:
    assert (
        explain.proximity_reason(Proximity(Tier.CITY_WIDE, None, 0.6), TOWN)
        == "Für die ganze Stadt zuständig."
    )


def test_a_far_offer_says_there_is_nothing_nearer() -> None:
    reason = explain.proximity_reason(Proximity(Tier.ELSEWHERE, 11.0, 0.1, "fern"), TOWN)
    assert (
        reason
        == "Liegt weiter weg (in Fern, etwa 11,0 km entfernt); in der Nähe gibt es kein passenderes Angebot."
    )


def test_no_district_gives_no_proximity_reason() -> None:
    assert explain.proximity_reason(Proximity(Tier.UNKNOWN, None, 0.6), TOWN) is None


def test_age_bounds_that_fit_are_confirmed() -> None:
    assert explain.age_reason(facts(minimum_age=12, maximum_age=26), 20) == (
        "Das Alter passt (Angebot für Menschen von 12 bis 26 Jahren)."
    )


def test_age_bounds_are_named_when_the_age_is_unknown() -> None:
    assert (
        explain.age_reason(facts(minimum_age=18), None)
        == "Nur für Menschen ab 18 Jahren: bitte das Alter prüfen."
    )


def test_no_age_reason_without_bounds() -> None:
    assert explain.age_reason(facts(), 30) is None


def test_matching_target_groups_are_listed() -> None:
    assert (
        explain.group_reason(["Seniorinnen und Senioren (60+)"])
        == "Richtet sich an: Seniorinnen und Senioren (60+)."
    )


def test_an_old_confirmation_asks_to_check_first() -> None:
    assert explain.freshness_reason(date(2024, 5, 2), date(2026, 6, 1)) == (
        "Zuletzt am 02.05.2024 bestätigt: bitte vorher nachfragen."
    )


def test_a_recent_confirmation_needs_no_reason() -> None:
    assert explain.freshness_reason(date(2026, 5, 2), date(2026, 6, 1)) is None


def test_a_text_match_quotes_at_most_three_words() -> None:
    assert explain.text_reason(["Strom", "Sperre", "Strom", "Rechnung", "Mahnung"]) == (
        "Die Beschreibung des Angebots passt zu Ihrer Schilderung („Strom“, „Sperre“, „Rechnung“)."
    )


def test_the_persons_language_is_named_in_german() -> None:
    assert explain.language_reason("ar") == "Beratung auch auf Arabisch."


def test_a_need_without_offers_points_to_general_advice() -> None:
    assert explain.no_offer_reason("Arbeitsrecht & Lohn").startswith(
        "Für „Arbeitsrecht & Lohn“ gibt es im Verzeichnis"
    )
