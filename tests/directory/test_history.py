"""History of offers: who changed which fields when (old and new values), and restoring a revision."""

from __future__ import annotations

from typing import Any

import pytest

from lotse.accounts.authorization import PermissionDenied
from lotse.db import Database
from lotse.directory import history, offers
from lotse.directory.offer_fields import read_fields
from tests.staff import Staff, no_inference, user_of


def _change(db: Database, staff: Staff, values: dict[str, Any], version: int, role: str = "carrier") -> None:
    with db.writing() as session:
        offers.update_offer(
            session, user_of(db, staff, role), staff.own_offer, values, version, infer=no_inference
        )


def _history(db: Database, staff: Staff, role: str = "carrier") -> list[history.Revision]:
    with db.session() as session:
        return history.revisions(session, user_of(db, staff, role), staff.own_offer)


def _current(db: Database, staff: Staff) -> dict[str, Any]:
    with db.session() as session:
        offer = offers.reading.get_offer(session, staff.own_offer)
        assert offer is not None
        return {**read_fields(offer), "version": offer.version}


def test_a_change_records_who_which_fields_and_old_and_new_values(db: Database, staff: Staff) -> None:
    old = _current(db, staff)["description"]
    _change(db, staff, {"description": "Neu", "alert": "Sommerpause"}, 1)
    latest = _history(db, staff)[0]
    assert latest.user_email == staff.emails["carrier"] and latest.action == "update"
    assert latest.changes == {"description": [old, "Neu"], "alert": [None, "Sommerpause"]}


def test_a_change_records_when(db: Database, staff: Staff) -> None:
    _change(db, staff, {"alert": "Heute zu"}, 1)
    assert _history(db, staff)[0].changed_at is not None


def test_first_change_of_an_imported_offer_keeps_the_imported_state(db: Database, staff: Staff) -> None:
    imported = _current(db, staff)
    _change(db, staff, {"name": "Umbenannt"}, 1)
    baseline = _history(db, staff)[-1]
    assert baseline.action == "import" and baseline.version == 1
    assert baseline.snapshot["name"] == imported["name"]


def test_history_is_newest_first(db: Database, staff: Staff) -> None:
    _change(db, staff, {"alert": "eins"}, 1)
    _change(db, staff, {"alert": "zwei"}, 2)
    assert [r.version for r in _history(db, staff)] == [3, 2, 1]


def test_restore_brings_back_an_earlier_version_as_a_new_change(db: Database, staff: Staff) -> None:
    original = _current(db, staff)
    _change(db, staff, {"name": "Falsch", "description": "Versehentlich gelöscht"}, 1)
    baseline = _history(db, staff)[-1]
    with db.writing() as session:
        offers.restore_offer(
            session, user_of(db, staff, "carrier"), staff.own_offer, baseline.id, 2, infer=no_inference
        )
    restored = _current(db, staff)
    assert (restored["name"], restored["description"]) == (original["name"], original["description"])
    assert restored["version"] == 3 and _history(db, staff)[0].action == "restore"


def test_restore_on_a_stale_version_is_refused(db: Database, staff: Staff) -> None:
    _change(db, staff, {"name": "Zwei"}, 1)
    baseline = _history(db, staff)[-1]
    with db.writing() as session, pytest.raises(offers.VersionConflict):
        offers.restore_offer(session, user_of(db, staff, "carrier"), staff.own_offer, baseline.id, 1)


def test_restore_of_another_offers_revision_is_refused(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        offers.update_offer(
            session, user_of(db, staff, "admin"), staff.foreign_offer, {"alert": "x"}, 1, infer=no_inference
        )
    with db.session() as session:
        foreign = history.revisions(session, user_of(db, staff, "admin"), staff.foreign_offer)
    with db.writing() as session, pytest.raises(offers.OfferError):
        offers.restore_offer(session, user_of(db, staff, "carrier"), staff.own_offer, foreign[0].id, 1)


def test_carriers_cannot_read_another_organisations_history(db: Database, staff: Staff) -> None:
    with db.session() as session, pytest.raises(PermissionDenied):
        history.revisions(session, user_of(db, staff, "carrier"), staff.foreign_offer)


def test_admins_read_every_history(db: Database, staff: Staff) -> None:
    _change(db, staff, {"alert": "x"}, 1)
    assert len(_history(db, staff, role="admin")) == 2


def test_verification_is_recorded_with_its_date(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        offers.verify_offer(session, user_of(db, staff, "carrier"), staff.own_offer, 1)
    latest = _history(db, staff)[0]
    assert latest.action == "verify" and latest.changes == {
        "last_verified": [None, offers.today().isoformat()]
    }
