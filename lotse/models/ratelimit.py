"""Rate-limit counters kept in the database, so every worker and server counts the same requests."""

from __future__ import annotations

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from lotse.models.base import Base


class RateLimitCounter(Base):
    """A fixed-window counter: how many hits a key had in the window that ends at `expires_at`."""

    __tablename__ = "rate_limit"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
    #: End of the window as seconds since the epoch (what the `limits` library works with).
    expires_at: Mapped[float] = mapped_column(Float, index=True)
