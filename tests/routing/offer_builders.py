"""Offer summaries and routing facts for the routing tests (no database)."""

from __future__ import annotations

import itertools
from typing import Any

from lotse.directory.schedule import ScheduleRow
from lotse.directory.summary import OfferSummary
from lotse.routing.offers import OfferFacts, facts_of
from lotse.routing.proximity import DistrictMap, Place

_ids = itertools.count(1)

#: A small town: mitte in the middle, nord and sued its neighbours, fern far away (neighbour of sued only).
TOWN = DistrictMap(
    [
        Place("mitte", "Mitte", 50.00, 8.00, frozenset({"nord", "sued"})),
        Place("nord", "Nord", 50.02, 8.00, frozenset({"mitte"})),
        Place("sued", "Süd", 49.98, 8.00, frozenset({"mitte", "fern"})),
        Place("fern", "Fern", 49.90, 8.00, frozenset({"sued"})),
    ]
)
ALL_DISTRICTS = TOWN.ids()


def summary(name: str = "Beratung", hours: tuple[ScheduleRow, ...] = (), **fields: Any) -> OfferSummary:
    """An OfferSummary; local to mitte unless `districts` or `city_wide` say otherwise."""
    city_wide = fields.pop("city_wide", False)
    districts = fields.pop("districts", ALL_DISTRICTS if city_wide else ["mitte"])
    home = fields.pop("home", districts[0] if districts else None)
    place = TOWN.get(home)
    record: dict[str, Any] = {
        "id": fields.pop("id", f"offer-{next(_ids)}"),
        "name": name,
        "description": fields.pop("description", f"{name}: Beratung und Unterstützung."),
        "organization": {"id": "org", "name": "Verein"},
        "needs": [],
        "inferred_needs": [],
        "target_groups": [],
        "districts": districts,
        "city_wide": city_wide,
        "location": None
        if place is None
        else {"address": None, "name": None, "lat": place.lat, "lon": place.lon, "district": place.id},
        "phone": None,
        "email": None,
        "url": None,
        "languages": ["de"],
        "cost": None,
        "schedule": None,
        "open_now": None,
        "minimum_age": None,
        "maximum_age": None,
        "last_verified": None,
        "status": "active",
        "alert": None,
        "version": 1,
    }
    record.update(fields)
    return OfferSummary.from_record(record, hours)


def facts(name: str = "Beratung", inferred: dict[str, float] | None = None, **fields: Any) -> OfferFacts:
    """Routing facts of a summary built like `summary`."""
    return facts_of(summary(name, **fields), inferred)
