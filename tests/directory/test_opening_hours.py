"""Opening hours written the German way are read into weekly schedules, or refused with an example."""

from __future__ import annotations

from datetime import datetime

import pytest

from lotse.directory.opening_hours import HoursError, parse_opening_hours, read_hours, understood
from lotse.directory.schedule import TIMEZONE, describe, is_open

#: The formats carriers typed that used to be saved but never understood (issue 14), and what Lotse reads.
UNDERSTOOD = {
    "Mo–Fr 9–12 Uhr": "Mo–Fr 9:00–12:00 Uhr",
    "Mo-Fr 9-12": "Mo–Fr 9:00–12:00 Uhr",
    "Mo - Do 08:00 - 16:00, Fr 08:00 - 12:00": "Mo–Do 8:00–16:00 Uhr; Fr 8:00–12:00 Uhr",
    "werktags 8 bis 16 Uhr": "Mo–Fr 8:00–16:00 Uhr",
    "täglich 0-24 Uhr": "rund um die Uhr",
    "rund um die Uhr": "rund um die Uhr",
    "Mo, Mi 14:30–17:00 Uhr; Fr 9:00–12:00 Uhr": "Mo, Mi 14:30–17:00 Uhr; Fr 9:00–12:00 Uhr",
    "Mo-Fr 9-12 und 14-16 Uhr": "Mo–Fr 9:00–12:00 und 14:00–16:00 Uhr",
    "Di 9–16 Uhr, Mittagspause 12–13 Uhr": "Di 9:00–12:00 und 13:00–16:00 Uhr",
    "Montags 10-12": "Mo 10:00–12:00 Uhr",
    "Sa 10.00-12.00": "Sa 10:00–12:00 Uhr",
    "Mo 9-12 Uhr und nach Vereinbarung": "Mo 9:00–12:00 Uhr; nach Vereinbarung",
}


@pytest.mark.parametrize(("text", "expected"), UNDERSTOOD.items())
def test_german_ways_of_writing_hours_are_understood(text: str, expected: str) -> None:
    assert understood(read_hours(text)) == expected


@pytest.mark.parametrize("text", UNDERSTOOD.values())
def test_what_was_understood_reads_in_again_unchanged(text: str) -> None:
    assert understood(read_hours(text)) == text


@pytest.mark.parametrize(
    "text", ["immer wenn es regnet", "Mo 9 Uhr", "9-12 Uhr", "Di 18:00–08:00", "Fr-Mo 9-12", "Mo 25-26"]
)
def test_unreadable_hours_are_refused_with_an_example(text: str) -> None:
    with pytest.raises(HoursError) as caught:
        read_hours(text)
    assert f"„{text}“ ist als Öffnungszeit nicht lesbar" in str(caught.value)
    assert "zum Beispiel „Mo–Fr 9–12 Uhr" in str(caught.value)


def test_by_appointment_is_a_known_state_without_open_now() -> None:
    schedules = parse_opening_hours("nach Vereinbarung")
    assert describe(schedules) == "nach Vereinbarung"
    assert is_open(schedules) is None


def test_hours_become_weekly_schedules_for_open_now() -> None:
    schedules = parse_opening_hours("Mo - Do 08:00 - 16:00, Fr 08:00 - 12:00")
    thursday_ten = datetime(2026, 12, 3, 10, 0, tzinfo=TIMEZONE)
    friday_one = datetime(2026, 12, 4, 13, 0, tzinfo=TIMEZONE)
    assert is_open(schedules, thursday_ten) is True and is_open(schedules, friday_one) is False


def test_a_break_closes_the_offer_at_noon() -> None:
    schedules = parse_opening_hours("Di 9–16 Uhr, Mittagspause 12–13 Uhr")
    assert is_open(schedules, datetime(2026, 12, 1, 12, 30, tzinfo=TIMEZONE)) is False
    assert is_open(schedules, datetime(2026, 12, 1, 15, 0, tzinfo=TIMEZONE)) is True


def test_around_the_clock_is_open_at_night() -> None:
    schedules = parse_opening_hours("täglich 0-24 Uhr")
    assert is_open(schedules, datetime(2026, 12, 6, 3, 0, tzinfo=TIMEZONE)) is True


def test_the_schedule_text_is_the_understood_one() -> None:
    assert describe(parse_opening_hours("werktags 8 bis 16 Uhr")) == "Mo–Fr 8:00–16:00 Uhr"


def test_an_imported_schedule_of_text_only_is_read_by_the_same_parser() -> None:
    from lotse.directory.opening_hours import read_text_schedule
    from lotse.models import Schedule

    found = read_text_schedule(Schedule(id="s1", description="werktags 8 bis 16 Uhr", extra={}))
    assert [(s.byday, s.opens_at, s.closes_at) for s in found] == [("MO,TU,WE,TH,FR", "08:00:00", "16:00:00")]


def test_an_imported_schedule_the_parser_cannot_read_stays_text() -> None:
    from lotse.directory.opening_hours import read_text_schedule
    from lotse.models import Schedule

    found = read_text_schedule(Schedule(id="s1", description="in den Ferien geschlossen", extra={}))
    assert [s.description for s in found] == ["in den Ferien geschlossen"] and found[0].byday is None
