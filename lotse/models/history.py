"""History of offers: every change with who, when, which fields, old and new values."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from lotse.models.base import Base, utcnow


class OfferRevision(Base):
    """One recorded change of an offer, with a full snapshot to restore from."""

    __tablename__ = "offer_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    version: Mapped[int]
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    #: What happened: import, create, update, deactivate, verify, restore.
    action: Mapped[str] = mapped_column(String(20))
    #: field -> [old, new]
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: The offer as it was after this change (write-body field names).
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)
