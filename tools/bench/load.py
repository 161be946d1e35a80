"""Loading a synthetic bundle straight into the tables (bulk inserts), for benchmarks only.

`lotse import` validates every record against the HSDS schema and writes it in its own savepoint: right
for real data, but 100,000 offers would take half an hour. The generator's records are valid by
construction, so the benchmark writes the same rows in bulk. The search index only reads the tables.
"""

from __future__ import annotations

import hashlib
import inspect
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from lotse.db import Database
from lotse.models import (
    ChangeLog,
    District,
    Language,
    Location,
    Offer,
    OfferDistrict,
    OfferTerm,
    Organization,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
)
from lotse.schema import upgrade
from tools.bench import synth

#: Rows per INSERT statement.
CHUNK = 5000


def fingerprint() -> str:
    """Changes whenever the generator or this loader changes, so cached databases are rebuilt."""
    source = inspect.getsource(synth) + inspect.getsource(inspect.getmodule(fingerprint))  # type: ignore[arg-type]
    return hashlib.sha256(source.encode()).hexdigest()[:12]


def cached_database(cache: Path, size: int) -> str:
    """A SQLite database with the synthetic bundle of `size` offers (built once, reused after)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"offers-{size}-{fingerprint()}.sqlite3"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        db = Database(f"sqlite:///{tmp}")
        upgrade(db)
        load(db, size)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
        shutil.move(tmp, path)
    return f"sqlite:///{path}"


def load(db: Database, size: int) -> None:
    """Insert the synthetic bundle of `size` offers."""
    organizations, districts = synth.generate(size)
    rows: dict[Any, list[dict[str, Any]]] = {}

    def add(model: Any, **values: Any) -> None:
        rows.setdefault(model, []).append(values)

    district_ids = []
    for feature in districts["features"]:
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        district_ids.append(props["id"])
        add(
            District,
            id=props["id"],
            name=props["name"],
            latitude=lat,
            longitude=lon,
            neighbours=props["neighbours"],
        )
    for org in organizations:
        add(Organization, id=org["id"], name=org["name"], description=org["description"])
        for service in org["services"]:
            _service(add, org["id"], service, district_ids)
    with db.writing() as session:
        for model in (District, Organization, Location, Offer, ServiceAtLocation, Schedule, Language):
            _insert(session, model, rows.get(model, []))
        for model in (ServiceArea, OfferTerm, OfferDistrict, ChangeLog):
            _insert(session, model, rows.get(model, []))


def _insert(session: Any, model: Any, values: list[dict[str, Any]]) -> None:
    for start in range(0, len(values), CHUNK):
        session.execute(insert(model), values[start : start + CHUNK])


def _service(add: Any, org_id: str, service: dict[str, Any], district_ids: list[str]) -> None:
    ident = service["id"]
    areas = [a["name"] for a in service["service_areas"] if a["name"] in district_ids]
    add(
        Offer,
        id=ident,
        organization_id=org_id,
        name=service["name"],
        description=service["description"],
        status=service["status"],
        minimum_age=service.get("minimum_age"),
        maximum_age=service.get("maximum_age"),
        city_wide=not areas,
        version=1,
    )
    add(ChangeLog, service_id=ident, version=1)
    for sal in service["service_at_locations"]:
        location = sal["location"]
        add(
            Location,
            id=location["id"],
            organization_id=org_id,
            name=location["name"],
            latitude=location["latitude"],
            longitude=location["longitude"],
            district_id=areas[0] if areas else None,
        )
        add(ServiceAtLocation, id=sal["id"], service_id=ident, location_id=location["id"])
    for schedule in service["schedules"]:
        add(
            Schedule,
            id=schedule["id"],
            service_id=ident,
            freq=schedule["freq"],
            byday=schedule["byday"],
            opens_at=schedule["opens_at"],
            closes_at=schedule["closes_at"],
        )
    for language in service["languages"]:
        add(Language, id=language["id"], service_id=ident, code=language["code"], name=language["name"])
    for area in service["service_areas"]:
        add(ServiceArea, id=area["id"], service_id=ident, name=area["name"])
    for attribute in service["attributes"]:
        term = attribute["taxonomy_term"]
        kind = "need" if term["taxonomy"] == "lotse-bedarfe" else "target_group"
        add(OfferTerm, service_id=ident, code=term["code"], kind=kind, source="bundle", score=1.0)
    for district in areas:
        add(OfferDistrict, service_id=ident, district_id=district)
