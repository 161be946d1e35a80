"""The HSDS API gives back what outside feeds brought: each service compared field by field with its input."""

from __future__ import annotations

import json

import pytest

from lotse.directory.importer import import_bundle
from tests.conftest import SHARED, requires_shared
from tests.directory.hsds_compare import losses
from tests.web.test_hsds_api import _validate

pytestmark = requires_shared()
OUTSIDE = SHARED / "hsds-outside"
SMALL = ["edge-cases", "official-3.0", "official-3.1dev", "oruk-uk-profile"]
#: Documented: coordinates out of range (the official example's latitude 100) are dropped as a pair.
DROPPED = ("location.latitude: fehlt", "location.longitude: fehlt")


@pytest.mark.parametrize("bundle", SMALL)
def test_every_service_comes_back_whole_and_valid(app, client, bundle: str) -> None:  # type: ignore[no-untyped-def]
    import_bundle(app.extensions["lotse"].db, OUTSIDE / bundle)
    organizations = json.loads((OUTSIDE / bundle / "organizations.json").read_text())
    checked = 0
    for service in (s for o in organizations for s in o["services"] if s["id"] != "svc-7"):
        response = client.get(f"/hsds/services/{service['id']}")
        assert response.status_code == 200
        body = response.get_json()
        assert _validate(body, "service") == []
        assert [line for line in losses(service, body) if not any(d in line for d in DROPPED)] == []
        checked += 1
    assert checked == sum(len(o["services"]) for o in organizations) - (bundle == "edge-cases")


def test_new_fields_of_hsds_31_come_back(app, client) -> None:  # type: ignore[no-untyped-def]
    import_bundle(app.extensions["lotse"].db, OUTSIDE / "official-3.1dev")
    (org,) = json.loads((OUTSIDE / "official-3.1dev/organizations.json").read_text())
    service = org["services"][0]
    body = client.get(f"/hsds/services/{service['id']}").get_json()
    assert (body["capacities"], body["additional_urls"]) == (
        service["capacities"],
        service["additional_urls"],
    )
    assert body["capacities"][0]["unit"] and body["attributes"][0]["label"] == "An Example Label"
    listed = client.get(f"/hsds/organizations/{org['id']}").get_json()
    assert listed["additional_websites"] == org["additional_websites"]


def test_foreign_term_keeps_its_taxonomy_detail(app, client) -> None:  # type: ignore[no-untyped-def]
    import_bundle(app.extensions["lotse"].db, OUTSIDE / "oruk-uk-profile")
    term = client.get("/hsds/taxonomy_terms/3f7b145d-84af-42d7-8fae-eaca714b02b2").get_json()
    assert term["term"] == "name" and "parent_id" not in term
