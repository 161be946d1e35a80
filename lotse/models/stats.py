"""Usage statistics of the route question: derived needs, district and day, never the text.

Day rows hold the last 13 months; older days are folded into month rows. Demonstration counts (`lotse
stats demo`) are rows of their own (`demo` is part of the key), so real counts never mix with them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from lotse.models.base import Base


class RouteStat(Base):
    """How often a need was recognised in a district on a day, and how often it found no offer nearby.

    `need_code` "" counts the questions in which no need was recognised at all.
    """

    __tablename__ = "route_stat"

    day: Mapped[date] = mapped_column(primary_key=True)
    district_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    need_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    demo: Mapped[bool] = mapped_column(primary_key=True, default=False)
    count: Mapped[int] = mapped_column(default=0)
    unmet: Mapped[int] = mapped_column(default=0)


class RouteStatMonth(Base):
    """The same counts for a whole month (`month` is its first day): day rows older than 13 months."""

    __tablename__ = "route_stat_month"

    month: Mapped[date] = mapped_column(primary_key=True)
    district_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    need_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    demo: Mapped[bool] = mapped_column(primary_key=True, default=False)
    count: Mapped[int] = mapped_column(default=0)
    unmet: Mapped[int] = mapped_column(default=0)
