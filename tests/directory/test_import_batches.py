"""Importing in batches: a record that cannot be written costs only itself, exactly as when written alone.

The importer writes about BATCH_RECORDS records in one savepoint; when a batch fails it is rolled back and
written again record by record. The reference here is the import that writes every record on its own
(every batch made to fail before it writes anything).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from lotse.db import Database
from lotse.directory import importer
from lotse.directory.importer import ImportReport, import_bundle
from lotse.models import Base, ChangeLog, Location, Offer, Organization, ServiceAtLocation
from tests import builders

ORGANIZATIONS = 40
SERVICES_PER_ORGANIZATION = 5


def _bundle(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """40 organisations of 5 offers (240 records: two batches of 200); return the broken offers' reasons."""
    organizations: list[dict[str, Any]] = []
    for i in range(ORGANIZATIONS):
        services = [builders.service(f"Angebot {i}-{j}") for j in range(SERVICES_PER_ORGANIZATION)]
        organizations.append(builders.organization(*services, name=f"Träger {i}"))
    broken: dict[str, str] = {}
    # In the middle of the first batch: a place that exists nowhere (fails while the offer is built).
    unknown_place = builders.new_id()
    lost = organizations[10]["services"][2]
    lost["service_at_locations"] = [{"id": builders.new_id(), "location_id": unknown_place}]
    broken[lost["id"]] = f"Ort „{unknown_place}“ ist unbekannt"
    # Also in the first batch: a link id another offer already has (fails only when it is written).
    twin = organizations[20]["services"]
    twin[3]["service_at_locations"][0]["id"] = twin[1]["service_at_locations"][0]["id"]
    broken[twin[3]["id"]] = "konnte nicht gespeichert werden ("
    # The same organisation twice: the second record updates the first (both valid).
    organizations[15]["id"] = organizations[5]["id"]
    # In the second batch: one invalid by the schema rules and one more unknown place, the bundle's last.
    organizations[36]["services"][0]["minimum_age"] = -3
    broken[organizations[36]["services"][0]["id"]] = "minimum_age: Alter -3 liegt nicht zwischen 0 und 120"
    last = organizations[-1]["services"][-1]
    last["service_at_locations"] = [{"id": builders.new_id(), "location_id": unknown_place}]
    broken[last["id"]] = f"Ort „{unknown_place}“ ist unbekannt"
    return builders.write_bundle(tmp_path / "bundle", organizations), broken


def _one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every batch fail before it writes anything: each record is then written on its own."""

    def refuse(*_args: Any) -> bool:
        raise RuntimeError("batch refused by the test")

    monkeypatch.setattr(importer, "_apply_in_batch", refuse)


def _stored(db: Database) -> dict[str, Any]:
    with db.session() as session:
        return {
            "offers": sorted(session.execute(select(Offer.id, Offer.organization_id, Offer.version)).all()),
            "organizations": sorted(session.execute(select(Organization.id, Organization.name)).all()),
            "locations": sorted(session.scalars(select(Location.id))),
            "links": sorted(session.scalars(select(ServiceAtLocation.id))),
            "changes": sorted(session.execute(select(ChangeLog.service_id, ChangeLog.version)).all()),
        }


def _said(report: ImportReport) -> dict[str, Any]:
    # Which error class a failed flush names (IntegrityError, FlushError) depends on whether the row it
    # collides with is still in the session: the same in both ways of writing, but not the point here.
    reasons = [re.sub(r"\(\w+Error\)", "(…)", str(r)) for r in report.rejections]
    return {"counts": report.counts, "rejections": reasons, "warnings": report.warnings}


def _empty(db: Database) -> None:
    with db.writing() as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(delete(table))


@pytest.fixture(params=[200, 12], ids=["batches-of-200", "batches-of-12"])
def broken_bundle(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, dict[str, str]]:
    """The bundle with its broken offers, imported in batches of 200 (the default) or of 12 records."""
    monkeypatch.setattr(importer, "BATCH_RECORDS", request.param)
    return _bundle(tmp_path)


def test_a_batch_with_broken_records_keeps_every_valid_one(
    db: Database, broken_bundle: tuple[Path, dict[str, str]]
) -> None:
    bundle, broken = broken_bundle

    report = import_bundle(db, bundle)

    rejected = {r.record_id: r.reason for r in report.rejections}
    assert set(rejected) == set(broken)
    for offer_id, reason in broken.items():
        assert rejected[offer_id].startswith(reason), (offer_id, rejected[offer_id])
    assert [r.path for r in report.rejections] == [
        "[10].services[2]",
        "[20].services[3]",
        "[36].services[0]",
        f"[{ORGANIZATIONS - 1}].services[{SERVICES_PER_ORGANIZATION - 1}]",
    ]
    total = ORGANIZATIONS * SERVICES_PER_ORGANIZATION
    assert dict(report.counts["services"]) == {"created": total - len(broken), "rejected": len(broken)}
    assert dict(report.counts["organizations"]) == {"created": ORGANIZATIONS - 1, "updated": 1}
    stored = _stored(db)
    assert len(stored["offers"]) == total - len(broken)
    assert not {offer_id for offer_id, _, _ in stored["offers"]} & set(broken)
    assert len(stored["changes"]) == total - len(broken)


def test_batches_store_and_report_exactly_what_record_by_record_import_does(
    db: Database, broken_bundle: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle, _broken = broken_bundle
    with monkeypatch.context() as alone:
        _one_by_one(alone)
        expected_report = _said(import_bundle(db, bundle))
    expected_rows = _stored(db)
    _empty(db)

    report = import_bundle(db, bundle)

    assert _said(report) == expected_report
    assert _stored(db) == expected_rows
