"""Changing offers: create, update (with version check), deactivate, verify, restore.

Every operation takes the session of a write transaction, the acting user and plain values. It checks
authorisation itself (views only translate the outcome), bumps the offer's version, and records the change
in the history and the change log in the same transaction, so search indexes follow every write.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lotse.accounts.authorization import editable_organization, is_admin, require_editor, require_organization
from lotse.directory import history, reading
from lotse.directory.offer_fields import EMPTY, FieldErrors, write_fields
from lotse.directory.schedule import TIMEZONE
from lotse.models import Offer, Organization, User
from lotse.models.base import utcnow

#: Recognises needs in an offer's own text (Lotse's own: `Services.infer_needs`).
NeedInference = Callable[[str], Sequence[tuple[str, float]]]
#: A listing not confirmed for this many days shows up first on the carrier's start page.
STALE_AFTER_DAYS = 180
#: Statuses of offers that are gone for good or on purpose and need no confirmation.
RETIRED = ("inactive", "defunct")


class OfferError(Exception):
    """An offer operation that cannot be done as asked; the message is German."""

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class OfferNotFound(OfferError):
    """There is no offer (or revision) with this id."""

    def __init__(self, offer_id: str) -> None:
        super().__init__(f"Angebot „{offer_id[:64]}“ gibt es nicht.")


class VersionRequired(OfferError):
    """A write came without the version it was based on."""

    def __init__(self) -> None:
        super().__init__(
            "Bitte senden Sie die Version mit, auf der Ihre Änderung beruht "
            "(Kopfzeile If-Match mit dem ETag oder Feld „version“)."
        )


class VersionConflict(OfferError):
    """Someone else changed the offer since the version the write was based on."""

    def __init__(self, expected: int, current: int) -> None:
        super().__init__(
            f"Jemand anderes hat dieses Angebot inzwischen geändert (Ihre Version {expected}, "
            f"aktuell {current}). Bitte laden Sie es neu und übernehmen Sie Ihre Änderungen dann noch einmal."
        )
        self.current = current


class InvalidOffer(OfferError):
    """The values cannot be written; `fields` holds a German message per field."""

    def __init__(self, fields: dict[str, str]) -> None:
        first = next(iter(fields.items()))
        super().__init__(f"{first[0]}: {first[1]}", fields)


def _inference(infer: NeedInference | None) -> NeedInference:
    """Return the given recogniser; without one, needs are not inferred (the caller passes Lotse's own,
    `Services.infer_needs`, so the directory never imports routing)."""
    return infer if infer is not None else _no_inference


def _no_inference(_text: str) -> Sequence[tuple[str, float]]:
    return []


def today() -> date:
    """Return today's date in Lotse's time zone (what "last verified" records)."""
    return datetime.now(TIMEZONE).date()


def _write(session: Session, offer: Offer, values: dict[str, Any], infer: NeedInference | None) -> None:
    try:
        write_fields(session, offer, values, _inference(infer))
    except FieldErrors as exc:
        raise InvalidOffer(exc.fields) from exc


def _finish(session: Session, offer: Offer, user: User, action: str, before: dict[str, Any]) -> Offer:
    """Bump the version and record the change, unless nothing changed at all."""
    session.flush()
    if action != "create" and history.snapshot(offer) == before:
        return offer
    offer.version = (offer.version or 0) + 1
    offer.last_modified = utcnow()
    session.flush()
    history.record(session, offer, user, action, before)
    return offer


def _load(session: Session, offer_id: str) -> Offer:
    """Load an offer with its parts for a write, holding its row lock (PostgreSQL) until commit."""
    if not offer_id or len(offer_id) > 64 or "\x00" in offer_id:
        raise OfferNotFound(offer_id)
    locked = session.scalar(select(Offer.id).where(Offer.id == offer_id).with_for_update())
    if locked is None:
        raise OfferNotFound(offer_id)
    offer = session.scalars(
        reading.offers_query().where(Offer.id == offer_id).execution_options(populate_existing=True)
    ).first()
    assert offer is not None  # locked above
    return offer


def _authorised(session: Session, user: User | None, offer_id: str, expected: int | None) -> Offer:
    offer = _load(session, offer_id)
    require_organization(user, offer.organization_id)
    if expected is None:
        raise VersionRequired()
    if expected != offer.version:
        raise VersionConflict(expected, offer.version)
    return offer


def create_offer(
    session: Session,
    user: User | None,
    values: dict[str, Any],
    organization_id: str | None = None,
    infer: NeedInference | None = None,
) -> Offer:
    """Create an offer of the user's organisation (admins name one); needs are inferred if none given."""
    editor = require_editor(user)
    org_id = editable_organization(editor, organization_id)
    if org_id is None or session.get(Organization, org_id) is None:
        raise InvalidOffer({"organization": "Bitte wählen Sie eine bestehende Organisation."})
    if not (values.get("name") or "").strip():
        raise InvalidOffer({"name": "Bitte geben Sie einen Namen an."})
    offer = Offer(id=str(uuid.uuid4()), organization_id=org_id, name="", version=0, status="active")
    session.add(offer)
    session.flush()
    offer = _load(session, offer.id)
    before = history.snapshot(offer)
    _write(session, offer, {**EMPTY, **values}, infer)
    return _finish(session, offer, editor, "create", before)


def update_offer(
    session: Session,
    user: User | None,
    offer_id: str,
    values: dict[str, Any],
    expected_version: int | None,
    *,
    replace: bool = False,
    infer: NeedInference | None = None,
) -> Offer:
    """Change an offer's fields (replace: fields left out are emptied); refuse a stale version."""
    offer = _authorised(session, user, offer_id, expected_version)
    assert user is not None  # _authorised refuses anonymous writes
    before = history.snapshot(offer)
    _write(session, offer, {**EMPTY, **values} if replace else values, infer)
    return _finish(session, offer, user, "update", before)


def deactivate_offer(
    session: Session, user: User | None, offer_id: str, expected_version: int | None
) -> Offer:
    """Take an offer out of the directory (status inactive); nothing is ever deleted."""
    offer = _authorised(session, user, offer_id, expected_version)
    assert user is not None
    before = history.snapshot(offer)
    offer.status = "inactive"
    return _finish(session, offer, user, "deactivate", before)


def verify_offer(session: Session, user: User | None, offer_id: str, expected_version: int | None) -> Offer:
    """Confirm that a listing is still correct: sets its last-verified date to today."""
    offer = _authorised(session, user, offer_id, expected_version)
    assert user is not None
    before = history.snapshot(offer)
    offer.assured_date = today()
    offer.assurer_email = user.email
    return _finish(session, offer, user, "verify", before)


def restore_offer(
    session: Session,
    user: User | None,
    offer_id: str,
    revision_id: int,
    expected_version: int | None,
    infer: NeedInference | None = None,
) -> Offer:
    """Make an offer look as it did after an earlier revision (recorded as a new change)."""
    offer = _authorised(session, user, offer_id, expected_version)
    assert user is not None
    state = history.revision_snapshot(session, offer_id, revision_id)
    if state is None:
        raise OfferError(f"Diese Version von Angebot „{offer_id}“ gibt es nicht.")
    before = history.snapshot(offer)
    # The verification date is an event, not content: restoring old text does not re-confirm it.
    _write(session, offer, {**EMPTY, **state}, infer)
    return _finish(session, offer, user, "restore", before)


def editable_offers(session: Session, user: User | None, organization_id: str | None = None) -> list[Offer]:
    """Return the offers the user may edit (admins: all, or one organisation's), by name."""
    editor = require_editor(user)
    query = reading.offers_query().order_by(None).order_by(Offer.name, Offer.id)
    if not is_admin(editor):
        query = query.where(Offer.organization_id == editor.organization_id)
    elif organization_id:
        query = query.where(Offer.organization_id == organization_id)
    return list(session.scalars(query))


def stale_offers(
    session: Session, user: User | None, days: int = STALE_AFTER_DAYS, on: date | None = None
) -> list[Offer]:
    """Return the user's listings not confirmed for `days` days (never confirmed first, then oldest)."""
    editor = require_editor(user)
    limit = (on or today()) - timedelta(days=days)
    query = (
        reading.offers_query()
        .order_by(None)
        .where(Offer.status.not_in(RETIRED))
        .where(or_(Offer.assured_date.is_(None), Offer.assured_date < limit))
        .order_by(Offer.assured_date.is_not(None), Offer.assured_date, Offer.name)
    )
    if not is_admin(editor):
        query = query.where(Offer.organization_id == editor.organization_id)
    return list(session.scalars(query))


def require_access(session: Session, user: User | None, offer_id: str) -> None:
    """Refuse a user who may not change this offer (a cheap check before a request body is even read)."""
    valid = bool(offer_id) and len(offer_id) <= 64 and "\x00" not in offer_id
    organization_id = (
        session.scalar(select(Offer.organization_id).where(Offer.id == offer_id)) if valid else None
    )
    if organization_id is None:
        raise OfferNotFound(offer_id)
    require_organization(user, organization_id)


def offer_for_editing(session: Session, user: User | None, offer_id: str) -> Offer:
    """Return one offer with its parts, if the user may edit it."""
    offer = reading.get_offer(session, offer_id) if offer_id and len(offer_id) <= 64 else None
    if offer is None or "\x00" in offer_id:
        raise OfferNotFound(offer_id)
    require_organization(user, offer.organization_id)
    return offer
