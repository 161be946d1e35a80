"""The carrier pages: start page with listings to confirm, editing, confirming, history, tokens, accounts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from lotse.accounts.tokens import token_user
from lotse.models import Offer, User
from tests.staff import OWN_ORG, Staff, build, csrf_token, login_as


@pytest.fixture
def staff(app: Flask, tmp_path: Path) -> Staff:
    return build(app.extensions["lotse"].db, tmp_path)


@pytest.fixture
def carrier(app: Flask, client: FlaskClient, staff: Staff) -> FlaskClient:
    login_as(app, client, staff.users["carrier"])
    return client


def _offer(app: Flask, offer_id: str) -> Offer:
    with app.extensions["lotse"].db.session() as session:
        offer = session.get(Offer, offer_id)
        assert offer is not None
        _ = offer.terms, offer.schedules
        return offer


def _form(client: FlaskClient, **fields: Any) -> dict[str, Any]:
    base = {
        "csrf_token": csrf_token(client),
        "version": "1",
        "name": "Schuldnerberatung Mitte",
        "description": "Beratung bei Schulden.",
        "status": "active",
        "needs": ["GEL.SCHULD"],
        "districts": ["mitte"],
        "languages": ["de", "tr"],
        "schedule": "Di 9:00–12:00 Uhr",
    }
    base.update(fields)
    return base


def _page(client: FlaskClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_start_page_lists_unconfirmed_listings_first(carrier: FlaskClient, staff: Staff) -> None:
    page = _page(carrier, "/traeger/")
    assert page.index("Bitte prüfen") < page.index("Schuldnerberatung Mitte") < page.index("Alle Angebote")


def test_carrier_sees_only_the_own_organisations_offers(carrier: FlaskClient, staff: Staff) -> None:
    page = _page(carrier, "/traeger/")
    assert "Schuldnerberatung Mitte" in page and "Mieterberatung Nord" not in page


def test_admin_sees_every_organisations_offers(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["admin"])
    page = _page(client, "/traeger/")
    assert "Schuldnerberatung Mitte" in page and "Mieterberatung Nord" in page


def test_still_correct_confirms_and_leaves_the_list(app: Flask, carrier: FlaskClient, staff: Staff) -> None:
    response = carrier.post(
        f"/traeger/angebote/{staff.own_offer}/bestaetigen",
        data={"csrf_token": csrf_token(carrier), "version": "1", "back": "home"},
    )
    assert response.status_code == 302 and _offer(app, staff.own_offer).assured_date is not None
    page = _page(carrier, "/traeger/")
    assert "Alle Angebote sind in den letzten 180 Tagen bestätigt" in page


def test_edit_form_shows_the_current_values(carrier: FlaskClient, staff: Staff) -> None:
    page = _page(carrier, f"/traeger/angebote/{staff.own_offer}")
    assert 'value="Schuldnerberatung Mitte"' in page and 'value="GEL.SCHULD" checked' in page


def test_saving_the_form_changes_every_field_sent(app: Flask, carrier: FlaskClient, staff: Staff) -> None:
    form = _form(carrier, name="Schuldnerberatung am Markt", minimum_age="18", location_address="Markt 1")
    response = carrier.post(f"/traeger/angebote/{staff.own_offer}", data=form)
    offer = _offer(app, staff.own_offer)
    assert response.status_code == 302 and offer.name == "Schuldnerberatung am Markt"
    assert (offer.minimum_age, offer.version, offer.schedules[0].byday) == (18, 2, "TU")


def test_form_errors_are_shown_in_german(carrier: FlaskClient, staff: Staff) -> None:
    response = carrier.post(f"/traeger/angebote/{staff.own_offer}", data=_form(carrier, minimum_age="zehn"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Muss eine ganze Zahl sein." in page
    assert 'aria-invalid="true"' in page


def test_a_stale_form_says_someone_else_changed_it(app: Flask, carrier: FlaskClient, staff: Staff) -> None:
    carrier.post(f"/traeger/angebote/{staff.own_offer}", data=_form(carrier, name="Erster Stand"))
    response = carrier.post(f"/traeger/angebote/{staff.own_offer}", data=_form(carrier, name="Zweiter Stand"))
    assert response.status_code == 409 and "Jemand anderes" in response.get_data(as_text=True)
    assert _offer(app, staff.own_offer).name == "Erster Stand"


def test_deactivating_keeps_the_offer(app: Flask, carrier: FlaskClient, staff: Staff) -> None:
    carrier.post(
        f"/traeger/angebote/{staff.own_offer}/deaktivieren",
        data={"csrf_token": csrf_token(carrier), "version": "1"},
    )
    assert _offer(app, staff.own_offer).status == "inactive"


def test_new_offer_belongs_to_the_carriers_organisation(
    app: Flask, carrier: FlaskClient, staff: Staff
) -> None:
    form = _form(carrier, name="Ganz neu")
    del form["version"]
    response = carrier.post("/traeger/angebote/neu", data=form)
    with app.extensions["lotse"].db.session() as session:
        created = session.scalars(select(Offer).where(Offer.name == "Ganz neu")).one()
    assert response.status_code == 302 and created.organization_id == OWN_ORG


def test_history_page_shows_old_and_new_values(carrier: FlaskClient, staff: Staff) -> None:
    carrier.post(f"/traeger/angebote/{staff.own_offer}", data=_form(carrier, name="Neuer Name"))
    page = _page(carrier, f"/traeger/angebote/{staff.own_offer}/verlauf")
    assert "Schuldnerberatung Mitte" in page and "Neuer Name" in page and "traeger@example.org" in page


def test_history_page_restores_an_earlier_version(app: Flask, carrier: FlaskClient, staff: Staff) -> None:
    carrier.post(f"/traeger/angebote/{staff.own_offer}", data=_form(carrier, name="Versehen"))
    page = _page(carrier, f"/traeger/angebote/{staff.own_offer}/verlauf")
    baseline = page.rsplit('name="revision" value="', 1)[1].split('"', 1)[0]
    carrier.post(
        f"/traeger/angebote/{staff.own_offer}/wiederherstellen",
        data={"csrf_token": csrf_token(carrier), "version": "2", "revision": baseline},
    )
    assert _offer(app, staff.own_offer).name == "Schuldnerberatung Mitte"


def test_forms_without_csrf_token_are_refused(app: Flask, carrier: FlaskClient, staff: Staff) -> None:
    form = _form(carrier, name="Untergeschoben")
    del form["csrf_token"]
    response = carrier.post(f"/traeger/angebote/{staff.own_offer}", data=form)
    assert response.status_code == 400 and _offer(app, staff.own_offer).name == "Schuldnerberatung Mitte"


def test_case_workers_cannot_open_the_edit_form(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["caseworker"])
    assert client.get(f"/traeger/angebote/{staff.own_offer}").status_code == 403


def test_token_page_shows_a_new_token_once(app: Flask, carrier: FlaskClient, staff: Staff) -> None:
    response = carrier.post("/traeger/tokens", data={"csrf_token": csrf_token(carrier), "name": "Abgleich"})
    token = response.get_data(as_text=True).split("<code>lotse_", 1)[1].split("</code>", 1)[0]
    with app.extensions["lotse"].db.session() as session:
        assert token_user(session, "lotse_" + token) is not None
    assert "lotse_" + token not in _page(carrier, "/traeger/tokens")


def test_admin_creates_an_account(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["admin"])
    data = {
        "csrf_token": csrf_token(client),
        "email": "neu@example.org",
        "role": "carrier",
        "organization_id": OWN_ORG,
        "password": "ein-langes-passwort",
    }
    assert client.post("/traeger/konten", data=data).status_code == 302
    with app.extensions["lotse"].db.session() as session:
        created = session.scalars(select(User).where(User.email == "neu@example.org")).one()
    assert created.organization_id == OWN_ORG and created.role == "carrier"


def test_admin_deactivates_an_account(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["admin"])
    client.post(
        f"/traeger/konten/{staff.users['carrier']}",
        data={"csrf_token": csrf_token(client), "action": "deactivate"},
    )
    with app.extensions["lotse"].db.session() as session:
        assert session.get(User, staff.users["carrier"]).active is False  # type: ignore[union-attr]


def test_account_errors_are_german(app: Flask, client: FlaskClient, staff: Staff) -> None:
    login_as(app, client, staff.users["admin"])
    data = {"csrf_token": csrf_token(client), "email": "x@example.org", "role": "carrier", "password": "kurz"}
    response = client.post("/traeger/konten", data=data)
    assert response.status_code == 422 and "mindestens 10 Zeichen" in response.get_data(as_text=True)


def test_still_correct_keeps_a_change_made_in_the_form(
    app: Flask, carrier: FlaskClient, staff: Staff
) -> None:
    form = _form(carrier, phone="02871 4711", action="verify")
    response = carrier.post(f"/traeger/angebote/{staff.own_offer}", data=form)
    offer = _offer(app, staff.own_offer)
    with app.extensions["lotse"].db.session() as session:
        phones = [p.number for p in session.get(Offer, staff.own_offer).phones]  # type: ignore[union-attr]
    assert response.status_code == 302 and phones == ["02871 4711"] and offer.assured_date is not None


def test_checking_the_hours_shows_what_was_understood_and_saves_nothing(
    app: Flask, carrier: FlaskClient, staff: Staff
) -> None:
    form = _form(carrier, schedule="werktags 8 bis 16 Uhr", action="check")
    page = carrier.post(f"/traeger/angebote/{staff.own_offer}", data=form).get_data(as_text=True)
    assert "verstanden als: <strong>Mo–Fr 8:00–16:00 Uhr</strong>" in page
    assert _offer(app, staff.own_offer).version == 1


def test_unreadable_hours_are_refused_at_their_field(carrier: FlaskClient, staff: Staff) -> None:
    form = _form(carrier, schedule="immer wenn es regnet")
    response = carrier.post(f"/traeger/angebote/{staff.own_offer}", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert page.count("ist als Öffnungszeit nicht lesbar") == 2  # in the summary and at the field
    assert '<a href="#feld-schedule">' in page


def test_a_web_address_without_scheme_is_stored_as_https(
    app: Flask, carrier: FlaskClient, staff: Staff
) -> None:
    carrier.post(f"/traeger/angebote/{staff.own_offer}", data=_form(carrier, url="www.drk-bocholt.de"))
    assert _offer(app, staff.own_offer).url == "https://www.drk-bocholt.de"


def test_a_one_digit_phone_is_called_too_short(carrier: FlaskClient, staff: Staff) -> None:
    response = carrier.post(f"/traeger/angebote/{staff.own_offer}", data=_form(carrier, phone="1"))
    assert "Diese Telefonnummer ist zu kurz" in response.get_data(as_text=True)


def test_address_and_district_are_enough_for_a_place(app: Flask, carrier: FlaskClient, staff: Staff) -> None:
    form = _form(carrier, location_address="Markt 1, 46397 Bocholt", location_district="nord")
    assert carrier.post(f"/traeger/angebote/{staff.own_offer}", data=form).status_code == 302
    with app.extensions["lotse"].db.session() as session:
        location = session.get(Offer, staff.own_offer).locations[0]  # type: ignore[union-attr]
        assert (location.district_id, location.latitude) == ("nord", None)


def test_how_to_apply_what_to_bring_and_accessibility_are_saved(
    app: Flask, carrier: FlaskClient, staff: Staff
) -> None:
    form = _form(
        carrier,
        application_process="Termin telefonisch vereinbaren.",
        required_documents="Personalausweis",
        accessibility=["step_free", "hearing_loop"],
    )
    carrier.post(f"/traeger/angebote/{staff.own_offer}", data=form)
    offer = _offer(app, staff.own_offer)
    assert offer.application_process == "Termin telefonisch vereinbaren."
    assert offer.required_documents == "Personalausweis"
    assert offer.accessibility == ["step_free", "hearing_loop"]


def test_start_page_flags_offers_without_contact_and_without_hours(
    carrier: FlaskClient, staff: Staff
) -> None:
    page = _page(carrier, "/traeger/")
    assert "Kontakt fehlt (" in page and "Ohne Öffnungszeiten (" in page


def test_history_shows_confirmation_dates_the_german_way(carrier: FlaskClient, staff: Staff) -> None:
    form = {"csrf_token": csrf_token(carrier), "version": "1"}
    carrier.post(f"/traeger/angebote/{staff.own_offer}/bestaetigen", data=form)
    page = _page(carrier, f"/traeger/angebote/{staff.own_offer}/verlauf")
    assert re.search(r"\d{2}\.\d{2}\.\d{4}</", page) and not re.search(r">\d{4}-\d{2}-\d{2}<", page)
