"""Reading opening hours written as text ("Mo, Mi 14:30–17:00 Uhr; Fr 9:00–12:00") into weekly schedules.

The inverse of lotse.directory.schedule.describe: what a carrier reads on the page or in the API can be
written back unchanged, and hours typed the usual German way become schedules Lotse can check for
"open now".
"""

from __future__ import annotations

import re
import uuid

from lotse.directory.schedule import DAY_LABELS, DAYS
from lotse.models import Schedule

_DAY_BY_LABEL = {label.lower(): day for day, label in DAY_LABELS.items()}
_HOURS = re.compile(
    r"^(?P<days>.+?)\s+(?P<opens>\d{1,2}[:.]\d{2})\s*(?:–|-|bis)\s*(?P<closes>\d{1,2}[:.]\d{2})(?:\s*Uhr)?$",
    re.IGNORECASE,
)


def parse_opening_hours(text: str) -> list[Schedule]:
    """Read opening hours like "Mo, Mi 14:30–17:00 Uhr; Fr 9:00–12:00" back into weekly schedules.

    A part that is not in this form is kept as free text (shown as written, open-now unknown); a part
    whose opening lies after its closing is marked in `extra` so the caller can refuse it.
    """
    schedules = []
    for raw in re.split(r"[;\n]", text):
        part = raw.strip()
        if not part:
            continue
        schedule = Schedule(id=str(uuid.uuid4()), description=part, extra={})
        match = _HOURS.match(part)
        days = _parse_days(match.group("days")) if match else None
        if match and days:
            opens, closes = _clock(match.group("opens")), _clock(match.group("closes"))
            if opens and closes:
                schedule.freq, schedule.byday = "WEEKLY", ",".join(days)
                schedule.opens_at, schedule.closes_at = opens, closes
                if opens >= closes:
                    schedule.extra = {"invalid": True}
        schedules.append(schedule)
    return schedules


def _parse_days(text: str) -> list[str] | None:
    text = text.strip().lower().rstrip(":")
    if text in ("täglich", "tgl.", "jeden tag"):
        return list(DAYS)
    days: list[str] = []
    for token in re.split(r"\s*(?:,|und|&|/)\s*", text):
        if not token:
            continue
        span = re.split(r"\s*(?:–|-|bis)\s*", token)
        if not all(s[:2] in _DAY_BY_LABEL for s in span) or len(span) > 2:
            return None
        first, last = DAYS.index(_DAY_BY_LABEL[span[0][:2]]), DAYS.index(_DAY_BY_LABEL[span[-1][:2]])
        if last < first:
            return None
        days += [d for d in DAYS[first : last + 1] if d not in days]
    return days or None


def _clock(text: str) -> str | None:
    hours, minutes = (int(p) for p in re.split(r"[:.]", text))
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        return None
    return f"{min(hours, 23):02d}:{minutes if hours < 24 else 59:02d}:{'00' if hours < 24 else '59'}"
