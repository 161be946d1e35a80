"""A new password locks out everything the old one opened: browser sessions and API tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.staff import PASSWORD, Staff, build, csrf_token, login_as

NEW_PASSWORD = "ein-ganz-neues-passwort"


@pytest.fixture
def staff(app: Flask, tmp_path: Path) -> Staff:
    return build(app.extensions["lotse"].db, tmp_path)


def _token_works(client: FlaskClient, staff: Staff) -> bool:
    response = client.post(f"/api/v1/offers/{staff.own_offer}/verify", headers=staff.auth("carrier"))
    return response.status_code != 401


def test_an_admins_new_password_revokes_the_accounts_api_tokens(
    app: Flask, client: FlaskClient, staff: Staff
) -> None:
    assert _token_works(app.test_client(), staff)
    login_as(app, client, staff.users["admin"])
    response = client.post(
        f"/traeger/konten/{staff.users['carrier']}",
        data={"csrf_token": csrf_token(client), "action": "password", "password": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert not _token_works(app.test_client(), staff)


def test_changing_the_own_password_ends_every_session_and_token(
    app: Flask, client: FlaskClient, staff: Staff
) -> None:
    login_as(app, client, staff.users["carrier"])
    other_browser = app.test_client()
    login_as(app, other_browser, staff.users["carrier"])
    data = {"csrf_token": csrf_token(client), "old_password": PASSWORD, "new_password": NEW_PASSWORD}
    response = client.post("/traeger/passwort", data=data)
    assert response.status_code == 302 and "passwort_geaendert" in response.headers["Location"]
    assert client.get("/traeger/").status_code == 302  # this browser is logged out too
    assert other_browser.get("/traeger/").status_code == 302
    assert not _token_works(app.test_client(), staff)


def test_the_new_password_logs_in(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["carrier"])
    data = {"csrf_token": csrf_token(client), "old_password": PASSWORD, "new_password": NEW_PASSWORD}
    client.post("/traeger/passwort", data=data)
    login = {"email": staff.emails["carrier"], "password": NEW_PASSWORD, "csrf_token": csrf_token(client)}
    assert client.post("/login", data=login).status_code == 302


def test_changing_the_own_password_needs_the_old_one(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["carrier"])
    data = {"csrf_token": csrf_token(client), "old_password": "falsch-geraten", "new_password": NEW_PASSWORD}
    response = client.post("/traeger/passwort", data=data)
    assert response.status_code == 422
    assert "bisherige Passwort stimmt nicht" in response.get_data(as_text=True)
    assert client.get("/traeger/").status_code == 200 and _token_works(app.test_client(), staff)


def test_a_too_short_new_password_is_refused_in_german(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["carrier"])
    data = {"csrf_token": csrf_token(client), "old_password": PASSWORD, "new_password": "kurz"}
    response = client.post("/traeger/passwort", data=data)
    assert response.status_code == 422 and "mindestens 10 Zeichen" in response.get_data(as_text=True)
