"""Candidates of a need without scoring every offer: walked best first by an upper bound of their score.

The part of a score no question changes (need match, proximity, freshness) is ordered once per pool, need
(or emergency selection), district and day (`OfferPool.fixed_order`). A question adds its text's share and
the most target groups and language can add for it, sorts once (numpy), and scores offers in that order
until the next one cannot reach the shortlist any more: at 10,000 offers a few dozen per need instead of
thousands. Rule boosts come later and only for the shortlist (`service._shortlist`), as before.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np

from lotse.routing.eligibility import MATCHED_FIT, MISMATCHED_FIT, NEUTRAL_FIT
from lotse.routing.offers import OfferFacts
from lotse.routing.proximity import DistrictMap, Place, proximity
from lotse.routing.rank import (
    LANGUAGE_BONUS,
    W_FRESH,
    W_GROUP,
    W_NEED,
    W_PROXIMITY,
    W_TEXT,
    Candidate,
    freshness,
    need_match,
)
from lotse.routing.relevance import TextScores
from lotse.routing.rules import Effect, Selector
from lotse.routing.safety import fits_situation
from lotse.routing.sources import FixedOrder, OfferPool

#: Scores closer than this count as equal where a walk decides to stop (sums in another order differ
#: in the last bits).
SAME_SCORE = 1e-9

Score = Callable[[OfferFacts], Candidate]


@dataclass(frozen=True)
class Reach:
    """What decides which offers of one need can reach its shortlist in one question."""

    need: str
    #: How many candidates the shortlist keeps besides the emergencies.
    size: int
    text: TextScores
    home: Place | None
    districts: DistrictMap
    today: date
    age: int | None
    language: str | None
    #: The need's exclude and require rules: offers they drop are passed over.
    filters: tuple[Effect, ...] = ()

    def kept(self, offer: OfferFacts) -> bool:
        """Whether the need's exclude and require rules keep the offer (as rank.apply_filters decides)."""
        for effect in self.filters:
            assert effect.offers is not None
            if effect.offers.matches(offer) != (effect.kind == "require"):
                return False
        return True

    def fixed(self, offer: OfferFacts) -> float:
        """The part of the offer's score for this need that no question changes."""
        place = proximity(offer, self.home, self.districts)
        return (
            W_NEED * need_match(offer, self.need)
            + W_PROXIMITY * place.score
            + W_FRESH * freshness(offer.last_verified, self.today)
        )

    def order(self, pool: OfferPool, selector: Selector | None = None) -> FixedOrder:
        """The need's offers (or those an emergency selector picks) by their fixed part, once per key."""
        key = (self.home.id if self.home else None, id(self.districts), self.today)
        return pool.fixed_order(self.need, key, self.fixed, selector)

    def walk(self, order: FixedOrder) -> Iterator[tuple[OfferFacts, float]]:
        """The offers of an order best first by the most they can score in this question, with that bound."""
        # Without an age every offer fits neutrally (`group_fit`); the language bonus needs a language
        # other than German.
        group = W_GROUP * (NEUTRAL_FIT if self.age is None else MATCHED_FIT)
        speaks = LANGUAGE_BONUS if self.language and self.language != "de" else 0.0
        bounds = order.fixed + W_TEXT * self.text.at(order.slots) + (group + speaks)
        walk = np.argsort(-bounds, kind="stable")
        for at, bound in zip(walk.tolist(), bounds[walk].tolist(), strict=True):
            yield order.offers[at], bound


class Best:
    """The `size` best scores seen so far (a min-heap)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._heap: list[float] = []

    def add(self, score: float) -> None:
        """Count one more candidate's score."""
        if len(self._heap) < self.size:
            heapq.heappush(self._heap, score)
        elif score > self._heap[0]:
            heapq.heapreplace(self._heap, score)

    def beats(self, bound: float) -> bool:
        """Whether `size` candidates score at least `bound`: an offer scoring at most that cannot enter
        (an equal score loses to the earlier candidates, as the shortlist's stable sort decides)."""
        return len(self._heap) >= self.size and bound <= self._heap[0] + SAME_SCORE

    def above(self, bound: float) -> bool:
        """Whether `size` candidates score more than `bound` (an equal score may still enter)."""
        return len(self._heap) >= self.size and bound < self._heap[0] - SAME_SCORE


def need_candidates(
    reach: Reach, pool: OfferPool, eligible: Callable[[OfferFacts], bool], score: Score
) -> list[Candidate]:
    """The eligible offers of the need that can reach its shortlist, scored; the rest are never scored.

    Offers an exclude or require rule of the need would drop are passed over, so the shortlist is the
    one scoring every offer would give. A small need is scored whole.
    """
    members = pool.for_need(reach.need)
    if len(members) <= 2 * reach.size:
        return [score(o) for o in members if eligible(o)]
    found: list[Candidate] = []
    best = Best(reach.size)
    for offer, bound in reach.walk(reach.order(pool)):
        if best.beats(bound):
            break
        if not eligible(offer) or (reach.filters and not reach.kept(offer)):
            continue
        candidate = score(offer)
        found.append(candidate)
        best.add(candidate.score)
    return found


def emergency_candidates(
    reach: Reach,
    pool: OfferPool,
    emergencies: list[Effect],
    present: set[str],
    found: list[Candidate],
    eligible: Callable[[OfferFacts], bool],
    score: Score,
) -> list[Candidate]:
    """The offers the need's emergency rules select that can reach the answer, scored.

    A selected offer the rule will mark goes first whatever its score, so the walk goes on until the
    `size` best marked ones are found (ties included: emergencies are ordered by name after score), and
    until no unmarked one (an offer only for other age groups, or not for this situation) can reach the
    `size` best of the others. `found` are the need's candidates so far.
    """
    selectors = [e.offers for e in emergencies if e.offers is not None]

    def marked(candidate: Candidate) -> bool:
        return (
            candidate.group > MISMATCHED_FIT
            and fits_situation(candidate.offer, present)
            and any(s.matches(candidate.offer) for s in selectors)
        )

    urgent, rest = Best(reach.size), Best(reach.size)
    for candidate in found:
        if not reach.filters or reach.kept(candidate.offer):
            (urgent if marked(candidate) else rest).add(candidate.score)
    taken = {c.offer.id for c in found}
    added: list[Candidate] = []
    for selector in selectors:
        for offer, bound in reach.walk(reach.order(pool, selector)):
            if urgent.above(bound) and rest.beats(bound):
                break
            if offer.id in taken or not eligible(offer) or (reach.filters and not reach.kept(offer)):
                continue
            candidate = score(offer)
            taken.add(offer.id)
            added.append(candidate)
            (urgent if marked(candidate) else rest).add(candidate.score)
    return added
