"""Proximity: same district, neighbours, city-wide offers, then the rest; distance from the centre."""

from __future__ import annotations

import itertools

import pytest

from lotse.routing.proximity import MAX_DISTANCE_PENALTY, TIER_SCORES, Tier, proximity
from tests.routing.offer_builders import TOWN, facts

MITTE = TOWN.get("mitte")


def place(**fields):  # type: ignore[no-untyped-def]
    return proximity(facts(**fields), MITTE, TOWN)


def test_an_offer_in_the_persons_district_is_same() -> None:
    assert place(districts=["mitte"]).tier is Tier.SAME


def test_an_offer_in_a_neighbour_district_is_neighbour() -> None:
    result = place(districts=["nord"])
    assert (result.tier, result.district) == (Tier.NEIGHBOUR, "nord")


def test_a_city_wide_offer_is_city_wide_even_when_located_next_door() -> None:
    assert place(city_wide=True, home="mitte").tier is Tier.CITY_WIDE


def test_an_offer_farther_away_is_elsewhere() -> None:
    result = place(districts=["fern"])
    assert (result.tier, result.district) == (Tier.ELSEWHERE, "fern")


def test_tiers_order_same_neighbour_city_wide_elsewhere() -> None:
    scores = [
        place(districts=["mitte"]),
        place(districts=["nord"]),
        place(city_wide=True),
        place(districts=["fern"]),
    ]
    assert [s.score for s in scores] == sorted((s.score for s in scores), reverse=True)


def test_distance_never_reorders_tiers() -> None:
    steps = sorted(TIER_SCORES.values(), reverse=True)
    assert all(a - MAX_DISTANCE_PENALTY > b for a, b in itertools.pairwise(steps))


def test_distance_is_measured_from_the_district_centre() -> None:
    assert place(districts=["nord"]).distance_km == pytest.approx(2.2, abs=0.1)


def test_nearer_offer_in_the_same_tier_scores_higher() -> None:
    near = place(city_wide=True, home="mitte")
    far = place(city_wide=True, home="fern")
    assert near.score > far.score and near.tier == far.tier


def test_an_offer_without_a_location_has_no_distance() -> None:
    result = place(city_wide=True, location=None)
    assert result.distance_km is None and result.score == TIER_SCORES[Tier.CITY_WIDE]


def test_without_a_district_city_wide_offers_come_before_local_ones() -> None:
    city = proximity(facts(city_wide=True), None, TOWN)
    local = proximity(facts(districts=["nord"]), None, TOWN)
    assert city.tier is Tier.UNKNOWN and city.score > local.score and city.distance_km is None
