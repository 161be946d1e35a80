"""The Laufzettel (the paper a resident takes home): what each offer does, where, when, how to reach it.

The case worker's own lines (name, phone, an appointment per offer) are typed on the slip page, sent
back with the offer ids and printed; they are never stored.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, time
from typing import Any

import segno
from sqlalchemy import select
from sqlalchemy.orm import Session

from lotse.models import Address

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])")
#: A sentence longer than this is cut at a word: the slip has room for one plain line per offer.
SENTENCE_MAX = 220
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def first_sentence(text: str | None) -> str | None:
    """Return the first sentence of a description, cut at a word when it is very long."""
    text = " ".join((text or "").split())
    if not text:
        return None
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(sentence) <= SENTENCE_MAX:
        return sentence
    return sentence[:SENTENCE_MAX].rsplit(" ", 1)[0] + " …"


def qr_data_uri(url: str) -> str:
    """Return a QR code of the address as an SVG data URI (made here: no request to anyone else)."""
    return str(segno.make(url, error="m").svg_data_uri(scale=3, border=2, dark="#000"))


def town_name(session: Session, configured: str | None) -> str | None:
    """Return the town the directory serves: configured, else the city most addresses name."""
    if configured:
        return configured
    cities = Counter(c for c in session.scalars(select(Address.city)) if c)
    return cities.most_common(1)[0][0] if cities else None


@dataclass(frozen=True)
class Appointment:
    """An appointment the case worker made for the resident with one offer."""

    day: date | None
    at: time | None

    def text(self) -> str | None:
        """Return it in German, e.g. "Termin am Donnerstag, 10.12.2026 um 9:30 Uhr"."""
        if self.day is None and self.at is None:
            return None
        parts = ["Termin"]
        if self.day is not None:
            parts.append(f"am {WEEKDAYS[self.day.weekday()]}, {self.day:%d.%m.%Y}")
        if self.at is not None:
            parts.append(f"um {self.at.hour}:{self.at.minute:02d} Uhr")
        return " ".join(parts)


def appointments(values: Any, offer_ids: list[str]) -> tuple[dict[str, Appointment], dict[str, str]]:
    """Read the appointments (fields termin_tag_<n>, termin_zeit_<n>); German errors by field."""
    found: dict[str, Appointment] = {}
    errors: dict[str, str] = {}
    for index, offer_id in enumerate(offer_ids, start=1):
        day_text = (values.get(f"termin_tag_{index}") or "").strip()
        time_text = (values.get(f"termin_zeit_{index}") or "").strip()
        day = at = None
        if day_text:
            day = _date(day_text)
            if day is None:
                errors[f"termin_tag_{index}"] = "Bitte das Datum als TT.MM.JJJJ angeben, z. B. 10.12.2026."
        if time_text:
            at = _time(time_text)
            if at is None:
                errors[f"termin_zeit_{index}"] = "Bitte die Uhrzeit als SS:MM angeben, z. B. 9:30."
        found[offer_id] = Appointment(day, at)
    return found, errors


def _date(text: str) -> date | None:
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text) or re.fullmatch(
        r"(\d{4})-(\d{2})-(\d{2})", text
    )
    if match is None:
        return None
    numbers = [int(g) for g in match.groups()]
    year, month, day = numbers if len(match.group(1)) == 4 else numbers[::-1]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _time(text: str) -> time | None:
    match = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?(?:\s*Uhr)?", text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2) or 0) > 59:
        return None
    return time(int(match.group(1)), int(match.group(2) or 0))
