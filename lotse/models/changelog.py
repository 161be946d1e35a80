"""The change log: one row per offer change, written in the same transaction as the change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from lotse.models.base import Base, utcnow


class ChangeLog(Base):
    """A sequence-numbered notice that an offer changed; search indexes follow it."""

    __tablename__ = "change_log"

    # BigInteger on PostgreSQL, plain INTEGER PRIMARY KEY (rowid) on SQLite.
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    service_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int]
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
