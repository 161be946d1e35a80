"""Checks on the Bocholt demonstration bundle in seed_data/."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seed_data"
TAXONOMY = ROOT / "lotse" / "data" / "taxonomy.yaml"
SHARED = Path(__file__).resolve().parents[2] / "shared"
ORG_SCHEMA = SHARED / "hsds" / "schema" / "compiled" / "organization.json"

DISTRICT_IDS = {
    "innenstadt",
    "feldmark",
    "fildeken-rosenberg",
    "suedwest",
    "ost",
    "lowick",
    "holtwick",
    "stenern",
    "biemenhorst",
    "mussum",
    "barlo",
    "suderwick",
    "spork",
    "liedern",
    "hemden",
    "lankern",
}
# Numbers from bocholt.md, bocholt-contacts.md (Seniorenbüro S6, Jobcenter S3, Jugendamt S3/S5) and certain
# national helplines; anything else would send people to a wrong door.
ALLOWED_PHONES = {
    "02871953519",
    "028719532234",
    "02871953735",
    "02871953623",
    "02871239480",
    "028712379599",
    "116016",
    "08001110111",
    "08001110222",
    "116111",
    "08001110550",
    "08004040020",
}
# Objects that are deliberately shared: the same id must then carry the same content.
SHARED_KINDS = {"location", "address", "taxonomy_term"}


def load_json(name: str) -> Any:
    """Parsed JSON file from the bundle."""
    return json.loads((SEED / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def organizations() -> list[dict[str, Any]]:
    """The organizations array."""
    return load_json("organizations.json")


@pytest.fixture(scope="module")
def services(organizations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """All embedded services."""
    return [service for org in organizations for service in org.get("services", [])]


@pytest.fixture(scope="module")
def districts() -> list[dict[str, Any]]:
    """The district features."""
    return load_json("districts.geojson")["features"]


def need_codes(services: list[dict[str, Any]]) -> set[str]:
    """Need codes (taxonomy lotse-bedarfe) used by the given services."""
    return {
        attr["taxonomy_term"]["code"]
        for service in services
        for attr in service.get("attributes", [])
        if attr["taxonomy_term"]["taxonomy"] == "lotse-bedarfe"
    }


def taxonomy_codes() -> set[str]:
    """All need and target-group codes of the project taxonomy."""
    tax = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    codes = {need["code"] for area in tax["areas"] for need in area["needs"]}
    codes |= {group["code"] for group in tax["target_groups"]["groups"]}
    return codes


def identified_objects(node: Any, kind: str = "organization") -> Iterator[tuple[str, str, Any]]:
    """Yield (kind, id, object) for every object with an id, walking nested lists and objects."""
    if isinstance(node, dict):
        if "id" in node:
            yield kind, node["id"], node
        for key, value in node.items():
            child_kind = {
                "services": "service",
                "phones": "phone",
                "schedules": "schedule",
                "languages": "language",
                "service_areas": "service_area",
                "attributes": "attribute",
                "service_at_locations": "service_at_location",
                "location": "location",
                "addresses": "address",
                "taxonomy_term": "taxonomy_term",
            }.get(key, key)
            yield from identified_objects(value, child_kind)
    elif isinstance(node, list):
        for item in node:
            yield from identified_objects(item, kind)


def test_every_organization_validates_against_hsds_schema(organizations: list[dict[str, Any]]) -> None:
    if not ORG_SCHEMA.exists():
        pytest.skip(f"shared HSDS schema not found at {ORG_SCHEMA} (../shared is not checked out here)")
    schema = json.loads(ORG_SCHEMA.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [
        f"{org['name']}: {list(err.absolute_path)}: {err.message}"
        for org in organizations
        for err in validator.iter_errors(org)
    ]
    assert errors == []


def test_bundle_has_all_sixteen_districts(districts: list[dict[str, Any]]) -> None:
    assert {f["properties"]["id"] for f in districts} == DISTRICT_IDS


def test_district_neighbours_are_symmetric(districts: list[dict[str, Any]]) -> None:
    neighbours = {f["properties"]["id"]: set(f["properties"]["neighbours"]) for f in districts}
    one_sided = [
        (a, b) for a, others in neighbours.items() for b in others if a not in neighbours.get(b, set())
    ]
    assert one_sided == []


def test_at_least_sixty_services_are_active(services: list[dict[str, Any]]) -> None:
    assert sum(service["status"] == "active" for service in services) >= 60


def test_active_services_cover_at_least_forty_need_codes(services: list[dict[str, Any]]) -> None:
    active = [service for service in services if service["status"] == "active"]
    assert len(need_codes(active)) >= 40


def test_every_taxonomy_code_used_exists(services: list[dict[str, Any]]) -> None:
    used = {attr["taxonomy_term"]["code"] for service in services for attr in service.get("attributes", [])}
    assert used - taxonomy_codes() == set()


def test_inactive_services_explain_why(services: list[dict[str, Any]]) -> None:
    silent = [s["name"] for s in services if s["status"] != "active" and not s.get("alert")]
    assert silent == []


def test_no_phone_number_outside_allow_list(organizations: list[dict[str, Any]]) -> None:
    numbers = {obj["number"] for kind, _id, obj in identified_objects(organizations) if kind == "phone"}
    assert {n for n in numbers if re.sub(r"\D", "", n) not in ALLOWED_PHONES} == set()


#: The e-mail and web addresses of bocholt-contacts.md the seed uses (sources S4, S6–S8, S25–S43, S49, S60).
ALLOWED_ADDRESSES = {
    "seniorenbuero@bocholt.de",
    "bocholt-suedwest@drkborken.de",
    "https://www.bocholt.de/en/jobcenter",
    "https://www.skm-bocholt.de",
    "https://drkborken.de",
    "https://drkborken.de/angebote/alltagshilfen/ambulante-pflege.html",
    "http://l-i-a.de",
    "https://www.tafel-bocholt.de",
}


def test_no_email_or_website_is_invented(organizations: list[dict[str, Any]]) -> None:
    text = json.dumps(organizations, ensure_ascii=False)
    found = set(re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+|https?://[^\s\"]+", text))
    assert found <= ALLOWED_ADDRESSES


@pytest.mark.skipif(not (SHARED / "bocholt-contacts.md").exists(), reason="shared/bocholt-contacts.md fehlt")
def test_every_added_contact_stands_in_the_sourced_contacts() -> None:
    sourced = (SHARED / "bocholt-contacts.md").read_text(encoding="utf-8")
    digits = {re.sub(r"\D", "", n) for n in re.findall(r"0\d{3,4}[ /]?[\d -]{3,12}\d", sourced)}
    for address in ALLOWED_ADDRESSES:
        assert re.sub(r"^https?://(www\.)?", "", address) in sourced, address
    for number in ("028719532234", "02871953735", "02871953623"):
        assert number in digits, number


def test_ids_are_unique(organizations: list[dict[str, Any]]) -> None:
    kinds_by_id: dict[str, set[str]] = {}
    content_by_id: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for kind, oid, obj in identified_objects(organizations):
        kinds_by_id.setdefault(oid, set()).add(kind)
        content_by_id.setdefault(oid, set()).add(json.dumps(obj, sort_keys=True, ensure_ascii=False))
        counts[oid] += 1
    reused = [
        oid
        for oid, n in counts.items()
        if n > 1 and not (kinds_by_id[oid] <= SHARED_KINDS and len(kinds_by_id[oid]) == 1)
    ]
    diverging = [oid for oid, contents in content_by_id.items() if len(contents) > 1]
    assert (reused, diverging) == ([], [])


def test_local_service_areas_name_known_districts(services: list[dict[str, Any]]) -> None:
    wide = {"Stadtgebiet Bocholt", "Kreis Borken", "Südkreis Borken", "bundesweit", "Friedhofsviertel"}
    names = {area["name"] for service in services for area in service.get("service_areas", [])}
    assert names - DISTRICT_IDS - wide == set()
