"""Usage statistics of the Lotse question: per day, district and recognised need a count, never the text.

Counts are gathered in memory and written in one small transaction every few seconds, so that a busy
server writes a handful of rows per interval instead of one transaction per question.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy.exc import SQLAlchemyError

from lotse.db import Database
from lotse.models import RouteStat

log = logging.getLogger(__name__)

#: Seconds between two writes: statistics are read per day, so a few seconds' delay costs nothing.
FLUSH_SECONDS = 5.0
#: The district column of a question that named none.
NO_DISTRICT = ""

Key = tuple[date, str, str]


class RouteStats:
    """Counts questions per (day, district, need) and writes them in batches."""

    def __init__(
        self,
        db: Database,
        *,
        flush_seconds: float = FLUSH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._db = db
        self._flush_seconds = flush_seconds
        self._clock = clock
        self._today = today
        self._lock = threading.Lock()
        self._pending: Counter[Key] = Counter()
        self._last_flush = clock()

    def record(self, district: str | None, needs: Iterable[str]) -> None:
        """Count one question's recognised needs; write the batch when it is due."""
        day = self._today()
        with self._lock:
            for code in dict.fromkeys(needs):
                self._pending[(day, district or NO_DISTRICT, code)] += 1
            due = self._clock() - self._last_flush >= self._flush_seconds
        if due:
            self.flush()

    def flush(self) -> None:
        """Write the pending counts in one transaction (kept for the next try if the write fails)."""
        with self._lock:
            batch, self._pending = self._pending, Counter()
            self._last_flush = self._clock()
        if not batch:
            return
        try:
            with self._db.writing() as session:
                for (day, district, code), count in sorted(batch.items()):
                    session.execute(_upsert(self._db, day, district, code, count))
        except SQLAlchemyError as exc:
            log.warning(
                "Statistik der Lotsenfrage nicht geschrieben (%s); neuer Versuch später.", type(exc).__name__
            )
            with self._lock:
                self._pending.update(batch)

    @property
    def pending(self) -> int:
        """Number of (day, district, need) counts not yet written."""
        with self._lock:
            return len(self._pending)


def _upsert(db: Database, day: date, district: str, code: str, count: int):  # type: ignore[no-untyped-def]
    """Insert a count or add it to the existing row (SQLite and PostgreSQL)."""
    if db.is_sqlite:
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
    statement = insert(RouteStat).values(day=day, district_id=district, need_code=code, count=count)
    return statement.on_conflict_do_update(
        index_elements=[RouteStat.day, RouteStat.district_id, RouteStat.need_code],
        set_={"count": RouteStat.count + statement.excluded.count},
    )
