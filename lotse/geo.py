"""Small geometry: distances on the earth and which district a point lies in."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Area:
    """A district's geometry: its centre and, if known, the outer ring of its polygon."""

    id: str
    latitude: float
    longitude: float
    polygon: Sequence[Any] | None = None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def contains(polygon: Sequence[Any], latitude: float, longitude: float) -> bool:
    """Tell whether a GeoJSON polygon (list of rings of [lon, lat]) contains the point."""
    if not polygon:
        return False
    inside = _in_ring(polygon[0], longitude, latitude)
    # Holes (further rings) cut the point out again.
    return inside and not any(_in_ring(hole, longitude, latitude) for hole in polygon[1:])


def _in_ring(ring: Sequence[Sequence[float]], x: float, y: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / ((yj - yi) or 1e-12) + xi:
            inside = not inside
        j = i
    return inside


def locate(areas: Iterable[Area], latitude: float, longitude: float) -> str | None:
    """Return the id of the district containing the point, else of the one with the nearest centre."""
    candidates = list(areas)
    for area in candidates:
        if area.polygon and contains(area.polygon, latitude, longitude):
            return area.id
    if not candidates:
        return None
    nearest = min(candidates, key=lambda a: distance_km(latitude, longitude, a.latitude, a.longitude))
    return nearest.id
