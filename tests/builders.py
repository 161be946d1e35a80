"""Small builders for HSDS records and bundles used by the tests."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from lotse.taxonomy import load_taxonomy, term_id


def new_id() -> str:
    """Return a fresh UUID string."""
    return str(uuid.uuid4())


def need_attribute(service_id: str, code: str) -> dict[str, Any]:
    """An HSDS attribute giving a Lotse need or target-group code."""
    taxonomy = load_taxonomy()
    name = "lotse-zielgruppen" if code.startswith("ZG.") else "lotse-bedarfe"
    return {
        "id": new_id(),
        "link_id": service_id,
        "link_entity": "service",
        "taxonomy_term_id": term_id(code),
        "taxonomy_term": {
            "id": term_id(code),
            "code": code,
            "name": taxonomy.label(code),
            "description": taxonomy.label(code),
            "taxonomy": name,
        },
    }


def service(
    name: str = "Schuldnerberatung",
    *,
    codes: tuple[str, ...] = ("GEL.SCHULD",),
    areas: tuple[str, ...] = ("mitte",),
    lat: float | None = 50.0,
    lon: float | None = 8.0,
    **fields: Any,
) -> dict[str, Any]:
    """An HSDS service with a location, service areas and need attributes."""
    service_id = fields.pop("id", new_id())
    record: dict[str, Any] = {
        "id": service_id,
        "name": name,
        "status": "active",
        "description": f"{name}: Beratung und Unterstützung.",
        "service_areas": [{"id": new_id(), "name": a} for a in areas],
        "attributes": [need_attribute(service_id, c) for c in codes],
    }
    if lat is not None:
        record["service_at_locations"] = [
            {
                "id": new_id(),
                "location": {
                    "id": new_id(),
                    "location_type": "physical",
                    "name": f"Ort {name}",
                    "latitude": lat,
                    "longitude": lon,
                },
            }
        ]
    record.update(fields)
    return record


def organization(*services: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """An HSDS organization with embedded services."""
    return {
        "id": fields.pop("id", new_id()),
        "name": fields.pop("name", "Beratungsverein e.V."),
        "description": fields.pop("description", "Ein Verein für Beratung."),
        "services": list(services),
        **fields,
    }


def districts(*specs: tuple[str, float, float, list[str]]) -> dict[str, Any]:
    """A districts FeatureCollection from (id, lat, lon, neighbours) tuples."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"id": i, "name": i.capitalize(), "neighbours": n},
            }
            for i, lat, lon, n in specs
        ],
    }


TWO_DISTRICTS = districts(("mitte", 50.0, 8.0, ["nord"]), ("nord", 50.05, 8.0, ["mitte"]))


def write_bundle(
    directory: Path,
    organizations: list[dict[str, Any]] | str,
    district_collection: dict[str, Any] | None = TWO_DISTRICTS,
) -> Path:
    """Write a bundle directory and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    text = organizations if isinstance(organizations, str) else json.dumps(organizations, ensure_ascii=False)
    (directory / "organizations.json").write_text(text, encoding="utf-8")
    if district_collection is not None:
        (directory / "districts.geojson").write_text(json.dumps(district_collection), encoding="utf-8")
    return directory
