"""Opening hours: German descriptions and whether an offer is open at a given moment."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from zoneinfo import ZoneInfo

from lotse.models import Schedule

TIMEZONE = ZoneInfo("Europe/Berlin")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_LABELS = dict(zip(DAYS, ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"), strict=True))


def _time(value: str | None) -> time | None:
    if not value:
        return None
    try:
        return time.fromisoformat(value[:8])
    except ValueError:
        return None


def _days(schedule: Schedule) -> list[str]:
    return [d.strip().upper()[-2:] for d in (schedule.byday or "").split(",") if d.strip()]


def describe(schedules: Sequence[Schedule]) -> str | None:
    """Return the opening hours as one German line, e.g. "Mo, Mi 14:30–17:00 Uhr"."""
    parts = []
    for schedule in schedules:
        if schedule.description:
            parts.append(schedule.description.strip())
            continue
        days = ", ".join(DAY_LABELS.get(d, d) for d in _days(schedule))
        opens, closes = _time(schedule.opens_at), _time(schedule.closes_at)
        hours = f"{opens:%H:%M}–{closes:%H:%M} Uhr" if opens and closes else ""
        text = " ".join(p for p in (days, hours) if p)
        if text:
            parts.append(text)
    return "; ".join(parts) or None


def is_open(schedules: Sequence[Schedule], moment: datetime | None = None) -> bool | None:
    """Tell whether a weekly schedule is open at the moment (None when no hours are known)."""
    moment = (moment or datetime.now(TIMEZONE)).astimezone(TIMEZONE)
    known = False
    for schedule in schedules:
        opens, closes = _time(schedule.opens_at), _time(schedule.closes_at)
        days = _days(schedule)
        if not (opens and closes and days):
            continue
        known = True
        if schedule.valid_from and moment.date() < schedule.valid_from:
            continue
        if schedule.valid_to and moment.date() > schedule.valid_to:
            continue
        if DAYS[moment.weekday()] in days and opens <= moment.time().replace(tzinfo=None) < closes:
            return True
    return False if known else None
