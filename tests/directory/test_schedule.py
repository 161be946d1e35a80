"""Opening hours: German descriptions and the "open now" mark."""

from __future__ import annotations

from datetime import date, datetime

from lotse.directory.schedule import TIMEZONE, describe, is_open
from lotse.models import Schedule


def _weekly(byday: str, opens: str = "09:00:00", closes: str = "12:00:00", **fields: object) -> Schedule:
    return Schedule(id="s", freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes, **fields)


def _at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TIMEZONE)


def test_description_is_generated_in_german_when_missing() -> None:
    assert describe([_weekly("MO,WE", "14:30:00", "17:00:00")]) == "Mo, Mi 14:30–17:00 Uhr"


def test_given_description_is_kept() -> None:
    assert describe([_weekly("MO", description="Mo 8:30–10:00 Uhr")]) == "Mo 8:30–10:00 Uhr"


def test_open_inside_the_hours_of_a_listed_day() -> None:
    # 2026-11-25 is a Wednesday.
    assert is_open([_weekly("WE")], _at(2026, 11, 25, 10)) is True


def test_closed_after_closing_time() -> None:
    assert is_open([_weekly("WE")], _at(2026, 11, 25, 12)) is False


def test_closed_on_other_days() -> None:
    assert is_open([_weekly("MO,TU")], _at(2026, 11, 25, 10)) is False


def test_unknown_without_hours() -> None:
    assert is_open([Schedule(id="s", description="nach Vereinbarung")], _at(2026, 11, 25, 10)) is None


def test_monthly_ordinal_day_is_open_only_on_that_week() -> None:
    # 1st and 3rd Thursday: 2026-11-05 and 2026-11-19 yes, 2026-11-12 no.
    schedule = [Schedule(id="s", freq="MONTHLY", byday="1TH,3TH", opens_at="16:00:00", closes_at="18:00:00")]
    assert is_open(schedule, _at(2026, 11, 5, 17)) is True
    assert is_open(schedule, _at(2026, 11, 19, 17)) is True
    assert is_open(schedule, _at(2026, 11, 12, 17)) is False


def test_last_weekday_of_month_counts_from_the_end() -> None:
    schedule = [Schedule(id="s", freq="MONTHLY", byday="-1FR", opens_at="09:00:00", closes_at="11:00:00")]
    assert is_open(schedule, _at(2026, 11, 27, 10)) is True
    assert is_open(schedule, _at(2026, 11, 20, 10)) is False


def test_schedule_outside_its_validity_is_closed() -> None:
    schedule = [_weekly("WE", valid_from=date(2026, 12, 1))]
    assert is_open(schedule, _at(2026, 11, 25, 10)) is False


def test_ordinal_days_are_described_with_their_number() -> None:
    schedule = [Schedule(id="s", freq="MONTHLY", byday="1TH,3TH", opens_at="16:00:00", closes_at="18:00:00")]
    assert describe(schedule) == "1. Do, 3. Do 16:00–18:00 Uhr"


def test_hours_valid_from_a_later_day_say_from_when_and_are_not_open_yet() -> None:
    later = _weekly("WE", valid_from=date(2027, 1, 6))
    assert describe([later], date(2026, 11, 25)) == "ab 06.01.2027: Mi 09:00–12:00 Uhr"
    assert is_open([later], _at(2026, 11, 25, 10)) is False


def test_expired_hours_are_not_shown_and_do_not_count_as_known() -> None:
    expired = _weekly("WE", valid_to=date(2020, 12, 31))
    assert describe([expired], date(2026, 11, 25)) is None
    assert is_open([expired], _at(2026, 11, 25, 10)) is None
