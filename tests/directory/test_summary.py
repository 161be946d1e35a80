"""The typed OfferSummary: stored as plain values and read back, "open now" decided from its hours."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from lotse.directory.schedule import TIMEZONE, ScheduleRow
from lotse.directory.summary import OfferSummary
from tests.routing.offer_builders import summary

MONDAY_TEN = datetime(2026, 11, 23, 10, 0, tzinfo=TIMEZONE)
MONDAY_MORNING = (ScheduleRow("WEEKLY", 1, "MO", None, "09:00", "12:00", None, None),)


def test_a_stored_summary_reads_back_equal() -> None:
    original = replace(
        summary("Tafel", needs=["VER.TAFEL"], last_verified=date(2026, 5, 1)), hours=MONDAY_MORNING
    )
    assert OfferSummary.from_record(original.to_record(), original.hours) == original


def test_the_stored_record_holds_plain_values_only() -> None:
    record = summary("Tafel", needs=["VER.TAFEL"]).to_record()
    assert isinstance(record["organization"], dict) and isinstance(record["needs"], list)
    assert "hours" not in record and "open_now" not in record


def test_a_record_of_an_earlier_index_generation_is_read() -> None:
    # Indexes written before the typed summary stored "open_now" and lacked later fields.
    record = summary("Tafel").to_record()
    del record["accessibility"], record["application_process"]
    record["open_now"] = True
    read = OfferSummary.from_record(record)
    assert (read.accessibility, read.application_process, read.open_now) == ((), None, None)


def test_open_now_is_read_from_the_hours_at_the_moment() -> None:
    offer = replace(summary("Tafel"), hours=MONDAY_MORNING)
    assert offer.at(MONDAY_TEN).open_now is True
    assert offer.at(MONDAY_TEN.replace(hour=13)).open_now is False


def test_without_hours_open_now_is_unknown() -> None:
    assert summary("Tafel").at(MONDAY_TEN).open_now is None
