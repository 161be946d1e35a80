"""A small directory with two organisations and one account per role, for the tests of staff features."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from lotse.accounts.sessions import start_session
from lotse.accounts.tokens import issue_token
from lotse.accounts.users import hash_password
from lotse.db import Database
from lotse.models import (
    ChangeLog,
    District,
    Location,
    Offer,
    OfferDistrict,
    OfferTerm,
    Organization,
    ServiceArea,
    ServiceAtLocation,
    User,
)
from lotse.web.auth import SESSION_KEY

PASSWORD = "richtig-geheim-42"
OWN_ORG = "0f6a7c1e-0000-4000-8000-000000000001"
FOREIGN_ORG = "0f6a7c1e-0000-4000-8000-000000000002"
OWN_OFFER = "0f6a7c1e-0000-4000-8000-0000000000a1"
FOREIGN_OFFER = "0f6a7c1e-0000-4000-8000-0000000000b2"


@cache
def password_hash() -> str:
    """The argon2id hash of PASSWORD, computed once (hashing is deliberately slow)."""
    return hash_password(PASSWORD)


@dataclass
class Staff:
    """The accounts, their API tokens and the offers of the two organisations."""

    users: dict[str, int] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    own_offer: str = ""
    foreign_offer: str = ""

    def auth(self, role: str) -> dict[str, str]:
        """Return the Authorization header of a role's token."""
        return {"Authorization": f"Bearer {self.tokens[role]}"}


def no_inference(_text: str) -> list[tuple[str, float]]:
    """A need recogniser that finds nothing (tests that are not about inference)."""
    return []


def _offer(offer_id: str, org_id: str, name: str, need: str, district: str, lat: float) -> Offer:
    """An offer as an import would leave it: one place, one served district, one given need."""
    location = Location(
        id=f"{offer_id}-ort",
        organization_id=org_id,
        name=f"Ort {name}",
        latitude=lat,
        longitude=8.0,
        district_id=district,
    )
    return Offer(
        id=offer_id,
        organization_id=org_id,
        name=name,
        description=f"{name}: Beratung und Unterstützung.",
        status="active",
        version=1,
        service_areas=[ServiceArea(id=f"{offer_id}-gebiet", name=district)],
        service_at_locations=[ServiceAtLocation(id=f"{offer_id}-sal", location=location)],
        terms=[OfferTerm(code=need, kind="need", source="bundle")],
        districts=[OfferDistrict(district_id=district)],
    )


def build(db: Database, _tmp_path: Path | None = None) -> Staff:
    """Two districts, two organisations with one offer each, and admin, two carriers and a case worker.

    Built directly with the models (an import would validate and sync the taxonomy: slower, and tested
    elsewhere); the offers look as the importer leaves them, without history yet.
    """
    staff = Staff(own_offer=OWN_OFFER, foreign_offer=FOREIGN_OFFER)
    accounts = {
        "admin": ("admin@example.org", None),
        "carrier": ("traeger@example.org", OWN_ORG),
        "other_carrier": ("fremd@example.org", FOREIGN_ORG),
        "caseworker": ("beratung@example.org", None),
    }
    with db.writing() as session:
        session.add_all(
            [
                District(id="mitte", name="Mitte", latitude=50.0, longitude=8.0, neighbours=["nord"]),
                District(id="nord", name="Nord", latitude=50.05, longitude=8.0, neighbours=["mitte"]),
                Organization(id=OWN_ORG, name="Eigener Träger e.V.", description="Ein Verein für Beratung."),
                Organization(id=FOREIGN_ORG, name="Fremder Träger e.V.", description="Ein anderer Verein."),
            ]
        )
        session.flush()
        session.add(_offer(OWN_OFFER, OWN_ORG, "Schuldnerberatung Mitte", "GEL.SCHULD", "mitte", 50.0))
        session.add(_offer(FOREIGN_OFFER, FOREIGN_ORG, "Mieterberatung Nord", "WOH.DROH", "nord", 50.05))
        session.add_all(
            [ChangeLog(service_id=OWN_OFFER, version=1), ChangeLog(service_id=FOREIGN_OFFER, version=1)]
        )
        for role, (email, org) in accounts.items():
            user = User(
                email=email,
                password_hash=password_hash(),
                role=role if role != "other_carrier" else "carrier",
                organization_id=org,
            )
            session.add(user)
            session.flush()
            staff.users[role] = user.id
            staff.emails[role] = email
            staff.tokens[role] = issue_token(session, user, "Test")[1]
    return staff


def user_of(db: Database, staff: Staff, role: str) -> User:
    """Load the staff user of a role (detached, for the service functions)."""
    with db.session() as session:
        user = session.get(User, staff.users[role])
        assert user is not None
        return user


def login_as(app: Flask, client: FlaskClient, user_id: int) -> None:
    """Log a test client in without the (slow) password check: a real session, as the login page makes."""
    db = app.extensions["lotse"].db
    with db.writing() as session:
        user = session.get(User, user_id)
        assert user is not None
        secret = start_session(session, user)
    with client.session_transaction() as cookie:
        cookie[SESSION_KEY] = secret


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """Fetch a page and return the CSRF token of its form (logged in, the login page redirects)."""
    import re

    response = client.get(path)
    if response.status_code == 302:
        path = "/traeger/tokens"
        response = client.get(path)
    page = response.get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, f"kein CSRF-Token auf {path}"
    return match.group(1)


def offer_body(**changes: Any) -> dict[str, Any]:
    """A complete, valid write body (OfferSummary field names)."""
    body: dict[str, Any] = {
        "name": "Neue Beratung",
        "description": "Wir beraten bei Schulden.",
        "needs": ["GEL.SCHULD"],
        "target_groups": [],
        "districts": ["mitte"],
        "languages": ["de"],
        "phone": "02871 12345",
        "email": "info@example.org",
        "url": "https://example.org/beratung",
        "cost": "kostenlos",
        "schedule": "Mo, Mi 14:00–17:00 Uhr",
        "minimum_age": 18,
        "maximum_age": None,
        "location": {"name": "Büro", "address": "Markt 1, 46397 Bocholt", "lat": 50.0, "lon": 8.0},
    }
    body.update(changes)
    return body
