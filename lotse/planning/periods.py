"""Periods the planners pick: a month, a quarter, a year, or any span of days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
#: The longest span a question for statistics may cover (ten years), so a typo cannot ask for millennia.
MAX_DAYS = 3660

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")


class PeriodError(ValueError):
    """A period that cannot be read; the message is German."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Period:
    """The days from `start` to `end` (both included) and their German name."""

    start: date
    end: date
    label: str
    kind: str = "span"  # "month", "quarter", "year" or "span"

    def months(self) -> list[date]:
        """Return the first day of every month the period touches, in order."""
        months: list[date] = []
        current = self.start.replace(day=1)
        while current <= self.end:
            months.append(current)
            current = next_month(current)
        return months


def next_month(month: date) -> date:
    """Return the first day of the month after `month`."""
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def month_label(month: date) -> str:
    """Return a month in German, e.g. "November 2026"."""
    return f"{MONTHS[month.month - 1]} {month.year}"


def parse_named(value: str) -> Period:
    """Read "2026-11" (a month), "2026-Q4" (a quarter) or "2026" (a year)."""
    text = value.strip()
    if found := _MONTH.match(text):
        year, month = int(found[1]), int(found[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"„{text}“ ist kein Monat (Monate 01 bis 12).")
        start = date(year, month, 1)
        return Period(start, next_month(start) - timedelta(days=1), month_label(start), "month")
    if found := _QUARTER.match(text):
        year, quarter = int(found[1]), int(found[2])
        start = date(year, 3 * quarter - 2, 1)
        end = date(year, 3 * quarter, 1)
        return Period(start, next_month(end) - timedelta(days=1), f"{quarter}. Quartal {year}", "quarter")
    if found := _YEAR.match(text):
        year = int(found[1])
        return Period(date(year, 1, 1), date(year, 12, 31), f"Jahr {year}", "year")
    raise PeriodError(
        f"„{text}“ ist kein Zeitraum. Erlaubt: 2026-11 (Monat), 2026-Q4 (Quartal) oder 2026 (Jahr)."
    )


def parse_day(value: str, name: str) -> date:
    """Read a day in the form YYYY-MM-DD (the German message names the field)."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise PeriodError(
            f"„{value}“ ist kein Datum für „{name}“ (Form JJJJ-MM-TT, z. B. 2026-10-01)."
        ) from None


def parse_span(start_text: str, end_text: str) -> Period:
    """Read a span from–to (both days included)."""
    start = parse_day(start_text, "von")
    end = parse_day(end_text, "bis")
    if end < start:
        raise PeriodError("Das Ende des Zeitraums liegt vor seinem Anfang.")
    if (end - start).days > MAX_DAYS:
        raise PeriodError("Der Zeitraum ist zu lang (höchstens zehn Jahre).")
    return Period(start, end, f"{start:%d.%m.%Y} bis {end:%d.%m.%Y}")


def recent_choices(today: date, months: int = 13) -> list[tuple[str, str]]:
    """Return the named periods a planner is offered: recent months, quarters and years (value, label)."""
    choices: list[tuple[str, str]] = []
    month = today.replace(day=1)
    for _ in range(months):
        choices.append((f"{month:%Y-%m}", month_label(month)))
        month = (month - timedelta(days=1)).replace(day=1)
    quarter = (today.month - 1) // 3 + 1
    year = today.year
    for _ in range(5):
        choices.append((f"{year}-Q{quarter}", f"{quarter}. Quartal {year}"))
        quarter, year = (quarter - 1, year) if quarter > 1 else (4, year - 1)
    choices.extend((str(y), f"Jahr {y}") for y in (today.year, today.year - 1))
    return choices
