"""HSDS feeds other people published (../shared/hsds-outside/): what is imported, rejected, and given back."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from lotse.db import Database
from lotse.directory.export import export_hsds
from lotse.directory.importer import import_bundle
from lotse.directory.schedule import TIMEZONE, describe, is_open
from lotse.models import Attribute, Offer, Taxonomy, TaxonomyTerm
from tests.conftest import SHARED, requires_shared
from tests.directory.hsds_compare import losses

OUTSIDE = SHARED / "hsds-outside"
OFFICIAL_PLACE = (
    "services[id=ac148810-d857-441c-9679-408f346de14b]"
    ".service_at_locations[id=e94c9f38-1e8f-4564-91d4-d53501ab1765]"
)

#: Per bundle: the services the specification makes unusable (HSDS 3.0 ids are UUIDs).
REJECTED = {"edge-cases": {"svc-7"}}
#: Per bundle: single fields repaired or dropped (the real directory's URL with a typographic apostrophe).
REPAIRED = {"sarapis-dc": {"repaired": 1}}
#: Per bundle: what an export does not give back as it came, each documented in the README.
DROPPED = {
    "edge-cases": ["services[id=svc-7]: fehlt"],
    "sarapis-dc": ["services[id=33711bd3-5aaf-5401-9e1f-65ad47d1ba36].url"],
    **{
        name: [f"{OFFICIAL_PLACE}.location.latitude: fehlt", f"{OFFICIAL_PLACE}.location.longitude: fehlt"]
        for name in (
            "official-3.0",
            "official-3.0-service_full",
            "official-3.1dev",
            "oruk-uk-profile",
            "oruk-uk-profile-service_full",
        )
    },
}
BUNDLES = sorted(p.name for p in OUTSIDE.iterdir() if p.is_dir()) if OUTSIDE.is_dir() else []
EDGE = "0a58001f-c219-52e2-9fbf-499a3db09716"

pytestmark = requires_shared()


def _offer(db: Database, name: str) -> Offer:
    with db.session() as session:
        offer = session.scalars(select(Offer).where(Offer.name == name)).one()
        _ = offer.districts, offer.schedules, offer.service_areas
        return offer


@pytest.mark.parametrize("bundle", BUNDLES)
def test_bundle_rejects_exactly_what_the_specification_rules_out(db: Database, bundle: str) -> None:
    report = import_bundle(db, OUTSIDE / bundle)
    assert {r.record_id for r in report.rejections} == REJECTED.get(bundle, set())
    expected = sum(
        len(o["services"]) for o in json.loads((OUTSIDE / bundle / "organizations.json").read_text())
    )
    assert report.counts["services"]["created"] == expected - len(REJECTED.get(bundle, set()))
    assert dict(report.counts.get("fields", {})) == REPAIRED.get(bundle, {})


@pytest.mark.parametrize("bundle", BUNDLES)
def test_export_compared_field_by_field_loses_only_what_is_documented(
    db: Database, tmp_path: Path, bundle: str
) -> None:
    import_bundle(db, OUTSIDE / bundle)
    export_hsds(db, tmp_path)
    before = json.loads((OUTSIDE / bundle / "organizations.json").read_text())
    after = json.loads((tmp_path / "organizations.json").read_text())
    lost = [line.split("].", 1)[1] for line in losses(before, after)]
    expected = DROPPED.get(bundle, [])
    assert len(lost) == len(expected)
    assert all(line.startswith(prefix) for line, prefix in zip(sorted(lost), sorted(expected), strict=True))


def test_zip_code_service_area_is_kept_as_text_with_a_warning(db: Database) -> None:
    report = import_bundle(db, OUTSIDE / "edge-cases")
    offer = _offer(db, "Edge E1-zip-service-area")
    assert [a.name for a in offer.service_areas] == ["20001"]
    assert any("„20001“ ist kein bekannter Stadtteil" in w for w in report.warnings)


def test_county_service_area_serves_the_whole_town(db: Database) -> None:
    import_bundle(db, OUTSIDE / "edge-cases")
    assert _offer(db, "Edge E2-county-slug").city_wide


def test_geojson_extent_decides_the_districts_served(db: Database) -> None:
    import_bundle(db, OUTSIDE / "edge-cases")
    offer = _offer(db, "Edge E3-geojson-extent-md")
    assert (offer.city_wide, offer.district_ids) == (False, ["md"])


def test_attribute_naming_only_a_term_id_is_kept(db: Database) -> None:
    import_bundle(db, OUTSIDE / "edge-cases")
    with db.session() as session:
        attribute = session.scalars(
            select(Attribute).where(Attribute.id == "57206162-7d8c-526d-b7c6-13d9d41ac345")
        ).one()
        assert attribute.taxonomy_term_id == "d9a30ebd-ec62-5054-b1f4-8e7d5cde094e"


def test_foreign_taxonomy_gets_its_own_record(db: Database) -> None:
    import_bundle(db, OUTSIDE / "edge-cases")
    with db.session() as session:
        taxonomy = session.get(Taxonomy, "84395af9-a923-55f1-99d5-fd0a44a966fa")
        term = session.get(TaxonomyTerm, "4761c218-3593-55f7-aa63-23bb7acfbc1e")
        assert taxonomy is not None and taxonomy.name == "Open Eligibility"
        assert term is not None and term.taxonomy_id == taxonomy.id


def test_bundle_taxonomy_terms_file_describes_a_term_named_only_by_id(db: Database, tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for name in ("organizations.json", "districts.geojson"):
        (bundle / name).write_text((OUTSIDE / "edge-cases" / name).read_text())
    term = {"id": "d9a30ebd-ec62-5054-b1f4-8e7d5cde094e", "name": "Debt", "description": "Debt counselling"}
    (bundle / "taxonomy_terms.json").write_text(json.dumps([term]))
    report = import_bundle(db, bundle)
    assert report.counts["taxonomy_terms"]["imported"] == 1
    assert not any("nur per taxonomy_term_id" in w for w in report.warnings)


def test_schedule_of_the_location_gives_the_opening_hours(db: Database) -> None:
    import_bundle(db, OUTSIDE / "edge-cases")
    offer = _offer(db, "Edge E6-schedule-on-location-only")
    tuesday = datetime(2026, 12, 1, 11, 0, tzinfo=TIMEZONE)
    assert describe(offer.schedules) == "Di, Do 10:00–14:00 Uhr"
    assert is_open(offer.schedules, tuesday) is True


def test_schedule_of_the_service_at_location_gives_the_opening_hours(db: Database) -> None:
    import_bundle(db, OUTSIDE / "edge-cases")
    offer = _offer(db, "Edge E13-sal-with-schedule")
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=TIMEZONE)
    assert is_open(offer.schedules, monday) is True


def test_expired_schedule_is_neither_shown_nor_open(db: Database) -> None:
    import_bundle(db, OUTSIDE / "edge-cases")
    offer = _offer(db, "Edge E12-monthly")
    wednesday = datetime(2026, 12, 2, 15, 0, tzinfo=TIMEZONE)
    assert describe(offer.schedules, wednesday.date()) == "1. Mo 09:00–12:00 Uhr"
    assert is_open(offer.schedules, wednesday) is False


def test_borrowed_hours_are_exported_where_they_came_from(db: Database, tmp_path: Path) -> None:
    import_bundle(db, OUTSIDE / "edge-cases")
    export_hsds(db, tmp_path)
    (org,) = json.loads((tmp_path / "organizations.json").read_text())
    service = next(s for s in org["services"] if s["name"] == "Edge E6-schedule-on-location-only")
    assert service["schedules"] == []
    assert service["service_at_locations"][0]["location"]["schedules"][0]["byday"] == "TU,TH"
