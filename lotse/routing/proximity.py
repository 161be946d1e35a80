"""How near an offer is: same district, then neighbours, then city-wide offers, then the rest (no radius)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from lotse.geo import distance_km
from lotse.routing.offers import OfferFacts


class Tier(IntEnum):
    """Proximity tiers, nearest first."""

    SAME = 0
    NEIGHBOUR = 1
    CITY_WIDE = 2
    ELSEWHERE = 3
    UNKNOWN = 4  # the question names no district


#: Score of each tier. The steps are wide (0.2) so that the distance within a tier, which moves the score
#: by at most `MAX_DISTANCE_PENALTY`, never reorders tiers. City-wide offers stand below the neighbours:
#: they serve everybody, but a local offer next door is usually the easier way in. The rest keep a
#: score above zero: a far offer is still better than none (no hard radius).
TIER_SCORES: dict[Tier, float] = {
    Tier.SAME: 1.0,
    Tier.NEIGHBOUR: 0.8,
    Tier.CITY_WIDE: 0.6,
    Tier.ELSEWHERE: 0.2,
}
#: Without a district, a city-wide offer surely serves the person, a local one only perhaps.
UNKNOWN_CITY_WIDE_SCORE = 0.6
UNKNOWN_LOCAL_SCORE = 0.45
#: Within a tier, each kilometre from the district's centre costs this much, up to `MAX_DISTANCE_PENALTY`
#: (reached at 10 km, beyond which a town's offers are all "far" alike).
PENALTY_PER_KM = 0.01
MAX_DISTANCE_PENALTY = 0.1


@dataclass(frozen=True)
class Place:
    """A district as routing needs it: name, centre and neighbours."""

    id: str
    name: str
    lat: float
    lon: float
    neighbours: frozenset[str]


class DistrictMap:
    """The districts of the directory by id."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places = {p.id: p for p in places}

    def __contains__(self, district_id: object) -> bool:
        return district_id in self.places

    def get(self, district_id: str | None) -> Place | None:
        """Return the district with this id, or None."""
        return self.places.get(district_id) if district_id else None

    def name(self, district_id: str | None) -> str | None:
        """Return the district's name, or None."""
        place = self.get(district_id)
        return place.name if place else None

    def ids(self) -> list[str]:
        """Return all district ids, sorted."""
        return sorted(self.places)


@dataclass(frozen=True)
class Proximity:
    """Where an offer stands for the person: tier, distance from the district's centre, score, district."""

    tier: Tier
    distance_km: float | None
    score: float
    district: str | None = None  # the district the reason names (the one served, or the offer's own)


def proximity(offer: OfferFacts, home: Place | None, districts: DistrictMap) -> Proximity:
    """Place an offer relative to the person's district.

    Not remembered per offer: a question scores a few dozen offers per need, and the orders that place
    every offer of a need are kept per district by the pool (remembering each offer's place had filled
    a worker with hundreds of thousands of objects at 100,000 offers for the collector to walk).
    """
    if home is None:
        score = UNKNOWN_CITY_WIDE_SCORE if offer.city_wide else UNKNOWN_LOCAL_SCORE
        return Proximity(Tier.UNKNOWN, None, score, offer.location_district)
    distance = None
    if offer.lat is not None and offer.lon is not None:
        distance = round(distance_km(home.lat, home.lon, offer.lat, offer.lon), 1)
    tier, named = _tier(offer, home, districts)
    penalty = min(MAX_DISTANCE_PENALTY, PENALTY_PER_KM * distance) if distance is not None else 0.0
    return Proximity(tier, distance, round(TIER_SCORES[tier] - penalty, 4), named)


def _tier(offer: OfferFacts, home: Place, districts: DistrictMap) -> tuple[Tier, str | None]:
    if offer.city_wide:
        return Tier.CITY_WIDE, None
    if home.id in offer.districts:
        return Tier.SAME, home.id
    near = sorted(offer.districts & home.neighbours)
    if near:
        nearest = offer.location_district if offer.location_district in near else near[0]
        return Tier.NEIGHBOUR, nearest
    served = sorted(d for d in offer.districts if d in districts)
    named = offer.location_district if offer.location_district in offer.districts else None
    return Tier.ELSEWHERE, named or (served[0] if served else offer.location_district)
