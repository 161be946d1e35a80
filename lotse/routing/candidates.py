"""Candidates of a need without scoring every offer: walked best first by an upper bound of their score.

The part of a score no question changes (need match, proximity, freshness) is bounded with numpy from
arrays kept per need and ordered once per pool, need (or emergency selection), district and day. A
question adds its text's share and the most target groups and language can add for it, sorts once
(numpy), and scores offers in that order until the next one cannot reach the shortlist any more: at
10,000 offers a few dozen per need instead of thousands. Rule boosts come later and only for the
shortlist (`service._shortlist`), as before.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

import numpy as np

from lotse.geo import EARTH_RADIUS_KM
from lotse.giving_way import give_way
from lotse.routing.eligibility import MATCHED_FIT, MISMATCHED_FIT, NEUTRAL_FIT
from lotse.routing.offers import OfferFacts
from lotse.routing.proximity import (
    MAX_DISTANCE_PENALTY,
    PENALTY_PER_KM,
    TIER_SCORES,
    UNKNOWN_CITY_WIDE_SCORE,
    UNKNOWN_LOCAL_SCORE,
    DistrictMap,
    Place,
    Tier,
)
from lotse.routing.rank import (
    FRESH_DAYS,
    LANGUAGE_BONUS,
    STALE_DAYS,
    UNKNOWN_FRESHNESS,
    W_FRESH,
    W_GROUP,
    W_NEED,
    W_PROXIMITY,
    W_TEXT,
    Candidate,
    need_match,
)
from lotse.routing.relevance import TextScores
from lotse.routing.rules import Emergency, OfferEffect, RuleSet, Selector
from lotse.routing.safety import fits_situation
from lotse.routing.sources import OfferPool

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
    filters: tuple[OfferEffect, ...] = ()

    def kept(self, offer: OfferFacts) -> bool:
        """Whether the need's exclude and require rules keep the offer (as rank.apply_filters decides)."""
        return all(effect.offers.matches(offer) == (effect.kind == "require") for effect in self.filters)

    def order(self, pool: OfferPool, selector: Selector | None = None) -> FixedOrder:
        """The need's offers (or those an emergency selector picks) best first by the most the part of
        their score no question changes can be; kept per pool, need, district and day."""
        members = members_of(pool, self.need, selector)
        key = (self.home.id if self.home else None, id(self.districts), self.today)
        return pool.per_need(self.need, selector, key, lambda _offers: members.order(self.home, self.today))

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


#: What the arrays' bound may fall short of the scalar score by: a distance rounded to 0.1 km the other
#: way (numpy's and math's trigonometry may differ in the last bit) and freshness rounded to 4 places.
MARGIN = W_PROXIMITY * PENALTY_PER_KM * 0.1 + W_FRESH * 1e-4 + SAME_SCORE


@dataclass(frozen=True)
class FixedOrder:
    """Offers best first by the most the part of their score no question changes can be, with their slots
    in the pool's text index and that bound, aligned."""

    offers: list[OfferFacts]
    slots: np.ndarray
    fixed: np.ndarray


@dataclass(frozen=True)
class Members:
    """The offers of a need as arrays of what the question-independent part of their score reads: so the
    order for a district and day is a few numpy operations (a need had 7,000 offers at 100,000)."""

    offers: list[OfferFacts]
    slots: np.ndarray
    match: np.ndarray  # need match
    verified: np.ndarray  # day number of the last confirmation (NaN: never)
    lat: np.ndarray  # NaN: unknown
    lon: np.ndarray
    city_wide: np.ndarray
    served: dict[str, np.ndarray]  # district id -> the offers serving it

    @classmethod
    def of(cls, offers: list[OfferFacts], need: str, pool: OfferPool) -> Members:
        """The arrays of some offers of the pool for a need."""
        served: dict[str, list[int]] = {}
        for i, offer in enumerate(offers):
            for district in offer.districts:
                served.setdefault(district, []).append(i)

        def floats(values: Iterator[float | None]) -> np.ndarray:
            return np.fromiter(
                (np.nan if v is None else v for v in values), dtype=np.float64, count=len(offers)
            )

        size = len(offers)
        # Each array of a large need takes milliseconds: a background thread gives way between them.
        slots = pool.text.slots(offers)
        give_way()
        match = np.fromiter((need_match(o, need) for o in offers), dtype=np.float64, count=size)
        give_way()
        verified = floats(o.last_verified.toordinal() if o.last_verified else None for o in offers)
        give_way()
        lat, lon = floats(o.lat for o in offers), floats(o.lon for o in offers)
        give_way()
        city_wide = np.fromiter((o.city_wide for o in offers), dtype=np.bool_, count=size)
        return cls(
            offers,
            slots,
            match,
            verified,
            lat,
            lon,
            city_wide,
            {d: _mask(size, rows) for d, rows in served.items()},
        )

    def patched(self, offers: list[OfferFacts], need: str, pool: OfferPool) -> Members:
        """The arrays of a need's offers after an edit: the rows of offers that did not change are taken
        from these (every value of a row depends on its offer alone, and an unchanged offer keeps its
        slot), and only the changed offers are read (at 100,000 offers a need's arrays took 14 ms to build
        and take well under one to patch)."""
        row_of = {id(offer): i for i, offer in enumerate(self.offers)}
        rows = np.fromiter((row_of.get(id(o), -1) for o in offers), dtype=np.int64, count=len(offers))
        new = np.flatnonzero(rows < 0)
        fresh = Members.of([offers[i] for i in new.tolist()], need, pool)
        kept = np.flatnonzero(rows >= 0)
        source = rows[kept]

        def merged(old: np.ndarray, added: np.ndarray) -> np.ndarray:
            found = np.empty(len(offers), dtype=old.dtype)
            found[kept] = old[source]
            found[new] = added
            return found

        none = np.zeros(len(self.offers), dtype=np.bool_)
        none_new = np.zeros(len(new), dtype=np.bool_)
        served = {
            d: merged(self.served.get(d, none), fresh.served.get(d, none_new))
            for d in {*self.served, *fresh.served}
        }
        return Members(
            offers,
            merged(self.slots, fresh.slots),
            merged(self.match, fresh.match),
            merged(self.verified, fresh.verified),
            merged(self.lat, fresh.lat),
            merged(self.lon, fresh.lon),
            merged(self.city_wide, fresh.city_wide),
            {d: mask for d, mask in served.items() if mask.any()},
        )

    def order(self, home: Place | None, today: date) -> FixedOrder:
        """The offers best first by an upper bound of need match, proximity and freshness (the scalar
        functions of rank and proximity, with `MARGIN` for rounding)."""
        fixed = W_NEED * self.match + W_PROXIMITY * self._proximity(home) + W_FRESH * self._freshness(today)
        fixed += MARGIN
        order = np.argsort(-fixed, kind="stable")
        offers = [self.offers[i] for i in order.tolist()]
        return FixedOrder(offers, self.slots[order], fixed[order])

    def _freshness(self, today: date) -> np.ndarray:
        days = today.toordinal() - self.verified
        share = np.clip(1 - (days - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS), 0.0, 1.0)
        return np.where(np.isnan(self.verified), UNKNOWN_FRESHNESS, share)

    def _proximity(self, home: Place | None) -> np.ndarray:
        if home is None:
            return np.where(self.city_wide, UNKNOWN_CITY_WIDE_SCORE, UNKNOWN_LOCAL_SCORE)
        none = np.zeros(len(self.offers), dtype=np.bool_)
        same = self.served.get(home.id, none)
        near = none.copy()
        for district in home.neighbours:
            near |= self.served.get(district, none)
        tier = np.where(
            self.city_wide,
            TIER_SCORES[Tier.CITY_WIDE],
            np.where(
                same,
                TIER_SCORES[Tier.SAME],
                np.where(near, TIER_SCORES[Tier.NEIGHBOUR], TIER_SCORES[Tier.ELSEWHERE]),
            ),
        )
        distance = _distance_km(home.lat, home.lon, self.lat, self.lon)
        penalty = np.minimum(MAX_DISTANCE_PENALTY, PENALTY_PER_KM * np.round(distance, 1))
        return tier - np.where(np.isnan(distance), 0.0, penalty)


def _mask(size: int, rows: list[int]) -> np.ndarray:
    found = np.zeros(size, dtype=np.bool_)
    found[rows] = True
    return found


def _distance_km(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """lotse.geo.distance_km from one point to many (NaN where a position is unknown)."""
    p1, p2 = np.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    found: np.ndarray = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    return found


def prepare(pool: OfferPool, rules: RuleSet | None = None) -> None:
    """Build a new pool's arrays ahead of the questions: every need's, and every emergency rule's
    selection (a patched pool rebuilds only what an edit touched). PoolKeeper calls this before it swaps
    the pool in, so no question pays for it."""
    for need in pool.needs():
        give_way()  # a serving process's background thread waits while a request is answered
        members_of(pool, need)
    for rule in rules.rules if rules is not None else ():
        for effect in rule.then:
            if isinstance(effect, Emergency) and effect.need:
                give_way()
                members_of(pool, effect.need, effect.offers)


def members_of(pool: OfferPool, need: str, selector: Selector | None = None) -> Members:
    """The arrays of a need's offers (or of an emergency selection), built once per pool; a need an edit
    touched is patched from the arrays of the pool before the edit."""
    earlier = pool.earlier(need) if selector is None else None
    if isinstance(earlier, Members):
        return pool.per_need(need, None, None, partial(earlier.patched, need=need, pool=pool))
    return pool.per_need(need, selector, None, partial(Members.of, need=need, pool=pool))


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
    emergencies: Sequence[Emergency],
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
    selectors = [e.offers for e in emergencies]

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
