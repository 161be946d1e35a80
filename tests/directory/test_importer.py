"""Importing bundles: validation, rejections with reasons, upsert, districts served."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lotse.db import Database
from lotse.directory.importer import BundleError, import_bundle
from lotse.models import ChangeLog, Location, Offer, OfferTerm, Organization
from tests import builders
from tests.conftest import MUSTERHAUSEN, SHARED, requires_shared


def _count(db: Database, model: type) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _offer(db: Database, offer_id: str) -> Offer:
    with db.session() as session:
        offer = session.get(Offer, offer_id)
        assert offer is not None
        _ = offer.districts, offer.terms
        return offer


@requires_shared()
def test_sample_town_imports_without_rejections(db: Database) -> None:
    report = import_bundle(db, MUSTERHAUSEN)
    assert report.rejections == []
    assert report.counts["organizations"]["created"] == 11
    assert report.counts["services"]["created"] == 45
    assert report.counts["districts"]["created"] == 8


@requires_shared()
def test_importing_twice_changes_nothing(db: Database) -> None:
    import_bundle(db, MUSTERHAUSEN)
    changes = _count(db, ChangeLog)
    report = import_bundle(db, MUSTERHAUSEN)
    assert dict(report.counts["services"]) == {"unchanged": 45}
    assert dict(report.counts["organizations"]) == {"unchanged": 11}
    assert _count(db, ChangeLog) == changes


@requires_shared()
def test_official_hsds_example_imports_cleanly(db: Database, tmp_path: Path) -> None:
    example = json.loads((SHARED / "hsds/examples/organization_full.json").read_text())
    report = import_bundle(db, builders.write_bundle(tmp_path / "b", [example]))
    assert report.rejections == []
    assert report.counts["services"]["created"] == len(example["services"])


@requires_shared()
def test_broken_copy_of_sample_town_rejects_exactly_the_broken_records(db: Database, tmp_path: Path) -> None:
    bundle = tmp_path / "broken"
    shutil.copytree(MUSTERHAUSEN, bundle)
    organizations = json.loads((bundle / "organizations.json").read_text())
    broken = {}
    first, second = organizations[0]["services"], organizations[1]["services"]
    first[0]["attributes"][0]["taxonomy_term"]["code"] = "GEL.ERFUNDEN"
    broken[first[0]["id"]] = "Bedarfscode"
    first[1]["id"] = "angebot-2"
    broken["angebot-2"] = "uuid"
    second[0]["minimum_age"], second[0]["maximum_age"] = 30, 12
    broken[second[0]["id"]] = "minimum_age"
    del second[1]["name"]
    broken[second[1]["id"]] = "Pflichtfeld „name“"
    del organizations[2]["description"]
    for service in organizations[2]["services"]:
        broken[service["id"]] = "abgelehnten Organisation"
    (bundle / "organizations.json").write_text(json.dumps(organizations), encoding="utf-8")

    report = import_bundle(db, bundle)

    rejected = {r.record_id: r.reason for r in report.rejections if r.path.count("services")}
    assert set(rejected) == set(broken)
    for service_id, fragment in broken.items():
        assert fragment in rejected[service_id]
    assert _count(db, Offer) == 45 - len(broken)
    assert _count(db, Organization) == 10


def test_rejection_names_file_path_and_record(db: Database, tmp_path: Path) -> None:
    bad = builders.service("Kaputt", minimum_age=-3)
    report = import_bundle(db, builders.write_bundle(tmp_path / "b", [builders.organization(bad)]))
    (rejection,) = report.rejections
    assert rejection.file == "organizations.json"
    assert rejection.path == "[0].services[0]"
    assert rejection.record_id == bad["id"]
    assert "minimum_age" in str(rejection) and "Kaputt" in str(rejection)


def test_malformed_json_is_reported_with_its_line(db: Database, tmp_path: Path) -> None:
    report = import_bundle(db, builders.write_bundle(tmp_path / "b", '[{"id": "x",\n  "name": }]'))
    (rejection,) = report.rejections
    assert "Zeile 2" in rejection.reason


def test_missing_organizations_file_is_a_bundle_error(db: Database, tmp_path: Path) -> None:
    tmp_path.joinpath("empty").mkdir()
    with pytest.raises(BundleError, match=r"organizations\.json"):
        import_bundle(db, tmp_path / "empty")


def test_valid_records_are_kept_beside_rejected_ones(db: Database, tmp_path: Path) -> None:
    good, bad = builders.service("Gut"), builders.service("Schlecht", codes=("NIX.DA",))
    report = import_bundle(db, builders.write_bundle(tmp_path / "b", [builders.organization(good, bad)]))
    assert [r.record_id for r in report.rejections] == [bad["id"]]
    assert _offer(db, good["id"]).name == "Gut"


def test_district_comes_from_coordinates_without_service_area(db: Database, tmp_path: Path) -> None:
    offer = builders.service("Nordtreff", areas=(), lat=50.049, lon=8.001)
    import_bundle(db, builders.write_bundle(tmp_path / "b", [builders.organization(offer)]))
    stored = _offer(db, offer["id"])
    assert stored.district_ids == ["nord"] and not stored.city_wide


def test_district_comes_from_polygon_that_contains_the_location(db: Database, tmp_path: Path) -> None:
    square = [[[7.9, 49.9], [7.95, 49.9], [7.95, 49.95], [7.9, 49.95], [7.9, 49.9]]]
    collection = builders.districts(("mitte", 50.0, 8.0, []))
    collection["features"].append(
        {
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": square},
            "properties": {"id": "sued", "name": "Süd", "neighbours": []},
        }
    )
    # Nearer to the centre of "mitte", but inside the polygon of "sued".
    offer = builders.service("Südtreff", areas=(), lat=49.949, lon=7.949)
    import_bundle(db, builders.write_bundle(tmp_path / "b", [builders.organization(offer)], collection))
    assert _offer(db, offer["id"]).district_ids == ["sued"]


def test_service_area_naming_the_town_makes_offer_city_wide(db: Database, tmp_path: Path) -> None:
    offer = builders.service("Stadtweit", areas=("Stadtgebiet Musterstadt",))
    import_bundle(db, builders.write_bundle(tmp_path / "b", [builders.organization(offer)]))
    assert _offer(db, offer["id"]).city_wide


def test_service_area_by_district_name_is_understood(db: Database, tmp_path: Path) -> None:
    offer = builders.service("Treff", areas=("Nord",))
    import_bundle(db, builders.write_bundle(tmp_path / "b", [builders.organization(offer)]))
    assert _offer(db, offer["id"]).district_ids == ["nord"]


def test_changed_offer_gets_new_version_and_change_log_entry(db: Database, tmp_path: Path) -> None:
    offer, org_id = builders.service("Treff"), builders.new_id()
    import_bundle(db, builders.write_bundle(tmp_path / "a", [builders.organization(offer, id=org_id)]))
    offer["description"] = "Neue Beschreibung."
    import_bundle(db, builders.write_bundle(tmp_path / "b", [builders.organization(offer, id=org_id)]))
    assert _offer(db, offer["id"]).version == 2
    with db.session() as session:
        versions = session.scalars(select(ChangeLog.version).where(ChangeLog.service_id == offer["id"]))
        assert list(versions) == [1, 2]


def test_out_of_range_coordinates_are_dropped_with_a_warning(db: Database, tmp_path: Path) -> None:
    offer = builders.service("Treff", lat=100.0, lon=8.0)
    report = import_bundle(db, builders.write_bundle(tmp_path / "b", [builders.organization(offer)]))
    assert report.rejections == []
    assert any("±90" in w for w in report.warnings)
    with db.session() as session:
        location = session.scalars(select(Location)).one()
        assert location.latitude is None


def test_need_and_target_group_codes_are_stored(db: Database, tmp_path: Path) -> None:
    offer = builders.service("Treff", codes=("GEL.SCHULD", "ZG.FAMILIE"))
    import_bundle(db, builders.write_bundle(tmp_path / "b", [builders.organization(offer)]))
    stored = _offer(db, offer["id"])
    assert stored.codes("need") == ["GEL.SCHULD"]
    assert stored.codes("target_group") == ["ZG.FAMILIE"]


def test_offer_without_codes_gets_inferred_needs(db: Database, tmp_path: Path) -> None:
    offer = builders.service("Hilfe", codes=(), description="Wir helfen bei Schulden.")
    bundle = builders.write_bundle(tmp_path / "b", [builders.organization(offer)])
    import_bundle(db, bundle, infer=lambda text: [("GEL.SCHULD", 0.8)] if "Schulden" in text else [])
    with db.session() as session:
        term = session.scalars(select(OfferTerm)).one()
        assert (term.code, term.source, term.score) == ("GEL.SCHULD", "inferred", 0.8)


def test_district_without_id_is_rejected_and_others_kept(db: Database, tmp_path: Path) -> None:
    collection = builders.districts(("mitte", 50.0, 8.0, []))
    collection["features"].append(
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [8, 50]},
            "properties": {"name": "Ohne Id"},
        }
    )
    report = import_bundle(db, builders.write_bundle(tmp_path / "b", [], collection))
    assert [r.reason for r in report.rejections] == ["properties.id fehlt"]
    assert report.counts["districts"]["created"] == 1
