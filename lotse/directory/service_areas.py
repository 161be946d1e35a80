"""Which districts an offer serves: from its service areas (names, GeoJSON extents), else its places."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lotse import geo
from lotse.directory.validation import DistrictNames, area_meaning


@dataclass(frozen=True)
class Served:
    """The districts an offer serves, whether it serves the whole town, and the areas kept only as text."""

    districts: frozenset[str]
    city_wide: bool
    text_only: tuple[str, ...]


def served_districts(
    areas: Sequence[Any], place_districts: Sequence[str], districts: DistrictNames, known: Sequence[geo.Area]
) -> Served:
    """Decide the districts served by service areas (name, extent) with the places' districts as fallback.

    An extent (GeoJSON polygon) decides by the districts whose centre it covers; a name names a district, the
    town or the county (the whole town); any other text (a ZIP code, a county elsewhere) is kept as text and
    the offer's places decide, as if there were no service area.
    """
    served: set[str] = set()
    town = False
    text_only: list[str] = []
    for area in areas:
        covered = extent_districts(area.extent, known)
        if covered:
            served |= covered
            continue
        kind, district = area_meaning(area.name or "", districts)
        if district:
            served.add(district)
        town = town or kind == "town"
        if kind == "unknown":
            text_only.append(area.name or "")
    if not served and not town:
        served = {d for d in place_districts if d}
    all_districts = {a.id for a in known}
    city_wide = town or not served or (len(all_districts) > 1 and served >= all_districts)
    return Served(frozenset(served), city_wide, tuple(text_only))


def extent_districts(extent: str | None, known: Sequence[geo.Area]) -> set[str]:
    """Return the districts a GeoJSON (Multi)Polygon covers: by their centres, else the one it lies in."""
    polygons = _polygons(extent)
    if not polygons or not known:
        return set()
    covered = {
        a.id for a in known if any(geo.contains(polygon, a.latitude, a.longitude) for polygon in polygons)
    }
    if covered:
        return covered
    ring = polygons[0][0]
    lon = sum(p[0] for p in ring) / len(ring)
    lat = sum(p[1] for p in ring) / len(ring)
    found = geo.locate(known, lat, lon)
    return {found} if found else set()


def _polygons(extent: str | None) -> list[list[list[list[float]]]]:
    if not extent:
        return []
    try:
        shape = json.loads(extent)
    except (TypeError, ValueError):
        return []
    if isinstance(shape, dict) and shape.get("type") == "Feature":
        shape = shape.get("geometry")
    if not isinstance(shape, dict):
        return []
    coordinates = shape.get("coordinates")
    polygons = [coordinates] if shape.get("type") == "Polygon" else coordinates
    if shape.get("type") not in ("Polygon", "MultiPolygon") or not isinstance(polygons, list):
        return []
    try:
        return [
            [[[float(p[0]), float(p[1])] for p in ring] for ring in polygon]
            for polygon in polygons
            if polygon and len(polygon[0]) >= 4
        ]
    except (TypeError, ValueError, IndexError):
        return []
