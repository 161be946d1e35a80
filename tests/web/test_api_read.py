"""The read API: offers with ETag, districts, taxonomy, organisations, one error shape, OpenAPI."""

from __future__ import annotations

import pytest

from lotse.directory.importer import import_bundle
from lotse.taxonomy import load_taxonomy
from tests.conftest import MUSTERHAUSEN, requires_shared

pytestmark = requires_shared()

SUMMARY_FIELDS = {
    "id",
    "name",
    "description",
    "organization",
    "needs",
    "target_groups",
    "districts",
    "location",
    "phone",
    "email",
    "url",
    "languages",
    "cost",
    "schedule",
    "minimum_age",
    "maximum_age",
    "last_verified",
}


@pytest.fixture
def loaded(app, client):  # type: ignore[no-untyped-def]
    import_bundle(app.extensions["lotse"].db, MUSTERHAUSEN)
    return client


def _any_offer_id(client) -> str:  # type: ignore[no-untyped-def]
    return client.get("/hsds/services?per_page=1").get_json()["contents"][0]["id"]


def test_offer_has_every_summary_field(loaded) -> None:  # type: ignore[no-untyped-def]
    body = loaded.get(f"/api/v1/offers/{_any_offer_id(loaded)}").get_json()
    assert set(body) >= SUMMARY_FIELDS
    assert set(body["organization"]) == {"id", "name"}


def test_offer_carries_its_version_as_etag(loaded) -> None:  # type: ignore[no-untyped-def]
    response = loaded.get(f"/api/v1/offers/{_any_offer_id(loaded)}")
    assert response.headers["ETag"] == f'"{response.get_json()["version"]}"'


def test_city_wide_offer_lists_all_districts(loaded) -> None:  # type: ignore[no-untyped-def]
    offers = loaded.get("/hsds/services?search=Wohngeld").get_json()["contents"]
    body = loaded.get(f"/api/v1/offers/{offers[0]['id']}").get_json()
    assert len(body["districts"]) == 8


def test_unknown_offer_gets_the_error_shape(loaded) -> None:  # type: ignore[no-untyped-def]
    response = loaded.get("/api/v1/offers/unbekannt")
    assert response.status_code == 404
    error = response.get_json()["error"]
    assert set(error) == {"code", "message", "fields"} and error["code"] == "not_found"


def test_districts_list_neighbours(loaded) -> None:  # type: ignore[no-untyped-def]
    items = {d["id"]: d for d in loaded.get("/api/v1/districts").get_json()["items"]}
    assert items["kirchberg"]["neighbours"] == ["nordhang"]


def test_taxonomy_holds_every_code(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/v1/taxonomy").get_json()
    codes = {n["code"] for a in body["areas"] for n in a["needs"]}
    assert codes == set(load_taxonomy().needs) and len(body["target_groups"]) == 23


def test_organizations_count_active_offers(loaded) -> None:  # type: ignore[no-untyped-def]
    items = loaded.get("/api/v1/organizations").get_json()["items"]
    assert len(items) == 11 and sum(o["offer_count"] for o in items) == 42


def test_organization_page_lists_only_active_offers(loaded) -> None:  # type: ignore[no-untyped-def]
    org = loaded.get("/api/v1/organizations").get_json()["items"][0]
    body = loaded.get(f"/api/v1/organizations/{org['id']}").get_json()
    assert len(body["offers"]) == org["offer_count"]


def test_unknown_route_is_json_under_api(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/nichts")
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"


def test_wrong_method_is_a_405_in_german(client) -> None:  # type: ignore[no-untyped-def]
    response = client.delete("/api/v1/districts")
    assert response.status_code == 405 and "Methode" in response.get_json()["error"]["message"]


def test_oversized_body_is_a_413(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/v1/districts", data="x" * 300_000, content_type="application/json")
    assert response.status_code == 413 and response.get_json()["error"]["code"] == "too_large"


def test_unknown_page_is_a_german_html_page(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/gibt-es-nicht", headers={"Accept": "text/html"})
    assert response.status_code == 404 and "existiert nicht" in response.get_data(as_text=True)


def test_openapi_describes_every_api_and_hsds_route(app, client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/openapi.json").get_json()["paths"]
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] in ("api", "hsds"):
            openapi_path = rule.rule.replace("<", "{").replace(">", "}")
            assert openapi_path in paths, rule.rule


def test_openapi_components_come_from_the_schemas(client) -> None:  # type: ignore[no-untyped-def]
    schemas = client.get("/openapi.json").get_json()["components"]["schemas"]
    assert {"OfferSummary", "Error", "DistrictList"} <= set(schemas)


def test_start_page_links_the_api_description(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/").get_data(as_text=True)
    assert "/openapi.json" in page and "Lotse" in page
