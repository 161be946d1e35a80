"""The authorisation matrix: every write route × method × role × own/foreign organisation.

Carrier staff may change only their organisation's offers, admins all, case workers and visitors none.
A refused request gets 401/403 (or the login page) and leaves the database exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from lotse.directory import history, offers
from lotse.directory.offer_fields import read_fields
from lotse.models import ChangeLog, Offer, OfferRevision, User
from tests.staff import FOREIGN_ORG, OWN_ORG, Staff, build, csrf_token, login_as, no_inference, offer_body

ROLES = ("admin", "carrier", "other_carrier", "caseworker", "anonymous")
#: Which organisation's offers each role may change.
ALLOWED = {"admin": {OWN_ORG, FOREIGN_ORG}, "carrier": {OWN_ORG}, "other_carrier": {FOREIGN_ORG}}


@dataclass(frozen=True)
class Target:
    """One offer (or, for creating, one organisation) a request acts on."""

    org: str
    offer: str
    revision: int
    version: int


@dataclass(frozen=True)
class Caller:
    """Someone calling: a test client with a token header (API) or a login and a CSRF token (pages)."""

    client: FlaskClient
    headers: dict[str, str]
    csrf: str


@dataclass(frozen=True)
class Route:
    """A route that writes (or shows unpublished details of) offers, and how to call it."""

    method: str
    rule: str
    api: bool
    call: Callable[[Caller, Target], Any]


def _api(method: str, path: str, body: Any = None, versioned: bool = True) -> Callable[..., Any]:
    def call(caller: Caller, target: Target) -> Any:
        url = path.format(offer=target.offer, org=target.org, revision=target.revision)
        extra = {"If-Match": f'"{target.version}"'} if versioned else {}
        return caller.client.open(url, method=method, json=body, headers={**caller.headers, **extra})

    return call


def _page(method: str, path: str, form: dict[str, Any] | None = None) -> Callable[..., Any]:
    def call(caller: Caller, target: Target) -> Any:
        url = path.format(offer=target.offer)
        if method == "GET":
            return caller.client.get(url)
        data = {
            "csrf_token": caller.csrf,
            "version": str(target.version),
            "revision": str(target.revision),
            "organization_id": target.org,
            **(form or {}),
        }
        return caller.client.post(url, data=data)

    return call


PAGE_FORM = {
    "name": "Geändert über die Seite",
    "description": "Neu",
    "status": "active",
    "districts": "mitte",
}
ROUTES = [
    Route(
        "POST",
        "/api/v1/offers",
        True,
        _api("POST", "/api/v1/offers?organization_id={org}", offer_body(), False),
    ),
    Route("PUT", "/api/v1/offers/<offer_id>", True, _api("PUT", "/api/v1/offers/{offer}", offer_body())),
    Route(
        "PATCH", "/api/v1/offers/<offer_id>", True, _api("PATCH", "/api/v1/offers/{offer}", {"alert": "Zu"})
    ),
    Route("DELETE", "/api/v1/offers/<offer_id>", True, _api("DELETE", "/api/v1/offers/{offer}")),
    Route("POST", "/api/v1/offers/<offer_id>/verify", True, _api("POST", "/api/v1/offers/{offer}/verify")),
    Route(
        "POST",
        "/api/v1/offers/<offer_id>/history/<revision_id>/restore",
        True,
        _api("POST", "/api/v1/offers/{offer}/history/{revision}/restore"),
    ),
    Route("GET", "/api/v1/offers/<offer_id>/history", True, _api("GET", "/api/v1/offers/{offer}/history")),
    Route("POST", "/traeger/angebote/neu", False, _page("POST", "/traeger/angebote/neu", PAGE_FORM)),
    Route("GET", "/traeger/angebote/<offer_id>", False, _page("GET", "/traeger/angebote/{offer}")),
    Route(
        "POST", "/traeger/angebote/<offer_id>", False, _page("POST", "/traeger/angebote/{offer}", PAGE_FORM)
    ),
    Route(
        "POST",
        "/traeger/angebote/<offer_id>/bestaetigen",
        False,
        _page("POST", "/traeger/angebote/{offer}/bestaetigen"),
    ),
    Route(
        "POST",
        "/traeger/angebote/<offer_id>/deaktivieren",
        False,
        _page("POST", "/traeger/angebote/{offer}/deaktivieren"),
    ),
    Route(
        "POST",
        "/traeger/angebote/<offer_id>/wiederherstellen",
        False,
        _page("POST", "/traeger/angebote/{offer}/wiederherstellen"),
    ),
    Route(
        "GET",
        "/traeger/angebote/<offer_id>/verlauf",
        False,
        _page("GET", "/traeger/angebote/{offer}/verlauf"),
    ),
]
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture
def staff(app: Flask, tmp_path: Path) -> Staff:
    built = build(app.extensions["lotse"].db, tmp_path)
    # Each offer gets a history, so there is a revision to restore.
    with app.extensions["lotse"].db.writing() as session:
        admin = session.get(User, built.users["admin"])
        for offer_id in (built.own_offer, built.foreign_offer):
            offers.update_offer(session, admin, offer_id, {"alert": "Vorher"}, 1, infer=no_inference)
    return built


def _targets(app: Flask, staff: Staff) -> list[Target]:
    db = app.extensions["lotse"].db
    found = []
    with db.session() as session:
        admin = session.get(User, staff.users["admin"])
        for org, offer_id in ((OWN_ORG, staff.own_offer), (FOREIGN_ORG, staff.foreign_offer)):
            offer = session.get(Offer, offer_id)
            assert offer is not None
            baseline = history.revisions(session, admin, offer_id)[-1].id
            found.append(Target(org, offer_id, baseline, offer.version))
    return found


def fingerprint(app: Flask) -> str:
    """A hash of everything a write could touch: offers with all fields, history and change log."""
    db = app.extensions["lotse"].db
    with db.session() as session:
        state = {
            "offers": {
                o.id: {**read_fields(o), "v": o.version, "org": o.organization_id}
                for o in session.scalars(offers.reading.offers_query())
            },
            "revisions": session.scalars(select(OfferRevision.id).order_by(OfferRevision.id)).all(),
            "log": session.scalars(select(ChangeLog.seq).order_by(ChangeLog.seq)).all(),
        }
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def _caller(app: Flask, staff: Staff, role: str, api: bool) -> Caller:
    client = app.test_client()
    if role == "anonymous":
        return Caller(client, {}, "" if api else csrf_token(client))
    if api:
        return Caller(client, staff.auth(role), "")
    login_as(app, client, staff.users[role])
    return Caller(client, {}, csrf_token(client))


def _refused(route: Route, role: str, status: int, location: str) -> bool:
    if role == "anonymous":
        return status == 401 if route.api else status == 302 and "/login" in location
    return status in (403, 404)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.rule}")
def test_route_allows_exactly_the_own_organisation(app: Flask, staff: Staff, route: Route) -> None:
    # Refused calls leave everything as it was, so every role and target can share one database; the
    # first allowed write on a target must change it (a repeated confirmation may change nothing).
    written: set[str] = set()
    for role in ROLES:
        caller = _caller(app, staff, role, route.api)
        for target in _targets(app, staff):
            _check(app, route, caller, role, target, written)


def _check(app: Flask, route: Route, caller: Caller, role: str, target: Target, written: set[str]) -> None:
    before = fingerprint(app)
    response = route.call(caller, target)
    allowed = target.org in ALLOWED.get(role, set())
    where = f"{route.method} {route.rule} als {role} auf {target.org}"
    if allowed:
        assert response.status_code in (200, 201, 302), (where, response.get_data(as_text=True)[:300])
        assert route.api or "/login" not in response.headers.get("Location", ""), where
        if route.method in WRITE_METHODS and target.org not in written:
            assert fingerprint(app) != before, where
            written.add(target.org)
    else:
        assert _refused(route, role, response.status_code, response.headers.get("Location", "")), (
            where,
            response.status_code,
        )
        assert fingerprint(app) == before, where


def test_the_matrix_covers_every_offer_route(app: Flask) -> None:
    found = set()
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith(("api.", "carrier.")) or not (
            "/offers" in rule.rule or "/angebote" in rule.rule
        ):
            continue
        found |= {(method, rule.rule) for method in (rule.methods or set()) & WRITE_METHODS}
        # Pages and API answers that show an offer's unpublished details (the public read is not one).
        if (
            "GET" in (rule.methods or set())
            and "offer_id" in rule.arguments
            and rule.endpoint != "api.get_offer"
        ):
            found.add(("GET", rule.rule))
    assert found == {(r.method, r.rule) for r in ROUTES}


ADMIN_ONLY = [
    ("GET", "/traeger/konten", {}),
    (
        "POST",
        "/traeger/konten",
        {"email": "neu@example.org", "role": "caseworker", "password": "lang-genug-123"},
    ),
    ("POST", "/traeger/konten/{user}", {"action": "deactivate"}),
    ("POST", "/traeger/konten/{user}", {"action": "password", "password": "lang-genug-123"}),
]


def _accounts(app: Flask) -> list[tuple[int, bool, str]]:
    with app.extensions["lotse"].db.session() as session:
        return [(u.id, u.active, u.password_hash) for u in session.scalars(select(User).order_by(User.id))]


@pytest.mark.parametrize(("method", "path", "form"), ADMIN_ONLY)
def test_account_management_is_for_admins_only(
    app: Flask, staff: Staff, method: str, path: str, form: dict[str, str]
) -> None:
    url = path.format(user=staff.users["other_carrier"])
    for role in ("carrier", "caseworker"):
        caller = _caller(app, staff, role, api=False)
        before = _accounts(app)
        if method == "GET":
            response = caller.client.get(url)
        else:
            response = caller.client.post(url, data={**form, "csrf_token": caller.csrf})
        assert response.status_code == 403 and _accounts(app) == before, role


@pytest.mark.parametrize(
    ("method", "body", "if_match"),
    [("PATCH", {"minimum_age": "zehn"}, '"1"'), ("PUT", {"unbekannt": 1}, '"1"'), ("DELETE", None, "kaputt")],
)
def test_a_foreign_offer_is_refused_whatever_the_request_holds(
    client: FlaskClient, staff: Staff, method: str, body: Any, if_match: str
) -> None:
    response = client.open(
        f"/api/v1/offers/{staff.foreign_offer}",
        method=method,
        json=body,
        headers={**staff.auth("carrier"), "If-Match": if_match},
    )
    assert response.status_code == 403


def test_creating_for_a_foreign_organisation_is_refused_before_the_body_is_read(
    client: FlaskClient, staff: Staff
) -> None:
    response = client.post(
        f"/api/v1/offers?organization_id={FOREIGN_ORG}", json={"name": 5}, headers=staff.auth("carrier")
    )
    assert response.status_code == 403
