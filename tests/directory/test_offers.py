"""Changing offers in the service layer: create, update with versions, deactivate, verify, authorisation."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from lotse.accounts.authorization import PermissionDenied
from lotse.db import Database
from lotse.directory import offers
from lotse.directory.offer_fields import plain_text, read_fields
from lotse.models import ChangeLog, Location, Offer, OfferRevision, ServiceAtLocation
from tests.staff import FOREIGN_ORG, OWN_ORG, Staff, no_inference, user_of


def _fields(db: Database, offer_id: str) -> dict[str, Any]:
    with db.session() as session:
        offer = offers.reading.get_offer(session, offer_id)
        assert offer is not None
        return {**read_fields(offer), "version": offer.version, "organization_id": offer.organization_id}


def _update(db: Database, staff: Staff, role: str, offer_id: str, values: dict[str, Any], **kw: Any) -> Offer:
    version = kw.pop("version", None) or _fields(db, offer_id)["version"]
    with db.writing() as session:
        return offers.update_offer(
            session, user_of(db, staff, role), offer_id, values, version, infer=no_inference, **kw
        )


def _count(db: Database, model: type, **where: Any) -> int:
    with db.session() as session:
        query = select(func.count()).select_from(model).filter_by(**where)
        return session.scalar(query) or 0


def test_update_bumps_the_version_and_writes_the_field(db: Database, staff: Staff) -> None:
    _update(db, staff, "carrier", staff.own_offer, {"description": "Neue Beschreibung"})
    after = _fields(db, staff.own_offer)
    assert after["version"] == 2 and after["description"] == "Neue Beschreibung"


def test_every_write_adds_a_change_log_row_with_the_new_version(db: Database, staff: Staff) -> None:
    _update(db, staff, "carrier", staff.own_offer, {"name": "Schuldnerberatung Innenstadt"})
    with db.session() as session:
        last = session.scalars(select(ChangeLog).order_by(ChangeLog.seq.desc())).first()
    assert last is not None and (last.service_id, last.version) == (staff.own_offer, 2)


def test_stale_version_is_refused_and_changes_nothing(db: Database, staff: Staff) -> None:
    _update(db, staff, "carrier", staff.own_offer, {"description": "Erste Änderung"})
    with pytest.raises(offers.VersionConflict) as caught:
        _update(db, staff, "carrier", staff.own_offer, {"description": "Zweite"}, version=1)
    assert "inzwischen geändert" in caught.value.message and caught.value.current == 2
    assert _fields(db, staff.own_offer)["description"] == "Erste Änderung"


def test_write_without_a_version_is_refused(db: Database, staff: Staff) -> None:
    with db.writing() as session, pytest.raises(offers.VersionRequired):
        offers.update_offer(session, user_of(db, staff, "carrier"), staff.own_offer, {"name": "X"}, None)


def test_unchanged_values_do_not_bump_the_version(db: Database, staff: Staff) -> None:
    current = _fields(db, staff.own_offer)
    _update(db, staff, "carrier", staff.own_offer, {"name": current["name"], "needs": current["needs"]})
    assert _fields(db, staff.own_offer)["version"] == 1
    assert _count(db, OfferRevision) == 0


def test_carrier_cannot_change_another_organisations_offer(db: Database, staff: Staff) -> None:
    before = _fields(db, staff.foreign_offer)
    with pytest.raises(PermissionDenied):
        _update(db, staff, "carrier", staff.foreign_offer, {"description": "Übernommen"})
    assert _fields(db, staff.foreign_offer) == before


def test_caseworker_cannot_change_offers(db: Database, staff: Staff) -> None:
    with pytest.raises(PermissionDenied):
        _update(db, staff, "caseworker", staff.own_offer, {"description": "Nein"})


def test_admin_may_change_any_offer(db: Database, staff: Staff) -> None:
    _update(db, staff, "admin", staff.foreign_offer, {"alert": "Sommerpause"})
    assert _fields(db, staff.foreign_offer)["alert"] == "Sommerpause"


def test_unknown_offer_is_not_found(db: Database, staff: Staff) -> None:
    with db.writing() as session, pytest.raises(offers.OfferNotFound):
        offers.update_offer(session, user_of(db, staff, "admin"), "gibt-es-nicht", {"name": "X"}, 1)


def test_html_in_descriptions_is_stored_as_plain_text(db: Database, staff: Staff) -> None:
    text = '<p>Hilfe <b>sofort</b></p><script>alert("x")</script><img src=x onerror=alert(1)>'
    _update(db, staff, "carrier", staff.own_offer, {"description": text})
    stored = _fields(db, staff.own_offer)["description"]
    assert stored == "Hilfe sofort" and "<" not in stored


def test_escaped_markup_cannot_come_back_as_markup() -> None:
    assert plain_text("&lt;script&gt;alert(1)&lt;/script&gt;Text") == "Text"


def test_plain_text_keeps_ordinary_signs() -> None:
    assert plain_text("Eltern & Kinder < 6 Jahre") == "Eltern & Kinder < 6 Jahre"


def test_opening_hours_ending_before_they_begin_are_refused(db: Database, staff: Staff) -> None:
    with pytest.raises(offers.InvalidOffer) as caught:
        _update(db, staff, "carrier", staff.own_offer, {"schedule": "Mo 17:00–09:00"})
    assert "schedule" in caught.value.fields


def test_unknown_need_codes_are_refused_in_german(db: Database, staff: Staff) -> None:
    with pytest.raises(offers.InvalidOffer) as caught:
        _update(db, staff, "carrier", staff.own_offer, {"needs": ["XXX.YYY"]})
    assert caught.value.fields["needs"].startswith("Unbekannte Bedarfscodes")


def test_minimum_age_above_maximum_is_refused(db: Database, staff: Staff) -> None:
    _update(db, staff, "carrier", staff.own_offer, {"maximum_age": 20})
    with pytest.raises(offers.InvalidOffer):
        _update(db, staff, "carrier", staff.own_offer, {"minimum_age": 30})
    assert _fields(db, staff.own_offer)["minimum_age"] is None


def test_all_districts_make_an_offer_city_wide(db: Database, staff: Staff) -> None:
    _update(db, staff, "carrier", staff.own_offer, {"districts": ["mitte", "nord"]})
    after = _fields(db, staff.own_offer)
    assert after["city_wide"] is True and after["districts"] == []


def test_one_district_is_stored_as_served(db: Database, staff: Staff) -> None:
    _update(db, staff, "carrier", staff.own_offer, {"districts": ["nord"]})
    after = _fields(db, staff.own_offer)
    assert after["city_wide"] is False and after["districts"] == ["nord"]


def test_location_is_written_with_address_and_district(db: Database, staff: Staff) -> None:
    place = {"name": "Beratungsstelle", "address": "Markt 1, 46397 Bocholt", "lat": 50.05, "lon": 8.0}
    _update(db, staff, "carrier", staff.own_offer, {"location": place})
    assert _fields(db, staff.own_offer)["locations"] == [{**place, "district": "nord"}]


def test_a_place_shared_with_another_organisation_is_not_changed_in_place(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        foreign = session.get(Offer, staff.foreign_offer)
        own = session.get(Offer, staff.own_offer)
        assert foreign is not None and own is not None
        shared = foreign.service_at_locations[0].location
        own.service_at_locations = [ServiceAtLocation(id="geteilt", location=shared)]
        shared_id, shared_name = shared.id, shared.name
    _update(db, staff, "carrier", staff.own_offer, {"location": {"name": "Eigenes Büro"}})
    with db.session() as session:
        assert session.get(Location, shared_id).name == shared_name  # type: ignore[union-attr]
    assert _fields(db, staff.own_offer)["locations"][0]["name"] == "Eigenes Büro"


def test_create_belongs_to_the_carriers_organisation(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        offer = offers.create_offer(
            session, user_of(db, staff, "carrier"), {"name": "Neu"}, infer=no_inference
        )
        offer_id = offer.id
    created = _fields(db, offer_id)
    assert created["organization_id"] == OWN_ORG and created["version"] == 1


def test_carrier_cannot_create_for_another_organisation(db: Database, staff: Staff) -> None:
    with db.writing() as session, pytest.raises(PermissionDenied):
        offers.create_offer(session, user_of(db, staff, "carrier"), {"name": "Neu"}, FOREIGN_ORG)


def test_admin_names_the_organisation_of_a_new_offer(db: Database, staff: Staff) -> None:
    with db.writing() as session, pytest.raises(offers.InvalidOffer):
        offers.create_offer(session, user_of(db, staff, "admin"), {"name": "Neu"}, infer=no_inference)
    with db.writing() as session:
        offer = offers.create_offer(
            session, user_of(db, staff, "admin"), {"name": "Neu"}, FOREIGN_ORG, infer=no_inference
        )
        assert offer.organization_id == FOREIGN_ORG


def test_needs_are_inferred_when_the_carrier_gives_none(db: Database, staff: Staff) -> None:
    def recogniser(_text: str) -> list[tuple[str, float]]:
        return [("GEL.SCHULD", 0.9)]

    with db.writing() as session:
        offer = offers.create_offer(
            session, user_of(db, staff, "carrier"), {"name": "Hilfe bei Schulden"}, infer=recogniser
        )
        offer_id = offer.id
    created = _fields(db, offer_id)
    assert created["needs"] == [] and created["inferred_needs"] == ["GEL.SCHULD"]


def test_clearing_the_given_needs_infers_them_again(db: Database, staff: Staff) -> None:
    def recogniser(_text: str) -> list[tuple[str, float]]:
        return [("GEL.INSO", 0.8)]

    with db.writing() as session:
        user = user_of(db, staff, "carrier")
        offers.update_offer(session, user, staff.own_offer, {"needs": []}, 1, infer=recogniser)
    after = _fields(db, staff.own_offer)
    assert after["needs"] == [] and after["inferred_needs"] == ["GEL.INSO"]


def test_given_needs_are_never_overridden_by_inference(db: Database, staff: Staff) -> None:
    def recogniser(_text: str) -> list[tuple[str, float]]:
        return [("GEL.INSO", 0.8)]

    with db.writing() as session:
        user = user_of(db, staff, "carrier")
        offers.update_offer(session, user, staff.own_offer, {"description": "Anders"}, 1, infer=recogniser)
    assert _fields(db, staff.own_offer)["inferred_needs"] == []


def test_replace_empties_fields_left_out(db: Database, staff: Staff) -> None:
    _update(db, staff, "carrier", staff.own_offer, {"alert": "Hinweis", "phone": "0123 456"})
    _update(db, staff, "carrier", staff.own_offer, {"name": "Nur der Name"}, replace=True)
    after = _fields(db, staff.own_offer)
    assert (after["alert"], after["phone"], after["needs"]) == (None, None, [])


def test_deactivate_keeps_the_offer(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        offers.deactivate_offer(session, user_of(db, staff, "carrier"), staff.own_offer, 1)
    after = _fields(db, staff.own_offer)
    assert after["status"] == "inactive" and after["version"] == 2


def test_verify_sets_last_verified_to_today(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        offers.verify_offer(session, user_of(db, staff, "carrier"), staff.own_offer, 1)
    assert _fields(db, staff.own_offer)["last_verified"] == offers.today().isoformat()


def test_stale_listings_are_those_not_confirmed_for_180_days(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        own = session.get(Offer, staff.own_offer)
        assert own is not None
        own.assured_date = offers.today() - timedelta(days=30)
    carrier = user_of(db, staff, "carrier")
    with db.session() as session:
        assert offers.stale_offers(session, carrier) == []
        later = offers.today() + timedelta(days=200)
        assert [o.id for o in offers.stale_offers(session, carrier, on=later)] == [staff.own_offer]


def test_never_confirmed_listings_come_first_for_admins(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        own = session.get(Offer, staff.own_offer)
        assert own is not None
        own.assured_date = date(2020, 1, 1)
    with db.session() as session:
        stale = offers.stale_offers(session, user_of(db, staff, "admin"))
    assert [o.id for o in stale] == [staff.foreign_offer, staff.own_offer]


def test_carrier_sees_only_their_organisations_offers(db: Database, staff: Staff) -> None:
    with db.session() as session:
        listed = offers.editable_offers(session, user_of(db, staff, "carrier"))
    assert [o.id for o in listed] == [staff.own_offer]
