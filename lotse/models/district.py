"""Districts (Stadtteile): the areas offers serve and situations come from."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from lotse.models.base import Base


class District(Base):
    """A district with its centre, optional polygon and neighbours."""

    __tablename__ = "district"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    latitude: Mapped[float]
    longitude: Mapped[float]
    polygon: Mapped[list[Any] | None]
    neighbours: Mapped[list[Any]] = mapped_column(default=list)
