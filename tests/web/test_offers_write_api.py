"""The write API: POST/PUT/PATCH/DELETE of offers with ETag/If-Match, German errors, history, restore."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.staff import OWN_ORG, Staff, build, offer_body


@pytest.fixture
def staff(app: Flask, tmp_path: Path) -> Staff:
    return build(app.extensions["lotse"].db, tmp_path)


def _etag(client: FlaskClient, offer_id: str) -> str:
    return client.get(f"/api/v1/offers/{offer_id}").headers["ETag"]


def _patch(client: FlaskClient, staff: Staff, body: Any, etag: str | None = None, role: str = "carrier"):  # type: ignore[no-untyped-def]
    headers = {**staff.auth(role), "If-Match": etag or _etag(client, staff.own_offer)}
    return client.patch(f"/api/v1/offers/{staff.own_offer}", json=body, headers=headers)


def test_create_answers_201_with_location_and_etag(client: FlaskClient, staff: Staff) -> None:
    response = client.post("/api/v1/offers", json=offer_body(), headers=staff.auth("carrier"))
    body = response.get_json()
    assert response.status_code == 201 and response.headers["ETag"] == '"1"'
    assert response.headers["Location"].endswith(f"/api/v1/offers/{body['id']}")
    assert body["organization"]["id"] == OWN_ORG and body["schedule"] == "Mo, Mi 14:00–17:00 Uhr"


def test_created_offer_reads_back_with_the_same_fields(client: FlaskClient, staff: Staff) -> None:
    created = client.post("/api/v1/offers", json=offer_body(), headers=staff.auth("carrier")).get_json()
    read = client.get(f"/api/v1/offers/{created['id']}").get_json()
    assert read == created


def test_patch_with_the_etag_changes_the_offer(client: FlaskClient, staff: Staff) -> None:
    response = _patch(client, staff, {"description": "Jetzt auch online"})
    assert response.status_code == 200 and response.headers["ETag"] == '"2"'
    assert client.get(f"/api/v1/offers/{staff.own_offer}").get_json()["description"] == "Jetzt auch online"


def test_stale_etag_gets_409_saying_someone_else_changed_it(client: FlaskClient, staff: Staff) -> None:
    _patch(client, staff, {"description": "Erste"}, etag='"1"')
    response = _patch(client, staff, {"description": "Zweite"}, etag='"1"')
    error = response.get_json()["error"]
    assert response.status_code == 409 and error["code"] == "version_conflict"
    assert "Jemand anderes hat dieses Angebot inzwischen geändert" in error["message"]
    assert response.headers["ETag"] == '"2"'


def test_write_without_version_gets_428(client: FlaskClient, staff: Staff) -> None:
    response = client.patch(
        f"/api/v1/offers/{staff.own_offer}", json={"alert": "x"}, headers=staff.auth("carrier")
    )
    assert response.status_code == 428 and "If-Match" in response.get_json()["error"]["message"]


def test_version_field_works_instead_of_if_match(client: FlaskClient, staff: Staff) -> None:
    response = client.patch(
        f"/api/v1/offers/{staff.own_offer}", json={"alert": "x", "version": 1}, headers=staff.auth("carrier")
    )
    assert response.status_code == 200


def test_weak_etags_are_understood(client: FlaskClient, staff: Staff) -> None:
    assert _patch(client, staff, {"alert": "schwach"}, etag='W/"1"').status_code == 200


def test_put_replaces_and_empties_fields_left_out(client: FlaskClient, staff: Staff) -> None:
    _patch(client, staff, {"alert": "Sommerpause"})
    response = client.put(
        f"/api/v1/offers/{staff.own_offer}",
        json={"name": "Nur Name"},
        headers={**staff.auth("carrier"), "If-Match": '"2"'},
    )
    assert response.status_code == 200 and response.get_json()["alert"] is None


def test_put_needs_a_name(client: FlaskClient, staff: Staff) -> None:
    response = client.put(
        f"/api/v1/offers/{staff.own_offer}",
        json={"alert": "x"},
        headers={**staff.auth("carrier"), "If-Match": '"1"'},
    )
    assert (
        response.status_code == 422 and response.get_json()["error"]["fields"]["name"] == "Pflichtfeld fehlt."
    )


def test_delete_deactivates_and_keeps_the_offer(client: FlaskClient, staff: Staff) -> None:
    response = client.delete(
        f"/api/v1/offers/{staff.own_offer}", headers={**staff.auth("carrier"), "If-Match": '"1"'}
    )
    assert response.status_code == 200 and response.get_json()["status"] == "inactive"
    assert client.get(f"/api/v1/offers/{staff.own_offer}").status_code == 200


def test_verify_sets_last_verified(client: FlaskClient, staff: Staff) -> None:
    response = client.post(
        f"/api/v1/offers/{staff.own_offer}/verify", headers={**staff.auth("carrier"), "If-Match": '"1"'}
    )
    assert response.status_code == 200 and response.get_json()["last_verified"] is not None


def test_history_and_restore_over_the_api(client: FlaskClient, staff: Staff) -> None:
    original = client.get(f"/api/v1/offers/{staff.own_offer}").get_json()["name"]
    _patch(client, staff, {"name": "Versehen"})
    items = client.get(f"/api/v1/offers/{staff.own_offer}/history", headers=staff.auth("carrier")).get_json()
    assert items["items"][0]["changes"] == {"name": [original, "Versehen"]}
    baseline = items["items"][-1]["id"]
    response = client.post(
        f"/api/v1/offers/{staff.own_offer}/history/{baseline}/restore",
        headers={**staff.auth("carrier"), "If-Match": '"2"'},
    )
    assert response.status_code == 200 and response.get_json()["name"] == original


def test_restore_of_an_unknown_revision_is_404(client: FlaskClient, staff: Staff) -> None:
    response = client.post(
        f"/api/v1/offers/{staff.own_offer}/history/999/restore",
        headers={**staff.auth("carrier"), "If-Match": '"1"'},
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"unbekannt": 1}, "unbekannt", "Unbekanntes Feld."),
        ({"minimum_age": "zehn"}, "minimum_age", "Muss eine ganze Zahl sein."),
        ({"minimum_age": 200}, "minimum_age", "Muss zwischen 0 und 120 liegen."),
        ({"needs": "GEL.SCHULD"}, "needs", "Muss eine Liste sein."),
        ({"email": "keine-adresse"}, "email", "Keine gültige E-Mail-Adresse."),
        ({"url": "javascript:alert(1)"}, "url", "Keine gültige Web-Adresse."),
        ({"name": "a\x00b"}, "name", "Enthält unzulässige Steuerzeichen."),
        ({"location": {"lat": 51.0}}, "location", None),
    ],
)
def test_bad_fields_get_german_422(
    client: FlaskClient, staff: Staff, body: dict[str, Any], field: str, message: str | None
) -> None:
    response = _patch(client, staff, body)
    fields = response.get_json()["error"]["fields"]
    assert response.status_code == 422 and field in fields
    if message:
        assert fields[field] == message


@pytest.mark.parametrize(
    "body",
    [
        {"organization": {"id": "0f6a7c1e-0000-4000-8000-000000000002", "name": "x"}},
        {"last_verified": "2030-01-01"},
        {"id": "anderes-angebot"},
    ],
)
def test_managed_fields_cannot_be_set(client: FlaskClient, staff: Staff, body: dict[str, Any]) -> None:
    before = client.get(f"/api/v1/offers/{staff.own_offer}").get_json()
    response = _patch(client, staff, body)
    assert (
        response.status_code == 422 and "kann nicht gesetzt werden" in response.get_json()["error"]["message"]
    )
    assert client.get(f"/api/v1/offers/{staff.own_offer}").get_json() == before


def test_unknown_need_code_is_named_in_german(client: FlaskClient, staff: Staff) -> None:
    response = _patch(client, staff, {"needs": ["ABC.XYZ"]})
    assert response.status_code == 422 and "ABC.XYZ" in response.get_json()["error"]["fields"]["needs"]


def test_body_that_is_not_json_gets_415(client: FlaskClient, staff: Staff) -> None:
    response = client.patch(
        f"/api/v1/offers/{staff.own_offer}",
        data="name=x",
        headers={**staff.auth("carrier"), "If-Match": '"1"'},
    )
    assert response.status_code == 415


def test_broken_json_gets_400(client: FlaskClient, staff: Staff) -> None:
    response = client.patch(
        f"/api/v1/offers/{staff.own_offer}",
        data="{kaputt",
        content_type="application/json",
        headers={**staff.auth("carrier"), "If-Match": '"1"'},
    )
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "bad_request"


def test_json_that_is_not_an_object_gets_422(client: FlaskClient, staff: Staff) -> None:
    assert _patch(client, staff, ["name"]).status_code == 422


def test_malformed_if_match_gets_400(client: FlaskClient, staff: Staff) -> None:
    assert _patch(client, staff, {"alert": "x"}, etag="irgendwas").status_code == 400


def test_writes_need_a_token(client: FlaskClient, staff: Staff) -> None:
    response = client.post("/api/v1/offers", json=offer_body())
    assert response.status_code == 401 and response.get_json()["error"]["code"] == "unauthorized"


def test_admin_creates_for_a_named_organisation(client: FlaskClient, staff: Staff) -> None:
    response = client.post(
        f"/api/v1/offers?organization_id={OWN_ORG}", json=offer_body(), headers=staff.auth("admin")
    )
    assert response.status_code == 201 and response.get_json()["organization"]["id"] == OWN_ORG


def test_an_edit_is_found_by_search(app: Flask, client: FlaskClient, staff: Staff) -> None:
    _patch(client, staff, {"description": "Beratung auch zur Kontopfändung im Quartier"})
    app.extensions["lotse"].refresh_index()
    found = client.get("/api/v1/search?q=Kontopfändung").get_json()
    assert staff.own_offer in [item["id"] for item in found["items"]]


def test_a_description_holding_a_9000_letter_word_is_saved_and_route_and_search_still_answer(
    client: FlaskClient, staff: Staff
) -> None:
    word = "Schuldnerberatungsstelle" * 375  # 9,000 letters, no space
    response = _patch(client, staff, {"description": f"Hilfe bei Schulden. {word}"})
    assert response.status_code == 200 and len(response.get_json()["description"]) > 9000
    name = response.get_json()["name"]
    route = client.post("/api/v1/route", json={"situation": "Wir haben Schulden und Mahnungen."})
    search = client.get("/api/v1/search", query_string={"q": name})
    assert route.status_code == 200 and search.status_code == 200
    assert staff.own_offer in {item["id"] for item in search.get_json()["items"]}
