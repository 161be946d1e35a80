"""Usage statistics of the route question: derived needs, district and day, never the text."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from lotse.models.base import Base


class RouteStat(Base):
    """How often a need was recognised in a district on a day."""

    __tablename__ = "route_stat"

    day: Mapped[date] = mapped_column(primary_key=True)
    district_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    need_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
