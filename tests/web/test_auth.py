"""Logging in and out, the session cookie, and API tokens over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from lotse import create_app
from lotse.models import UserSession
from tests.staff import PASSWORD, Staff, build, csrf_token, login_as


@pytest.fixture
def staff(app: Flask, tmp_path: Path) -> Staff:
    return build(app.extensions["lotse"].db, tmp_path)


def _login(client: FlaskClient, email: str, password: str = PASSWORD, **extra: str):  # type: ignore[no-untyped-def]
    data = {"email": email, "password": password, "csrf_token": csrf_token(client), **extra}
    return client.post("/login", data=data)


def _sessions(app: Flask) -> int:
    with app.extensions["lotse"].db.session() as session:
        return session.scalar(select(func.count()).select_from(UserSession)) or 0


def test_login_leads_to_the_carrier_pages(client: FlaskClient, staff: Staff) -> None:
    response = _login(client, staff.emails["carrier"])
    assert response.status_code == 302 and response.headers["Location"].endswith("/traeger/")
    assert client.get("/traeger/").status_code == 200


def test_wrong_password_is_refused_in_german(client: FlaskClient, staff: Staff) -> None:
    response = _login(client, staff.emails["carrier"], "falsches-passwort")
    assert response.status_code == 401 and "Passwort ist falsch" in response.get_data(as_text=True)


def test_login_without_csrf_token_is_refused(client: FlaskClient, staff: Staff) -> None:
    response = client.post("/login", data={"email": staff.emails["carrier"], "password": PASSWORD})
    assert response.status_code == 400 and _sessions(client.application) == 0


def test_login_starts_a_new_session(client: FlaskClient, staff: Staff) -> None:
    token_before = csrf_token(client)
    _login(client, staff.emails["carrier"])
    with client.session_transaction() as cookie:
        assert "lotse_sid" in cookie and cookie.get("csrf_token") != token_before


def test_session_cookie_is_httponly_and_samesite(client: FlaskClient, staff: Staff) -> None:
    response = _login(client, staff.emails["carrier"])
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_session_cookie_is_secure_behind_https(app_config: dict[str, object], tmp_path: Path) -> None:
    app = create_app({**app_config, "SESSION_COOKIE_SECURE": True})
    build(app.extensions["lotse"].db, tmp_path)
    client = app.test_client()
    response = _login(client, "traeger@example.org")
    assert "Secure" in response.headers["Set-Cookie"]
    app.extensions["lotse"].close()


def test_logout_ends_the_session_in_the_database(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["carrier"])
    client.post("/logout", data={"csrf_token": csrf_token(client, "/traeger/")})
    assert _sessions(app) == 0 and client.get("/traeger/").status_code == 302


def test_a_copied_cookie_stops_working_after_logout(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["carrier"])
    with client.session_transaction() as cookie:
        copied = dict(cookie)
    client.post("/logout", data={"csrf_token": csrf_token(client, "/traeger/")})
    thief = app.test_client()
    with thief.session_transaction() as cookie:
        cookie.update(copied)
    assert thief.get("/traeger/").status_code == 302


def test_pages_send_visitors_to_the_login_and_back(client: FlaskClient, staff: Staff) -> None:
    response = client.get("/traeger/tokens")
    assert response.status_code == 302 and "next=/traeger/tokens" in response.headers["Location"]


def test_login_never_redirects_to_another_site(client: FlaskClient, staff: Staff) -> None:
    response = _login(client, staff.emails["carrier"], next="//boese.example/")
    assert response.headers["Location"].endswith("/traeger/")


def test_token_api_trades_credentials_for_a_token(client: FlaskClient, staff: Staff) -> None:
    response = client.post(
        "/api/v1/auth/token", json={"email": staff.emails["carrier"], "password": PASSWORD}
    )
    token = response.get_json()["token"]
    assert response.status_code == 200 and token.startswith("lotse_")
    history = client.get(
        f"/api/v1/offers/{staff.own_offer}/history", headers={"Authorization": f"Bearer {token}"}
    )
    assert history.status_code == 200


def test_token_api_refuses_wrong_credentials(client: FlaskClient, staff: Staff) -> None:
    response = client.post(
        "/api/v1/auth/token", json={"email": staff.emails["carrier"], "password": "nein-nein"}
    )
    assert response.status_code == 401 and response.get_json()["error"]["code"] == "bad_credentials"


def test_token_api_validates_the_body_in_german(client: FlaskClient, staff: Staff) -> None:
    response = client.post("/api/v1/auth/token", json={"email": 5})
    fields = response.get_json()["error"]["fields"]
    assert response.status_code == 422 and fields["password"] == "Pflichtfeld fehlt."


def test_a_token_can_revoke_itself(client: FlaskClient, staff: Staff) -> None:
    headers = staff.auth("carrier")
    assert client.delete("/api/v1/auth/token", headers=headers).status_code == 204
    assert client.get(f"/api/v1/offers/{staff.own_offer}/history", headers=headers).status_code == 401


def test_the_api_ignores_the_session_cookie(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["admin"])
    response = client.get(f"/api/v1/offers/{staff.own_offer}/history")
    assert response.status_code == 401 and response.headers["WWW-Authenticate"].startswith("Bearer")


def test_unknown_token_gets_a_german_401(client: FlaskClient, staff: Staff) -> None:
    response = client.get(
        f"/api/v1/offers/{staff.own_offer}/history", headers={"Authorization": "Bearer lotse_erfunden"}
    )
    assert (
        response.status_code == 401 and "unbekannt oder widerrufen" in response.get_json()["error"]["message"]
    )
