"""The HSDS API honours every filter it names, and names every parameter it refuses."""

from __future__ import annotations

from typing import Any

import pytest

from lotse.directory.importer import import_bundle
from lotse.taxonomy import term_id
from tests.conftest import MUSTERHAUSEN, SHARED, requires_shared

pytestmark = requires_shared()
EDGE = SHARED / "hsds-outside" / "edge-cases"
OPEN_ELIGIBILITY = "84395af9-a923-55f1-99d5-fd0a44a966fa"
FOOD = "4761c218-3593-55f7-aa63-23bb7acfbc1e"


@pytest.fixture
def loaded(app, client):  # type: ignore[no-untyped-def]
    import_bundle(app.extensions["lotse"].db, MUSTERHAUSEN)
    import_bundle(app.extensions["lotse"].db, EDGE)
    return client


def _services_of_links(client: Any, query: str) -> set[str]:
    body = client.get(f"/hsds/service_at_locations?per_page=100&{query}").get_json()
    assert body["total_items"] == body["size"]
    return {s["service_id"] for s in body["contents"]}


def _services(client: Any, query: str) -> set[str]:
    return {s["id"] for s in client.get(f"/hsds/services?per_page=100&{query}").get_json()["contents"]}


def test_service_at_locations_filter_by_organization(loaded) -> None:  # type: ignore[no-untyped-def]
    org_id = "0a58001f-c219-52e2-9fbf-499a3db09716"
    found = _services_of_links(loaded, f"organization_id={org_id}")
    assert found and found <= _services(loaded, f"organization_id={org_id}")


def test_service_at_locations_filter_by_need(loaded) -> None:  # type: ignore[no-untyped-def]
    found = _services_of_links(loaded, f"taxonomy_term_id={term_id('VER.TAFEL')}")
    assert found and found <= _services(loaded, f"taxonomy_term_id={term_id('VER.TAFEL')}")


def test_service_at_locations_filter_by_search_and_change(loaded) -> None:  # type: ignore[no-untyped-def]
    assert _services_of_links(loaded, "search=Tafel") == _services(
        loaded, "search=Tafel"
    ) & _services_of_links(loaded, "")
    assert _services_of_links(loaded, "modified_after=2999-01-01T00:00:00Z") == set()


def test_foreign_taxonomy_filters_services_and_organizations(loaded) -> None:  # type: ignore[no-untyped-def]
    by_taxonomy = _services(loaded, f"taxonomy_id={OPEN_ELIGIBILITY}")
    assert (
        by_taxonomy
        == _services(loaded, f"taxonomy_term_id={FOOD}")
        == {"716a910f-a6a8-52ec-a848-76a7f43fd87c"}
    )
    orgs = loaded.get(f"/hsds/organizations?taxonomy_id={OPEN_ELIGIBILITY}").get_json()["contents"]
    assert [o["name"] for o in orgs] == ["Edge Org"]
    taxonomies = loaded.get("/hsds/taxonomies?per_page=100").get_json()["contents"]
    assert OPEN_ELIGIBILITY in {t["id"] for t in taxonomies}


def test_unknown_parameter_is_named_in_a_german_422(loaded) -> None:  # type: ignore[no-untyped-def]
    response = loaded.get("/hsds/service_at_locations?organisation_id=x")
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert "organisation_id" in error["message"] and "organisation_id" in error["fields"]


def test_unsupported_proximity_is_refused_by_name(loaded) -> None:  # type: ignore[no-untyped-def]
    response = loaded.get("/hsds/service_at_locations?postcode=46397&proximity=500")
    assert response.status_code == 422 and "proximity" in response.get_json()["error"]["fields"]


def test_modified_after_without_time_zone_gets_a_german_message(loaded) -> None:  # type: ignore[no-untyped-def]
    response = loaded.get("/hsds/services?modified_after=2024-01-01T00:00:00")
    assert response.status_code == 422
    assert "Zeitzone" in response.get_json()["error"]["fields"]["modified_after"]


def test_organizations_minimal_and_full(loaded) -> None:  # type: ignore[no-untyped-def]
    minimal = loaded.get("/hsds/organizations?minimal=true&per_page=1").get_json()["contents"][0]
    assert set(minimal) == {"id", "name", "description"}
    full = loaded.get("/hsds/organizations?full_service=true&per_page=100").get_json()["contents"]
    assert all("services" in o for o in full) and any(s.get("phones") for o in full for s in o["services"])


def test_service_at_location_embeds_the_whole_service(loaded) -> None:  # type: ignore[no-untyped-def]
    sal = "840b02c7-146a-5d4e-9857-596ee73da929"
    body = loaded.get(f"/hsds/service_at_locations/{sal}").get_json()
    assert body["schedules"][0]["byday"] == "MO"
    assert "service_areas" in body["service"] and "attributes" in body["service"]
