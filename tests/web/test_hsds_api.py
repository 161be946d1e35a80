"""The /hsds API: every response validates against the official HSDS 3.0 schemas."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from lotse.directory.importer import import_bundle
from tests.conftest import MUSTERHAUSEN, SHARED, requires_shared

pytestmark = requires_shared()
SCHEMAS = SHARED / "hsds/schema"


def _validate(instance: Any, name: str) -> list[str]:
    path = SCHEMAS / "compiled" / f"{name}.json"
    if not path.exists():
        path = SCHEMAS / f"{name}.json"
    validator = Draft202012Validator(
        json.loads(path.read_text()), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return [e.message for e in validator.iter_errors(instance)]


def _page_errors(body: dict[str, Any], item_schema: str) -> list[str]:
    openapi = json.loads((SCHEMAS / "openapi.json").read_text())
    page = Draft202012Validator(openapi["components"]["schemas"]["Page"])
    errors = [e.message for e in page.iter_errors(body)]
    for key in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"):
        if key not in body:
            errors.append(f"{key} fehlt")
    return errors + [m for item in body["contents"] for m in _validate(item, item_schema)]


@pytest.fixture
def loaded(app, client):  # type: ignore[no-untyped-def]
    import_bundle(app.extensions["lotse"].db, MUSTERHAUSEN)
    return client


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        ("/hsds/services", "service_list"),
        ("/hsds/services?full=true", "service"),
        ("/hsds/organizations", "organization_list"),
        ("/hsds/organizations?full_service=true", "organization"),
        ("/hsds/services?minimal=true", "service_list"),
        ("/hsds/service_at_locations?full=true", "service_at_location"),
        ("/hsds/taxonomies", "taxonomy"),
        ("/hsds/taxonomy_terms", "taxonomy_term"),
        ("/hsds/service_at_locations", "service_at_location_list"),
    ],
)
def test_list_pages_validate(loaded, path: str, schema: str) -> None:  # type: ignore[no-untyped-def]
    response = loaded.get(path + ("&" if "?" in path else "?") + "per_page=100")
    assert response.status_code == 200
    body = response.get_json()
    assert body["contents"]
    assert _page_errors(body, schema) == []


def test_single_records_validate(loaded) -> None:  # type: ignore[no-untyped-def]
    service = loaded.get("/hsds/services?per_page=1").get_json()["contents"][0]
    org_id = loaded.get("/hsds/organizations?per_page=1").get_json()["contents"][0]["id"]
    sal_id = loaded.get("/hsds/service_at_locations?per_page=1").get_json()["contents"][0]["id"]
    taxonomy_id = loaded.get("/hsds/taxonomies").get_json()["contents"][0]["id"]
    term_id = loaded.get("/hsds/taxonomy_terms?per_page=1").get_json()["contents"][0]["id"]
    checks = [
        (f"/hsds/services/{service['id']}", "service"),
        (f"/hsds/organizations/{org_id}", "organization"),
        (f"/hsds/service_at_locations/{sal_id}", "service_at_location"),
        (f"/hsds/taxonomies/{taxonomy_id}", "taxonomy"),
        (f"/hsds/taxonomy_terms/{term_id}", "taxonomy_term"),
    ]
    for path, schema in checks:
        response = loaded.get(path)
        assert response.status_code == 200, path
        assert _validate(response.get_json(), schema) == [], path


def test_root_points_to_an_hsds_openapi_document_for_this_server(loaded) -> None:  # type: ignore[no-untyped-def]
    body = loaded.get("/hsds/").get_json()
    assert body["version"] == "3.0" and body["openapi_url"] == "http://localhost/hsds/openapi.json"
    document = loaded.get(body["openapi_url"]).get_json()
    assert document["servers"] == [{"url": "http://localhost/hsds"}]
    assert {"/services", "/services/{id}", "/service_at_locations", "/organizations"} <= set(
        document["paths"]
    )


def test_openapi_document_references_schemas_this_server_serves(loaded) -> None:  # type: ignore[no-untyped-def]
    document = loaded.get("/hsds/openapi.json").get_data(as_text=True)
    refs = set(re.findall(r'"\$ref": ?"(http[^"]+)"', document))
    assert refs and all(r.startswith("http://localhost/hsds/schema/") for r in refs)
    for ref in refs:
        response = loaded.get(ref.removeprefix("http://localhost"))
        assert response.status_code == 200 and response.get_json()["properties"], ref


def test_pagination_reports_pages(loaded) -> None:  # type: ignore[no-untyped-def]
    body = loaded.get("/hsds/services?per_page=10&page=5").get_json()
    assert (body["total_items"], body["total_pages"], body["size"], body["last_page"]) == (45, 5, 5, True)


def test_page_beyond_the_end_is_empty(loaded) -> None:  # type: ignore[no-untyped-def]
    body = loaded.get("/hsds/services?page=99").get_json()
    assert body["empty"] and body["contents"] == []


def test_search_filters_services(loaded) -> None:  # type: ignore[no-untyped-def]
    names = [s["name"] for s in loaded.get("/hsds/services?search=Tafel").get_json()["contents"]]
    assert names and all("Tafel" in n for n in names)


def test_taxonomy_term_filter_finds_offers_with_that_need(loaded) -> None:  # type: ignore[no-untyped-def]
    from lotse.taxonomy import term_id

    body = loaded.get(f"/hsds/services?full=true&taxonomy_term_id={term_id('VER.TAFEL')}").get_json()
    assert body["total_items"] >= 1
    for service in body["contents"]:
        assert "VER.TAFEL" in [a["taxonomy_term"]["code"] for a in service["attributes"]]


def test_organization_filter(loaded) -> None:  # type: ignore[no-untyped-def]
    org_id = loaded.get("/hsds/organizations?per_page=1").get_json()["contents"][0]["id"]
    body = loaded.get(f"/hsds/services?organization_id={org_id}").get_json()
    assert body["total_items"] >= 1 and {s["organization_id"] for s in body["contents"]} == {org_id}


def test_modified_after_in_the_future_finds_nothing(loaded) -> None:  # type: ignore[no-untyped-def]
    assert loaded.get("/hsds/services?modified_after=2999-01-01T00:00:00Z").get_json()["total_items"] == 0


def test_responses_allow_any_origin(loaded) -> None:  # type: ignore[no-untyped-def]
    response = loaded.get("/hsds/services", headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_unknown_service_is_a_german_404(loaded) -> None:  # type: ignore[no-untyped-def]
    response = loaded.get("/hsds/services/gibt-es-nicht")
    assert response.status_code == 404
    assert "gibt es nicht" in response.get_json()["error"]["message"]


def test_invalid_paging_is_a_422_with_field_message(loaded) -> None:  # type: ignore[no-untyped-def]
    response = loaded.get("/hsds/services?per_page=0")
    assert response.status_code == 422
    assert "per_page" in response.get_json()["error"]["fields"]


def test_per_page_above_the_limit_is_capped_not_refused(loaded) -> None:  # type: ignore[no-untyped-def]
    body = loaded.get("/hsds/taxonomy_terms?per_page=5000").get_json()
    assert body["total_items"] > 100
    assert (body["size"], body["total_pages"]) == (100, -(-body["total_items"] // 100))


def test_writes_are_not_allowed(loaded) -> None:  # type: ignore[no-untyped-def]
    assert loaded.post("/hsds/services", json={}).status_code == 405
