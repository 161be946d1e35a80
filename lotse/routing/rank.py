"""Ranking referrals: need match, text relevance, proximity, target groups and freshness, plus rule effects.

score = W_NEED·need_match + W_TEXT·text + W_PROXIMITY·proximity + W_GROUP·group_fit + W_FRESH·freshness
        + the boosts and demotions of the rules, clipped to 0..1.
Every part is in 0..1 and the weights add up to 1, so a score reads as "share of a perfect referral".
The README ("Ranking") gives the reasoning behind each weight.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from lotse.routing.offers import OfferFacts
from lotse.routing.proximity import Proximity
from lotse.routing.rules import OfferEffect

#: Does the offer answer the need? The heaviest part: a near, fresh offer for another need helps nobody.
W_NEED = 0.40
#: Proximity: second, because after "what" the next question is "where". Its tiers (1.0, 0.8, 0.6, 0.2)
#: times this weight put a neighbour's offer 0.15 ahead of a far one: the far one overtakes only with a
#: much better text match (three quarters of the text scale) or a surer need match.
W_PROXIMITY = 0.25
#: How well the offer's own words answer the situation's words (scaled to the best-matching offer):
#: it separates offers with the same need code, e.g. "Stromsperre" favours the energy-debt offer among
#: debt counselling services. Below need and proximity, because long questions also match incidental words.
W_TEXT = 0.20
#: Target groups: an offer for seniors fits a 78-year-old better than a general one; small, because the age
#: bounds already exclude the offers that do not fit at all.
W_GROUP = 0.10
#: Freshness of the last confirmation: only a tie-breaker, since an old entry is not a wrong one.
W_FRESH = 0.05

#: Bonus for help in the person's own language (when not German): it can decide whether help arrives,
#: but it is added on top, like a rule, since most questions name no language.
LANGUAGE_BONUS = 0.05

#: Need match of a code the carrier (or the bundle) gave.
BUNDLE_MATCH = 1.0
#: Need match of a code Lotse inferred from the offer's own text as its main topic: likely right, but not
#: confirmed by anyone.
INFERRED_MATCH = 0.8
#: Further inferred codes are side topics the description mentions ("bring your Wohngeld notice" in a
#: food bank's text): they count this much less, times their score relative to the main topic.
SIDE_TOPIC_FACTOR = 0.7
#: An inferred code scoring at least this share of the main topic's score is a main topic too (the
#: recogniser's scores of real main topics differ by a few hundredths).
MAIN_TOPIC_SHARE = 0.9
#: Need match of an offer coded for another need of the same area (the taxonomy's upper level) whose
#: text answers the situation well: it catches codes that were missed, e.g. a counselling centre
#: "against violence" coded for domestic violence only, asked about sexualised violence.
SIBLING_MATCH = 0.4
#: Confirmed within this many days: full freshness; after `STALE_DAYS` none; linear in between.
FRESH_DAYS = 180
STALE_DAYS = 730
#: Freshness of an offer that was never confirmed: between stale and fresh, as most imported feeds lack it.
UNKNOWN_FRESHNESS = 0.3


@dataclass
class Candidate:
    """An offer considered for one need (or for the question's words when `need` is None)."""

    offer: OfferFacts
    need: str | None
    need_match: float
    text: float
    place: Proximity
    group: float
    freshness: float
    speaks: bool = False  # offers help in the person's language (other than German)
    groups: frozenset[str] = frozenset()  # the person's target groups the offer names
    rule_delta: float = 0.0
    emergency: bool = False
    #: Reasons that say why the referral stands out (emergency, follow-up need, ...): shown first.
    leads: list[str] = field(default_factory=list)
    #: Reasons of the rule effects that touched the referral.
    reasons: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        """The combined score in 0..1 (see the module docstring)."""
        raw = (
            W_NEED * self.need_match
            + W_TEXT * self.text
            + W_PROXIMITY * self.place.score
            + W_GROUP * self.group
            + W_FRESH * self.freshness
            + (LANGUAGE_BONUS if self.speaks else 0.0)
            + self.rule_delta
        )
        return min(1.0, max(0.0, raw))


def need_match(offer: OfferFacts, need: str) -> float:
    """Return how surely the offer answers the need: 1 for a given code, less for an inferred one, else 0."""
    source = offer.need_source(need)
    if source == "bundle":
        return BUNDLE_MATCH
    if source != "inferred":
        return 0.0
    weight = offer.inferred_weights.get(need, 1.0)
    if weight >= MAIN_TOPIC_SHARE:
        return INFERRED_MATCH
    return round(INFERRED_MATCH * SIDE_TOPIC_FACTOR * weight, 4)


@lru_cache(maxsize=4096)
def freshness(verified: date | None, today: date) -> float:
    """Return 1 for an offer confirmed recently, falling to 0 for one unconfirmed for two years."""
    if verified is None:
        return UNKNOWN_FRESHNESS
    days = (today - verified).days
    if days <= FRESH_DAYS:
        return 1.0
    if days >= STALE_DAYS:
        return 0.0
    return round(1 - (days - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS), 4)


def apply_effects(
    candidates: list[Candidate], effects: Iterable[OfferEffect], need: str | None
) -> list[Candidate]:
    """Apply the rules' offer effects for one need: exclude, require, then boost and demote (with reasons)."""
    effects = list(effects)
    kept = apply_filters(candidates, effects, need)
    apply_boosts(kept, effects, need)
    return kept


def apply_filters(
    candidates: list[Candidate], effects: Iterable[OfferEffect], need: str | None
) -> list[Candidate]:
    """Apply exclude, then require, for one need; the offers a require keeps get its reason."""
    kept = candidates
    for effect in sorted((e for e in effects if e.filters and e.applies_to(need)), key=lambda e: e.phase):
        kept = effect.apply(kept)
    return kept


def apply_boosts(candidates: list[Candidate], effects: Iterable[OfferEffect], need: str | None) -> None:
    """Apply boost and demote for one need to the candidates they select, with their reasons."""
    for effect in effects:
        if not effect.filters and effect.applies_to(need):
            effect.apply(candidates)


def ordered(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Sort candidates best first: emergencies, then score, then proximity tier, then name (stable output)."""
    return sorted(
        candidates, key=lambda c: (not c.emergency, -c.score, c.place.tier, c.offer.name, c.offer.id)
    )
