"""Eligibility: inactive offers and offers outside their age bounds are never referred; target-group fit."""

from __future__ import annotations

from lotse.routing.eligibility import (
    MATCHED_FIT,
    MISMATCHED_FIT,
    NEUTRAL_FIT,
    exclusion,
    group_fit,
    is_eligible,
    person_groups,
)
from tests.routing.offer_builders import facts


def test_an_active_offer_without_bounds_is_eligible() -> None:
    assert is_eligible(facts(), 40)


def test_an_inactive_offer_is_never_eligible() -> None:
    assert not is_eligible(facts(status="inactive"), None)


def test_an_inactive_offer_says_why() -> None:
    assert exclusion(facts(status="inactive"), 30) == "Das Angebot ist derzeit nicht aktiv."


def test_a_person_below_the_minimum_age_is_excluded() -> None:
    assert exclusion(facts(minimum_age=18), 17) == "Das Angebot ist erst ab 18 Jahren."


def test_a_person_above_the_maximum_age_is_excluded() -> None:
    assert exclusion(facts(maximum_age=26), 27) == "Das Angebot ist nur bis 26 Jahre."


def test_age_bounds_include_their_limits() -> None:
    offer = facts(minimum_age=12, maximum_age=18)
    assert is_eligible(offer, 12) and is_eligible(offer, 18)


def test_an_unknown_age_is_eligible_for_offers_with_bounds() -> None:
    assert is_eligible(facts(minimum_age=18), None)


def test_person_groups_follow_the_age() -> None:
    assert person_groups(16) == {"ZG.JUGEND"}
    assert person_groups(70) == {"ZG.SENIOREN"}
    assert person_groups(40) == frozenset()


def test_an_offer_for_the_persons_group_fits_best() -> None:
    fit, matched = group_fit(facts(target_groups=["ZG.SENIOREN", "ZG.PFLEGE"]), 78)
    assert (fit, matched) == (MATCHED_FIT, {"ZG.SENIOREN"})


def test_a_group_given_by_the_caller_counts() -> None:
    fit, _ = group_fit(facts(target_groups=["ZG.ALLEINERZ"]), 30, frozenset({"ZG.ALLEINERZ"}))
    assert fit == MATCHED_FIT


def test_an_offer_only_for_other_age_groups_fits_least() -> None:
    fit, _ = group_fit(facts(target_groups=["ZG.KINDER", "ZG.JUGEND"]), 40)
    assert fit == MISMATCHED_FIT


def test_an_offer_for_everybody_is_neutral() -> None:
    assert group_fit(facts(target_groups=["ZG.ALLE"]), 40)[0] == NEUTRAL_FIT


def test_groups_lotse_cannot_check_are_neutral() -> None:
    assert group_fit(facts(target_groups=["ZG.FRAUEN"]), 40)[0] == NEUTRAL_FIT


def test_age_groups_are_neutral_when_the_age_is_unknown() -> None:
    assert group_fit(facts(target_groups=["ZG.KINDER"]), None)[0] == NEUTRAL_FIT
