"""Who may use an offer: hard limits (active, age bounds) that are never crossed, and target-group fit."""

from __future__ import annotations

from functools import lru_cache

from lotse.routing.offers import OfferFacts

#: The age ranges of the age-defined target groups of the taxonomy (labels say e.g. "Kinder (0–13)").
AGE_GROUPS: dict[str, tuple[int, int]] = {
    "ZG.KINDER": (0, 13),
    "ZG.JUGEND": (14, 17),
    "ZG.JUNGERW": (18, 26),
    "ZG.SENIOREN": (60, 120),
}
#: Target-group fit of an offer for everybody, or with groups Lotse cannot check from the question
#: (e.g. "Frauen"): the middle, so it neither helps nor hurts.
NEUTRAL_FIT = 0.5
#: Fit of an offer that names the person's group: a carrier writing "for seniors" means it.
MATCHED_FIT = 1.0
#: Fit of an offer whose only groups are age groups the person is not in (e.g. a children's phone line
#: for a 40-year-old): allowed, since its age bounds do not exclude anyone, but last.
MISMATCHED_FIT = 0.0


#: The age-defined target groups as a set (an intersection with a dict's keys builds a new set each time).
AGE_GROUP_CODES = frozenset(AGE_GROUPS)


#: An offer whose age bounds end by this age (a group for children of 8 to 14) or begin from SENIOR_FROM on is
#: meant for the age groups its bounds overlap, coded or not (`bounded_groups`).
YOUNG_UNTIL = 26
SENIOR_FROM = 60


@lru_cache(maxsize=256)
def bounded_groups(minimum_age: int | None, maximum_age: int | None) -> frozenset[str]:
    """The age groups an offer's age bounds confine it to: those its bounds overlap, where the bounds leave
    out the adults of working age (an offer without codes for children of 8 to 14 is a children's and a
    youth offer); none for bounds that do not."""
    low = minimum_age if minimum_age is not None else 0
    high = maximum_age if maximum_age is not None else AGE_GROUPS["ZG.SENIOREN"][1]
    if high > YOUNG_UNTIL and low < SENIOR_FROM:
        return frozenset()
    return frozenset(code for code, (a, b) in AGE_GROUPS.items() if a <= high and low <= b)


def is_eligible(offer: OfferFacts, age: int | None) -> bool:
    """Tell whether the offer may be referred at all: active, and the age (if known) within its bounds."""
    return exclusion(offer, age) is None


def exclusion(offer: OfferFacts, age: int | None) -> str | None:
    """Return why an offer may not be referred (German), or None when it may."""
    if not offer.active:
        return "Das Angebot ist derzeit nicht aktiv."
    if age is None:
        return None
    if offer.minimum_age is not None and age < offer.minimum_age:
        return f"Das Angebot ist erst ab {offer.minimum_age} Jahren."
    if offer.maximum_age is not None and age > offer.maximum_age:
        return f"Das Angebot ist nur bis {offer.maximum_age} Jahre."
    return None


@lru_cache(maxsize=256)
def person_groups(age: int | None) -> frozenset[str]:
    """Return the age-defined target groups a person of this age belongs to."""
    if age is None:
        return frozenset()
    return frozenset(code for code, (low, high) in AGE_GROUPS.items() if low <= age <= high)


def group_fit(
    offer: OfferFacts, age: int | None, groups: frozenset[str] = frozenset()
) -> tuple[float, frozenset[str]]:
    """Return how well the offer's target groups fit the person (0..1) and the groups that match.

    The person's groups are those of the age plus any further ones (`groups`) the caller knows.
    """
    matched = offer.target_groups & (person_groups(age) | groups)
    if matched:
        return MATCHED_FIT, matched
    age_groups = offer.target_groups & AGE_GROUP_CODES
    only_age_groups = bool(age_groups) and age_groups == offer.target_groups
    if only_age_groups and age is not None:
        return MISMATCHED_FIT, frozenset()
    return NEUTRAL_FIT, frozenset()
