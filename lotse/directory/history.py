"""History of offers: each change with who, when, which fields (old and new values) and a full snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lotse.accounts.authorization import require_organization
from lotse.directory.offer_fields import read_fields
from lotse.models import ChangeLog, Offer, OfferRevision, User

#: German names of the recorded actions, as the history page shows them.
ACTIONS = {
    "import": "Stand vor der ersten Änderung in Lotse",
    "create": "angelegt",
    "update": "geändert",
    "deactivate": "deaktiviert",
    "verify": "als aktuell bestätigt",
    "restore": "frühere Version wiederhergestellt",
}
#: German names of the fields, for the history page and messages.
FIELD_LABELS = {
    "name": "Name",
    "description": "Beschreibung",
    "needs": "Bedarfe",
    "inferred_needs": "erkannte Bedarfe",
    "target_groups": "Zielgruppen",
    "districts": "Stadtteile",
    "city_wide": "ganze Stadt",
    "locations": "Orte",
    "phone": "Telefon",
    "email": "E-Mail",
    "url": "Webseite",
    "languages": "Sprachen",
    "cost": "Kosten",
    "schedule": "Öffnungszeiten",
    "minimum_age": "Mindestalter",
    "maximum_age": "Höchstalter",
    "status": "Status",
    "alert": "Hinweis",
    "application_process": "So geht es",
    "required_documents": "Bitte mitbringen",
    "accessibility": "Barrierefreiheit",
    "last_verified": "zuletzt bestätigt",
}


@dataclass(frozen=True)
class Revision:
    """One entry of an offer's history, as plain values."""

    id: int
    version: int
    action: str
    action_label: str
    changed_at: datetime
    user_email: str | None
    changes: dict[str, list[Any]]
    snapshot: dict[str, Any]


def snapshot(offer: Offer) -> dict[str, Any]:
    """Return the full editable state of an offer as JSON-ready plain values."""
    return read_fields(offer)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Return field -> [old, new] for every field that differs."""
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def record(
    session: Session, offer: Offer, user: User | None, action: str, before: dict[str, Any]
) -> OfferRevision:
    """Record a change already applied to the offer (version bumped) and notify the change log."""
    after = snapshot(offer)
    has_history = session.scalar(
        select(func.count()).select_from(OfferRevision).where(OfferRevision.service_id == offer.id)
    )
    if not has_history and action != "create":
        # Offers that came by import have no history yet: keep the state before the first change,
        # so it can be restored like any other.
        session.add(
            OfferRevision(
                service_id=offer.id,
                version=offer.version - 1,
                user_id=None,
                action="import",
                changes={},
                snapshot=before,
            )
        )
    revision = OfferRevision(
        service_id=offer.id,
        version=offer.version,
        user_id=user.id if user is not None else None,
        action=action,
        changes=diff(before, after),
        snapshot=after,
    )
    session.add(revision)
    session.add(ChangeLog(service_id=offer.id, version=offer.version))
    session.flush()
    return revision


def revisions(session: Session, user: User | None, offer_id: str) -> list[Revision]:
    """Return an offer's history, newest first (for carrier staff of its organisation and admins)."""
    from lotse.directory.offers import OfferNotFound

    organization_id = session.scalar(select(Offer.organization_id).where(Offer.id == offer_id))
    if organization_id is None:
        raise OfferNotFound(offer_id)
    require_organization(user, organization_id)
    query = (
        select(OfferRevision, User.email)
        .outerjoin(User, User.id == OfferRevision.user_id)
        .where(OfferRevision.service_id == offer_id)
        .order_by(OfferRevision.id.desc())
    )
    return [
        Revision(
            id=rev.id,
            version=rev.version,
            action=rev.action,
            action_label=ACTIONS.get(rev.action, rev.action),
            # SQLite hands back naive UTC; PostgreSQL an aware moment.
            changed_at=rev.changed_at if rev.changed_at.tzinfo else rev.changed_at.replace(tzinfo=UTC),
            user_email=email,
            changes=rev.changes,
            snapshot=rev.snapshot,
        )
        for rev, email in session.execute(query).tuples()
    ]


def revision_snapshot(session: Session, offer_id: str, revision_id: int) -> dict[str, Any] | None:
    """Return the snapshot of one revision of an offer, or None when the offer has no such revision."""
    revision = session.get(OfferRevision, revision_id)
    if revision is None or revision.service_id != offer_id:
        return None
    return dict(revision.snapshot)
