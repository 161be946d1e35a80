"""Opening hours written as text are read back into weekly schedules."""

from __future__ import annotations

from lotse.directory.opening_hours import parse_opening_hours
from lotse.directory.schedule import describe


def test_opening_hours_are_read_back_into_weekly_schedules() -> None:
    schedules = parse_opening_hours("Mo–Fr 9:00–12:00 Uhr; Sa 10.00-12.00")
    assert [(s.byday, s.opens_at, s.closes_at) for s in schedules] == [
        ("MO,TU,WE,TH,FR", "09:00:00", "12:00:00"),
        ("SA", "10:00:00", "12:00:00"),
    ]


def test_opening_hours_in_free_words_stay_text() -> None:
    schedule = parse_opening_hours("nach Vereinbarung")[0]
    assert schedule.description == "nach Vereinbarung" and schedule.byday is None


def test_hours_read_back_describe_themselves_the_same_way() -> None:
    text = "Mo, Mi 14:30–17:00 Uhr; Fr 09:00–12:00 Uhr"
    schedules = parse_opening_hours(text)
    for schedule in schedules:
        schedule.description = None  # only the weekly fields remain
    assert describe(schedules) == text


def test_every_day_is_understood() -> None:
    assert parse_opening_hours("täglich 8:00–20:00")[0].byday == "MO,TU,WE,TH,FR,SA,SU"


def test_a_closing_before_the_opening_is_marked() -> None:
    assert parse_opening_hours("Di 18:00–08:00")[0].extra == {"invalid": True}
