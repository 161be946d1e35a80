"""Opening hours: German descriptions and whether an offer is open at a given moment."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from lotse.models import Schedule

TIMEZONE = ZoneInfo("Europe/Berlin")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_LABELS = dict(zip(DAYS, ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"), strict=True))
_BYDAY = re.compile(r"^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$")


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """The parts of one weekly schedule that decide whether an offer is open (plain values, detached from
    the database: summaries and the search index carry these)."""

    freq: str | None
    interval: int | None
    byday: str | None
    bymonthday: str | None
    opens_at: str | None
    closes_at: str | None
    valid_from: date | None
    valid_to: date | None
    description: str | None = None

    def to_list(self) -> list[Any]:
        """Plain values for JSON."""
        return [
            self.freq,
            self.interval,
            self.byday,
            self.bymonthday,
            self.opens_at,
            self.closes_at,
            _iso(self.valid_from),
            _iso(self.valid_to),
        ]

    @classmethod
    def from_list(cls, values: list[Any]) -> ScheduleRow:
        """Read back what to_list wrote."""
        freq, interval, byday, bymonthday, opens_at, closes_at, valid_from, valid_to = values
        return cls(freq, interval, byday, bymonthday, opens_at, closes_at, _date(valid_from), _date(valid_to))

    @classmethod
    def of(cls, schedule: Any) -> ScheduleRow:
        """From a Schedule (model or row)."""
        return cls(
            schedule.freq,
            schedule.interval,
            schedule.byday,
            schedule.bymonthday,
            schedule.opens_at,
            schedule.closes_at,
            _date(schedule.valid_from),
            _date(schedule.valid_to),
        )


def _date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _iso(value: date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


#: A weekly schedule as the database holds it, or detached.
Hours = Schedule | ScheduleRow


def _time(value: str | None) -> time | None:
    if not value:
        return None
    try:
        return time.fromisoformat(value[:8])
    except ValueError:
        return None


def _days(schedule: Hours) -> list[tuple[int | None, str]]:
    """Return (ordinal, day) pairs of BYDAY: "MO" -> (None, "MO"), "1TH" -> (1, "TH")."""
    days = []
    for raw in (schedule.byday or "").split(","):
        match = _BYDAY.match(raw.strip().upper())
        if match:
            days.append((int(match.group(1)) if match.group(1) else None, match.group(2)))
    return days


def _matches_day(days: list[tuple[int | None, str]], moment: datetime) -> bool:
    day = DAYS[moment.weekday()]
    nth = (moment.day - 1) // 7 + 1
    nth_from_end = -((monthrange(moment.year, moment.month)[1] - moment.day) // 7 + 1)
    return any(d == day and (n is None or n in (nth, nth_from_end)) for n, d in days)


def _expired(schedule: Hours, today: date) -> bool:
    return schedule.valid_to is not None and schedule.valid_to < today


def describe(schedules: Sequence[Hours], today: date | None = None) -> str | None:
    """Return the opening hours as one German line, e.g. "Mo, Mi 14:30–17:00 Uhr".

    Hours whose validity ended are left out; hours valid only from a later day say from when.
    """
    today = today or datetime.now(TIMEZONE).date()
    parts = []
    for schedule in schedules:
        if _expired(schedule, today):
            continue
        if schedule.valid_from and schedule.valid_from > today:
            text = describe([schedule], schedule.valid_from)
            if text:
                parts.append(f"ab {schedule.valid_from:%d.%m.%Y}: {text}")
            continue
        if schedule.description:
            parts.append(schedule.description.strip())
            continue
        days = ", ".join(
            f"{n}. {DAY_LABELS[d]}" if n and n > 0 else DAY_LABELS[d] for n, d in _days(schedule)
        )
        opens, closes = _time(schedule.opens_at), _time(schedule.closes_at)
        hours = f"{opens:%H:%M}–{closes:%H:%M} Uhr" if opens and closes else ""
        text = " ".join(p for p in (days, hours) if p)
        if text:
            parts.append(text)
    # The schedules read from one written part share its text (lotse.directory.opening_hours): once.
    return "; ".join(dict.fromkeys(parts)) or None


def is_open(schedules: Sequence[Hours], moment: datetime | None = None) -> bool | None:
    """Tell whether a weekly schedule is open at the moment (None when no hours are known)."""
    moment = (moment or datetime.now(TIMEZONE)).astimezone(TIMEZONE)
    known = False
    for schedule in schedules:
        opens, closes = _time(schedule.opens_at), _time(schedule.closes_at)
        days = _days(schedule)
        if not (opens and closes and days) or _expired(schedule, moment.date()):
            continue
        known = True
        if schedule.valid_from and moment.date() < schedule.valid_from:
            continue
        if schedule.valid_to and moment.date() > schedule.valid_to:
            continue
        if _matches_day(days, moment) and opens <= moment.time().replace(tzinfo=None) < closes:
            return True
    return False if known else None
