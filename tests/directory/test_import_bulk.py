"""New offers of a batch are written by bulk inserts of plain rows: they must read back exactly as the ORM
path writes them (every column and part, their order, the change log, the HSDS export, search results).

The reference is the same import with `hsds_in.BULK_NEW_OFFERS` switched off.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Text, cast, delete, select

from lotse.db import Database
from lotse.directory import hsds_in, opening_hours
from lotse.directory.export import export_hsds
from lotse.directory.importer import ImportReport, import_bundle
from lotse.models import Base
from lotse.search.results import SearchQuery
from lotse.search.service import SearchService
from tests import builders

#: Columns whose values come from the clock or the database's counters, not from the bundle.
NOT_COMPARED = {"pk", "seq", "changed_at"}
#: Columns by which the parts of one parent are grouped (their order within it is that of `pk`).
PARENTS = ("service_id", "location_id", "organization_id")
MODIFIED = "2025-03-01T10:00:00Z"


def _infer(text: str) -> Sequence[tuple[str, float]]:
    """A stand-in recogniser: debts in the text are a need."""
    return [("GEL.SCHULD", 0.71)] if "Schulden" in text else []


def rich_organizations() -> list[dict[str, Any]]:
    """Offers with every part the importer writes: phones, costs, languages, text and borrowed hours,
    foreign and undescribed terms, inferred needs, areas by name, by polygon and unknown, shared places."""
    place = builders.new_id()
    polygon = {
        "type": "Polygon",
        "coordinates": [[[7.9, 50.04], [8.1, 50.04], [8.1, 50.06], [7.9, 50.06], [7.9, 50.04]]],
    }
    rich = builders.service(
        "Schuldnerberatung",
        codes=("GEL.SCHULD", "ZG.FAMILIE"),
        areas=("mitte", "irgendwo-anders"),
        lat=None,
        minimum_age=18,
        assured_date="2025-01-15",
        url="https://example.org/beratung",
        required_documents=[{"id": builders.new_id(), "document": "Personalausweis"}],
        phones=[
            {"id": builders.new_id(), "number": "0251 123", "extension": 12, "type": "voice"},
            {"id": builders.new_id(), "number": "0251 456", "description": "Fax"},
        ],
        cost_options=[
            {"id": builders.new_id(), "option": "kostenlos", "amount": 0, "valid_from": "2025-01-01"}
        ],
        languages=[
            {"id": builders.new_id(), "code": "de", "name": "Deutsch"},
            {"id": builders.new_id(), "code": "tr"},
        ],
        schedules=[
            {"id": builders.new_id(), "description": "Mo–Fr 9–12 Uhr", "valid_to": "2026-12-31"},
            {
                "id": builders.new_id(),
                "freq": "WEEKLY",
                "byday": "SA",
                "opens_at": "10:00",
                "closes_at": "12:00",
            },
        ],
        service_at_locations=[
            {"id": builders.new_id(), "location_id": place, "description": "Eingang hinten"}
        ],
    )
    rich["service_areas"].append(
        {"id": builders.new_id(), "name": "Nordgebiet", "extent": json.dumps(polygon)}
    )
    rich["attributes"] += [
        {
            "id": builders.new_id(),
            "link_entity": "service",
            "taxonomy_term": {
                "id": builders.new_id(),
                "code": "X1",
                "name": "Fremder Begriff",
                "description": "Ein Begriff einer anderen Taxonomie",
                "taxonomy": "fremd",
            },
            "value": "ja",
        },
        {"id": builders.new_id(), "taxonomy_term_id": builders.new_id(), "label": "ohne Beschreibung"},
    ]
    borrowing = builders.service(
        "Hilfe bei Schulden",
        codes=(),
        lat=None,
        service_at_locations=[{"id": builders.new_id(), "location_id": place}],
    )
    far = builders.service("Treffpunkt", codes=("ZG.FAMILIE",), lat=100.0, lon=8.0, status="inactive")
    plain = [builders.service(f"Angebot {i}", areas=("nord",) if i % 2 else ()) for i in range(6)]
    services = [rich, borrowing, far, *plain]
    for service in services:
        service["last_modified"] = MODIFIED
    organization = builders.organization(
        *services,
        locations=[
            {
                "id": place,
                "location_type": "physical",
                "name": "Beratungsstelle",
                "latitude": 50.0,
                "longitude": 8.0,
                "addresses": [
                    {
                        "id": builders.new_id(),
                        "address_1": "Hauptstr. 1",
                        "city": "Musterstadt",
                        "state_province": "NRW",
                        "postal_code": "48000",
                        "country": "DE",
                        "address_type": "physical",
                    }
                ],
                "schedules": [
                    {"id": builders.new_id(), "freq": "WEEKLY", "byday": "MO,WE", "opens_at": "14:00"}
                ],
            }
        ],
        phones=[{"id": builders.new_id(), "number": "0251 999"}],
    )
    other = builders.organization(*(builders.service(f"Kurs {i}") for i in range(3)), name="Zweiter Träger")
    for service in other["services"]:
        service["last_modified"] = MODIFIED
    return [organization, other]


def _changed(organizations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The second bundle: an offer changed, one new in the same organisation, the rest as they were."""
    changed = copy.deepcopy(organizations)
    first = changed[0]["services"]
    first[0]["name"] = "Schuldner- und Insolvenzberatung"
    first[3]["phones"] = [{"id": builders.new_id(), "number": "0251 777"}]
    added = builders.service("Neu: Schulden-Café", areas=("nord",))
    added["last_modified"] = MODIFIED
    first.append(added)
    return changed


def _dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in a stable order (parts within a parent in the order of their surrogate key);
    JSON columns as the text stored, so SQL NULL and JSON null differ."""
    found = {}
    with db.session() as session:
        for table in Base.metadata.sorted_tables:
            columns = [
                cast(c, Text) if isinstance(c.type, JSON) else c
                for c in table.columns
                if c.name not in NOT_COMPARED
            ]
            order = [table.c[p] for p in PARENTS if p in table.c] + list(table.primary_key.columns)
            found[table.name] = [tuple(row) for row in session.execute(select(*columns).order_by(*order))]
    return found


def _said(report: ImportReport) -> dict[str, Any]:
    return {
        "counts": report.counts,
        "rejections": [str(r) for r in report.rejections],
        "warnings": report.warnings,
    }


def _empty(db: Database) -> None:
    with db.writing() as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(delete(table))


def _seen(db: Database, root: Path) -> dict[str, Any]:
    """What search and the HSDS export make of the directory."""
    search = SearchService(db, root / "instance")
    try:
        search.refresh(rebuild=True)
        results = {}
        for query in (
            SearchQuery(text="Beratung", facets=True, per_page=50),
            SearchQuery(text="Schulden", districts=("nord",), facets=True),
            SearchQuery(needs=("GEL.SCHULD",), active_only=False, per_page=50),
        ):
            found = search.search(query)
            assert found.source == "index"
            results[repr(query)] = (
                found.total,
                [(h.offer_id, round(h.score, 6), h.offer.to_record()) for h in found.hits],
                found.facets,
            )
    finally:
        search.close()
    export_hsds(db, root / "export")
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "export").iterdir())}
    return {"search": results, "export": files}


class _HoursIds:
    """Stands in for the uuid module where opening hours read from text get their ids: the same ids
    from each import's start, so two imports can be compared."""

    def __init__(self) -> None:
        self.count = 0

    def uuid4(self) -> str:
        self.count += 1
        return f"00000000-0000-4000-8000-{self.count:012d}"


@pytest.fixture(autouse=True)
def hours_ids(monkeypatch: pytest.MonkeyPatch) -> _HoursIds:
    ids = _HoursIds()
    monkeypatch.setattr(opening_hours, "uuid", ids)
    return ids


def _import(db: Database, bundles: Sequence[Path], root: Path, ids: _HoursIds) -> list[Any]:
    seen: list[Any] = []
    for i, bundle in enumerate(bundles):
        ids.count = 0
        seen += [_said(import_bundle(db, bundle, infer=_infer)), _dump(db), _seen(db, root / str(i))]
    return seen


def test_bulk_inserted_offers_read_back_as_orm_inserted_ones(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hours_ids: _HoursIds
) -> None:
    organizations = rich_organizations()
    first = builders.write_bundle(tmp_path / "first", organizations)
    second = builders.write_bundle(tmp_path / "second", _changed(organizations))
    staged: list[str] = []
    stage = hsds_in._stage_new_offer

    def counted(session: Any, record: dict[str, Any], *args: Any) -> None:
        staged.append(record["id"])
        stage(session, record, *args)

    monkeypatch.setattr(hsds_in, "_stage_new_offer", counted)
    with monkeypatch.context() as orm:
        orm.setattr(hsds_in, "BULK_NEW_OFFERS", False)
        expected = _import(db, [first, second], tmp_path / "orm", hours_ids)
    assert not staged
    _empty(db)

    got = _import(db, [first, second], tmp_path / "bulk", hours_ids)

    # Every new offer of both imports went by rows; the changed one by the ORM.
    assert len(staged) == sum(len(o["services"]) for o in organizations) + 1
    report, rows = got[:2]
    assert report["counts"]["services"] == {"created": len(staged) - 1}
    assert any("irgendwo-anders" in w for w in report["warnings"])
    assert not [w for w in report["warnings"] if "verworfen" in w], report["warnings"]
    assert rows["phone"] and rows["cost_option"] and rows["attribute"] and rows["schedule"]
    for step, (want, have) in enumerate(zip(expected, got, strict=True)):
        if "service" in want:  # the rows: say which table differs
            for table in want:
                assert have[table] == want[table], (step, table)
        assert have == want, step


def test_a_failed_bulk_batch_is_written_again_record_by_record(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hours_ids: _HoursIds
) -> None:
    organizations = rich_organizations()
    # Two offers with the same link id: the batch's bulk insert fails, the redo rejects only the second.
    services = organizations[1]["services"]
    services[2]["service_at_locations"][0]["id"] = services[1]["service_at_locations"][0]["id"]
    bundle = builders.write_bundle(tmp_path / "bundle", organizations)
    with monkeypatch.context() as orm:
        orm.setattr(hsds_in, "BULK_NEW_OFFERS", False)
        expected = _said(import_bundle(db, bundle, infer=_infer)), _dump(db)
    _empty(db)
    hours_ids.count = 0

    report = import_bundle(db, bundle, infer=_infer)

    assert [r.record_id for r in report.rejections] == [services[2]["id"]]
    assert (_said(report), _dump(db)) == expected
