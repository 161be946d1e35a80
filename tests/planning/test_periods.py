"""Periods: month, quarter, year and from–to, with German errors."""

from __future__ import annotations

from datetime import date

import pytest

from lotse.planning.periods import PeriodError, parse_named, parse_span


def test_a_quarter_covers_its_three_months() -> None:
    period = parse_named("2026-Q4")
    assert (period.start, period.end, period.label, period.kind) == (
        date(2026, 10, 1),
        date(2026, 12, 31),
        "4. Quartal 2026",
        "quarter",
    )


def test_a_month_ends_on_its_last_day() -> None:
    assert parse_named("2028-02").end == date(2028, 2, 29)


def test_a_year_lists_its_twelve_months() -> None:
    assert len(parse_named("2026").months()) == 12


def test_an_unknown_period_is_explained_in_german() -> None:
    with pytest.raises(PeriodError, match="kein Zeitraum"):
        parse_named("letzte Woche")


def test_a_span_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(PeriodError, match="vor seinem Anfang"):
        parse_span("2026-11-10", "2026-11-01")
