"""Hardening: security headers, no inline script or style, stored XSS rendered inert, shared rate limits."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import update

from lotse import create_app
from lotse.models import Offer, RateLimitCounter
from lotse.web.security import DatabaseStorage
from tests.staff import OWN_ORG, PASSWORD, Staff, build, csrf_token, login_as

TEMPLATES = Path(__file__).resolve().parents[2] / "lotse" / "templates"
PAYLOADS = (
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "</textarea><script>alert(2)</script>",
)


@pytest.fixture
def staff(app: Flask, tmp_path: Path) -> Staff:
    return build(app.extensions["lotse"].db, tmp_path)


@pytest.fixture
def limited(app_config: dict[str, object]) -> Iterator[Flask]:
    """An app whose limits are tiny, so a test reaches them quickly."""
    app = create_app(
        {**app_config, "LOTSE_RATELIMIT_API": "3 per minute", "LOTSE_RATELIMIT_LOGIN": "2 per minute"}
    )
    yield app
    app.extensions["lotse"].close()


@pytest.mark.parametrize("path", ["/", "/login", "/api/v1/districts", "/hsds/services"])
def test_responses_carry_the_security_headers(client: FlaskClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_content_security_policy_allows_no_inline_script_or_style(client: FlaskClient) -> None:
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_templates_have_no_inline_script_style_or_handlers(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "Inline-Skript"
    assert not re.search(r"\sstyle\s*=", text), "style-Attribut"
    assert not re.search(r"<style\b", text), "style-Element"
    assert not re.search(r"\son[a-z]+\s*=", text), "Event-Handler-Attribut"


def test_staff_pages_are_not_cached(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["carrier"])
    assert client.get("/traeger/").headers["Cache-Control"] == "no-store"


def _store_raw(app: Flask, staff: Staff, payload: str) -> None:
    # As an import or an old database could hold it: bypassing the sanitiser on purpose.
    with app.extensions["lotse"].db.writing() as session:
        session.execute(
            update(Offer)
            .where(Offer.id == staff.own_offer)
            .values(name=f"Beratung {payload}", description=payload)
        )


def _pages(staff: Staff) -> list[str]:
    return [
        f"/angebote/{staff.own_offer}",
        f"/organisationen/{OWN_ORG}",
        "/suche?q=Beratung",
        "/traeger/",
        f"/traeger/angebote/{staff.own_offer}",
        f"/traeger/angebote/{staff.own_offer}/verlauf",
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_stored_markup_renders_inert_on_every_page(
    app: Flask, client: FlaskClient, staff: Staff, payload: str
) -> None:
    _store_raw(app, staff, payload)
    login_as(app, client, staff.users["carrier"])
    for path in _pages(staff):
        response = client.get(path)
        page = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert not re.search(r"<(script|img|svg)[^>]*(alert|onerror|onload)", page, re.IGNORECASE), path


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_sent_through_the_api_is_stored_as_text(
    client: FlaskClient, staff: Staff, payload: str
) -> None:
    response = client.patch(
        f"/api/v1/offers/{staff.own_offer}",
        json={"description": f"Hilfe {payload}"},
        headers={**staff.auth("carrier"), "If-Match": '"1"'},
    )
    description = response.get_json()["description"]
    assert "<" not in description and "alert" not in description


def test_api_answers_are_json_and_not_sniffed(client: FlaskClient, staff: Staff) -> None:
    response = client.get(f"/api/v1/offers/{staff.own_offer}")
    assert response.mimetype == "application/json" and response.headers["X-Content-Type-Options"] == "nosniff"


def test_public_api_limit_answers_429_in_german(limited: Flask) -> None:
    client = limited.test_client()
    statuses = [client.get("/api/v1/districts").status_code for _ in range(4)]
    response = client.get("/api/v1/districts")
    assert statuses == [200, 200, 200, 429] and "Zu viele Anfragen" in response.get_json()["error"]["message"]
    assert int(response.headers["Retry-After"]) > 0


def test_rate_limits_hold_across_workers(limited: Flask, app_config: dict[str, object]) -> None:
    # A second app on the same database stands for another gunicorn worker (or another server).
    other = create_app({**app_config, "LOTSE_RATELIMIT_API": "3 per minute"})
    first, second = limited.test_client(), other.test_client()
    statuses = [first.get("/api/v1/districts").status_code, first.get("/api/v1/districts").status_code]
    statuses += [second.get("/api/v1/districts").status_code, second.get("/api/v1/districts").status_code]
    other.extensions["lotse"].close()
    assert statuses == [200, 200, 200, 429]


def test_hsds_counts_against_the_same_public_limit(limited: Flask) -> None:
    client = limited.test_client()
    statuses = [client.get(path).status_code for path in ("/hsds/", "/hsds/services", "/hsds/", "/hsds/")]
    assert statuses[-1] == 429


def test_login_attempts_are_limited(limited: Flask, tmp_path: Path) -> None:
    build(limited.extensions["lotse"].db, tmp_path)
    client = limited.test_client()
    data = {"email": "traeger@example.org", "password": "falsch-geraten"}
    statuses = [
        client.post("/login", data={**data, "csrf_token": csrf_token(client)}).status_code for _ in range(3)
    ]
    assert statuses == [401, 401, 429]


def test_token_requests_count_as_login_attempts(limited: Flask, tmp_path: Path) -> None:
    build(limited.extensions["lotse"].db, tmp_path)
    client = limited.test_client()
    body = {"email": "traeger@example.org", "password": PASSWORD}
    statuses = [client.post("/api/v1/auth/token", json=body).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_too_many_logins_say_when_to_try_again(limited: Flask, tmp_path: Path) -> None:
    build(limited.extensions["lotse"].db, tmp_path)
    client = limited.test_client()
    data = {"email": "traeger@example.org", "password": "falsch-geraten"}
    for _ in range(2):
        client.post("/login", data={**data, "csrf_token": csrf_token(client)})
    response = client.post("/login", data={**data, "csrf_token": csrf_token(client)})
    assert response.status_code == 429 and 0 < int(response.headers["Retry-After"]) <= 60
    assert "Zu viele Anmeldeversuche" in response.get_data(as_text=True)


def test_too_many_token_requests_say_when_to_try_again(app_config: dict[str, object], tmp_path: Path) -> None:
    # The login window (an hour) is longer than the API's (a minute): Retry-After must name the login's.
    app = create_app({**app_config, "LOTSE_RATELIMIT_LOGIN": "2 per hour"})
    build(app.extensions["lotse"].db, tmp_path)
    client = app.test_client()
    body = {"email": "traeger@example.org", "password": "falsch-geraten"}
    for _ in range(2):
        client.post("/api/v1/auth/token", json=body)
    response = client.post("/api/v1/auth/token", json=body)
    app.extensions["lotse"].close()
    assert response.status_code == 429 and response.get_json()["error"]["code"] == "too_many_logins"
    assert 3500 < int(response.headers["Retry-After"]) <= 3600


def test_token_holders_are_counted_apart_from_their_address(limited: Flask, tmp_path: Path) -> None:
    staff = build(limited.extensions["lotse"].db, tmp_path)
    client = limited.test_client()
    for _ in range(3):
        client.get("/api/v1/districts")
    assert client.get("/api/v1/districts", headers=staff.auth("carrier")).status_code == 200


@pytest.fixture
def storage(app: Flask) -> DatabaseStorage:
    return DatabaseStorage(database=app.extensions["lotse"].db)


def test_storage_counts_hits_in_a_window(storage: DatabaseStorage) -> None:
    assert [storage.incr("k", 60) for _ in range(3)] == [1, 2, 3] and storage.get("k") == 3


def test_storage_starts_a_new_window_after_expiry(app: Flask, storage: DatabaseStorage) -> None:
    storage.incr("k", 60, amount=5)
    with app.extensions["lotse"].db.writing() as session:
        session.execute(update(RateLimitCounter).values(expires_at=time.time() - 1))
    assert storage.get("k") == 0 and storage.incr("k", 60) == 1


def test_storage_reports_the_end_of_the_window(storage: DatabaseStorage) -> None:
    storage.incr("k", 60)
    assert 55 < storage.get_expiry("k") - time.time() <= 60


def test_storage_clears_and_resets(storage: DatabaseStorage) -> None:
    storage.incr("a", 60)
    storage.incr("b", 60)
    storage.clear("a")
    assert storage.get("a") == 0 and storage.reset() == 1 and storage.get("b") == 0 and storage.check()


@pytest.mark.parametrize("path", ["/api/v1/offers/a%00b", "/hsds/services?search=a%00b", "/suche?q=%00"])
def test_nul_characters_in_addresses_get_a_german_400(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400


def _shared_count(db, key: str) -> int:  # type: ignore[no-untyped-def]
    from lotse.models import RateLimitCounter

    with db.session() as session:
        row = session.get(RateLimitCounter, key)
        return row.count if row else 0


def test_api_hits_far_below_the_limit_reach_the_shared_counter_in_batches(app: Flask) -> None:
    from lotse.web.security import DatabaseStorage

    db = app.extensions["lotse"].db
    storage = DatabaseStorage(database=db, buffer_seconds=60)
    key = "LIMITER/public-api/10.0.0.1/600/1/minute"
    counts = [storage.incr(key, 60) for _ in range(10)]
    assert counts == list(range(1, 11))
    assert _shared_count(db, key) == 1


def test_api_hits_near_the_limit_are_written_through(app: Flask) -> None:
    from lotse.web.security import DatabaseStorage

    db = app.extensions["lotse"].db
    storage = DatabaseStorage(database=db, buffer_seconds=60)
    key = "LIMITER/public-api/10.0.0.2/4/1/minute"
    for _ in range(4):
        storage.incr(key, 60)
    assert _shared_count(db, key) == 4


def test_api_hits_far_below_the_limit_do_not_wait_while_another_connection_writes(app: Flask) -> None:
    """A question must not queue behind an edit for its rate-limit bookkeeping; its hits are kept."""
    import threading
    from datetime import date

    from lotse.models import RouteStat

    db = app.extensions["lotse"].db
    storage = DatabaseStorage(database=db, buffer_seconds=60)
    key = "LIMITER/public-api/10.0.0.3/600/1/minute"
    counts: list[int] = []
    with db.writing() as session:  # another writer holds SQLite's write lock (PostgreSQL: another table)
        session.add(RouteStat(day=date.today(), district_id="x", need_code="y", count=1))
        session.flush()
        asking = threading.Thread(target=lambda: counts.append(storage.incr(key, 60)))
        asking.start()
        asking.join(timeout=10)
        assert not asking.is_alive() and counts == [1]
    assert storage.incr(key, 60) == 2
    assert _shared_count(db, key) == 2
