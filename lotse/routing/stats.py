"""Usage statistics of the Lotse question: per day, district and need a count, never the text.

For every question Lotse counts, per recognised need, that it was asked and whether the answer found an offer
for it in the district, a neighbour or city-wide (otherwise the need counts as "unmet"), and, for a question
in which no need was recognised, one count under the need code "" (`NO_NEED`). Counts are gathered in memory
and written in one small transaction every few seconds, so that a busy server writes a handful of rows per
interval instead of one transaction per question. Day rows older than 13 months are folded into months.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from lotse.db import Database
from lotse.giving_way import give_way, giving_way
from lotse.models import RouteStat, RouteStatMonth
from lotse.routing.needs import presence_threshold
from lotse.taxonomy import FALLBACK_NEED

if TYPE_CHECKING:
    from lotse.routing.service import RouteAnswer

log = logging.getLogger(__name__)

#: Seconds between two writes: statistics are read per day, so a few seconds' delay costs nothing.
FLUSH_SECONDS = 5.0
#: The district column of a question that named none.
NO_DISTRICT = ""
#: The need column of a question in which no need was recognised.
NO_NEED = ""
#: Day rows are kept this many whole months before the current one; older ones become month rows.
KEEP_DAYS_MONTHS = 13

Key = tuple[date, str, str]


def first_of_month(day: date, months_back: int = 0) -> date:
    """Return the first day of the month `months_back` months before the month of `day`."""
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def unmet_needs(
    answer: RouteAnswer, district: str | None, neighbours: Iterable[str]
) -> tuple[list[str], set[str]]:
    """Return an answer's recognised needs (none if Lotse recognised none) and those without an offer nearby.

    A need is met when one of its referrals serves the district, a neighbour or the whole town; a question
    without a district is met by any referral of the need (where the person lives is unknown).
    """
    if _abstained(answer):
        return [], set()
    codes = list(dict.fromkeys(need.code for need in answer.needs))
    near = {district, *neighbours} if district else set()
    met: set[str] = set()
    for referral in answer.referrals:
        if referral.need is None:
            continue
        if not district or referral.offer.city_wide or near.intersection(referral.offer.districts):
            met.add(referral.need)
    return codes, set(codes) - met


def _abstained(answer: RouteAnswer) -> bool:
    """Tell whether Lotse recognised no need (general advice stood in with the recogniser's low score)."""
    if answer.abstained:
        return True
    needs = answer.needs
    return not needs or (
        len(needs) == 1 and needs[0].code == FALLBACK_NEED and needs[0].score < presence_threshold()
    )


class RouteStats:
    """Counts questions per (day, district, need), with the unmet ones, and writes them in batches."""

    def __init__(
        self,
        db: Database,
        *,
        flush_seconds: float = FLUSH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
        neighbours: Callable[[str], Iterable[str]] = lambda _district: (),
        background: bool = False,
    ) -> None:
        self._db = db
        self._flush_seconds = flush_seconds
        self._clock = clock
        self._today = today
        self._neighbours = neighbours
        self._lock = threading.Lock()
        self._pending: Counter[Key] = Counter()
        self._unmet: Counter[Key] = Counter()
        self._last_flush = clock()
        self._folded: date | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._background = background

    def record(self, district: str | None, needs: Iterable[str], unmet: Iterable[str] = ()) -> None:
        """Count one question's needs (and which found no offer); write the batch when it is due."""
        day = self._today()
        place = district or NO_DISTRICT
        missing = set(unmet)
        codes = list(dict.fromkeys(needs)) or [NO_NEED]
        with self._lock:
            for code in codes:
                self._pending[(day, place, code)] += 1
                if code in missing:
                    self._unmet[(day, place, code)] += 1
            due = self._clock() - self._last_flush >= self._flush_seconds
        self._start_timer()
        # With the background thread running, a question never writes: it would queue for the database's
        # write lock behind an edit or the other workers.
        if due and self._thread is None:
            self.flush()

    def record_answer(self, district: str | None, answer: RouteAnswer) -> None:
        """Count one answered question: its needs, the unmet ones, or that no need was recognised."""
        codes, unmet = unmet_needs(answer, district, self._neighbours(district) if district else ())
        self.record(district, codes, unmet)

    def flush(self) -> None:
        """Write the pending counts in one transaction (kept for the next try if the write fails)."""
        with self._lock:
            batch, self._pending = self._pending, Counter()
            unmet, self._unmet = self._unmet, Counter()
            self._last_flush = self._clock()
        if not batch:
            return
        rows = [_row(RouteStat, key, count, unmet[key]) for key, count in sorted(batch.items())]
        try:
            with self._db.writing() as session:
                _add_counts(self._db, session, RouteStat, rows)
        except SQLAlchemyError as exc:
            log.warning(
                "Statistik der Lotsenfrage nicht geschrieben (%s); neuer Versuch später.", type(exc).__name__
            )
            with self._lock:
                self._pending.update(batch)
                self._unmet.update(unmet)
            return
        self._fold_once_a_day()

    def _fold_once_a_day(self) -> None:
        today = self._today()
        if self._folded == today:
            return
        try:
            with self._db.writing() as session:
                fold_old_days(self._db, session, today)
            self._folded = today
        except SQLAlchemyError as exc:
            log.warning("Alte Tageszahlen nicht zusammengefasst (%s).", type(exc).__name__)

    def _start_timer(self) -> None:
        """Start the thread that writes counts even when no further question comes (once per process)."""
        if not self._background or self._flush_seconds <= 0 or self._thread is not None:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="lotse-route-stats", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._flush_seconds):
            if self.pending:
                with giving_way():
                    give_way()  # a question being answered goes first
                    self.flush()

    def close(self) -> None:
        """Stop the background thread and write what is pending."""
        self._stop.set()
        self.flush()

    @property
    def pending(self) -> int:
        """Number of (day, district, need) counts not yet written."""
        with self._lock:
            return len(self._pending)


def fold_old_days(db: Database, session: Session, today: date) -> int:
    """Fold day rows older than `KEEP_DAYS_MONTHS` whole months into month rows; return the rows folded."""
    cutoff = first_of_month(today, KEEP_DAYS_MONTHS)
    rows = session.execute(select(RouteStat).where(RouteStat.day < cutoff)).scalars().all()
    if not rows:
        return 0
    months: Counter[tuple[date, str, str, bool]] = Counter()
    unmet: Counter[tuple[date, str, str, bool]] = Counter()
    for row in rows:
        key = (first_of_month(row.day), row.district_id, row.need_code, row.demo)
        months[key] += row.count
        unmet[key] += row.unmet
    folded = [
        _row(RouteStatMonth, (month, district, code), count, unmet[(month, district, code, demo)], demo=demo)
        for (month, district, code, demo), count in sorted(months.items())
    ]
    _add_counts(db, session, RouteStatMonth, folded)
    session.execute(delete(RouteStat).where(RouteStat.day < cutoff))
    return len(rows)


def _row(
    model: type[RouteStat] | type[RouteStatMonth], key: Key, count: int, unmet: int, *, demo: bool = False
) -> dict[str, object]:
    """One row's values for `_add_counts` (the period column is `day` or `month`)."""
    period, district, code = key
    return {
        _period(model).key: period,
        "district_id": district,
        "need_code": code,
        "demo": demo,
        "count": count,
        "unmet": unmet,
    }


def _add_counts(
    db: Database,
    session: Session,
    model: type[RouteStat] | type[RouteStatMonth],
    rows: list[dict[str, object]],
) -> None:
    """Insert counts or add them to the existing rows: one statement executed for all rows (SQLite and
    PostgreSQL). A statement per row cost about 0.4 ms of Python each, in a thread beside the questions."""
    if not rows:
        return
    if db.is_sqlite:
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
    period = _period(model)
    statement = insert(model)
    statement = statement.on_conflict_do_update(
        index_elements=[period, model.district_id, model.need_code, model.demo],
        set_={
            "count": model.count + statement.excluded.count,
            "unmet": model.unmet + statement.excluded.unmet,
        },
    )
    session.execute(statement, rows)


def _period(model: type[RouteStat] | type[RouteStatMonth]) -> Any:
    """The period column of a statistics table: `day` or `month`."""
    return model.day if model is RouteStat else model.month  # type: ignore[union-attr]
