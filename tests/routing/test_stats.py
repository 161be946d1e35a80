"""Statistics of the Lotse question: needs, unmet needs and questions without a need, never the text."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from lotse.db import Database
from lotse.models import RouteStat, RouteStatMonth
from lotse.routing.service import DetectedNeed, Referral, RouteAnswer
from lotse.routing.stats import NO_NEED, RouteStats, first_of_month, fold_old_days, unmet_needs
from tests.routing.offer_builders import summary

DAY = date(2026, 11, 20)


def need(code: str, score: float = 0.9) -> DetectedNeed:
    return DetectedNeed(code, code, score, ())


def referral(code: str | None, districts: list[str], city_wide: bool = False) -> Referral:
    return Referral(code, 0.8, None, (), summary("x", districts=districts, city_wide=city_wide))


def answer(needs: list[DetectedNeed], referrals: list[Referral]) -> RouteAnswer:
    return RouteAnswer(needs, referrals)


def test_a_need_with_an_offer_in_the_district_is_met() -> None:
    codes, unmet = unmet_needs(answer([need("GEL.SCHULD")], [referral("GEL.SCHULD", ["mitte"])]), "mitte", [])
    assert codes == ["GEL.SCHULD"] and unmet == set()


def test_a_need_with_an_offer_only_in_a_neighbour_is_met() -> None:
    _codes, unmet = unmet_needs(
        answer([need("GEL.SCHULD")], [referral("GEL.SCHULD", ["nord"])]), "mitte", ["nord"]
    )
    assert unmet == set()


def test_a_city_wide_offer_meets_the_need() -> None:
    _codes, unmet = unmet_needs(answer([need("GEL.SCHULD")], [referral("GEL.SCHULD", [], True)]), "mitte", [])
    assert unmet == set()


def test_a_need_whose_only_offers_are_far_away_is_unmet() -> None:
    found = answer(
        [need("GEL.SCHULD"), need("WOH.DROH")],
        [referral("GEL.SCHULD", ["sued"]), referral("WOH.DROH", ["mitte"])],
    )
    assert unmet_needs(found, "mitte", ["nord"]) == (["GEL.SCHULD", "WOH.DROH"], {"GEL.SCHULD"})


def test_general_advice_does_not_meet_a_need() -> None:
    found = answer([need("GES.KV")], [referral(None, ["mitte"])])
    assert unmet_needs(found, "mitte", []) == (["GES.KV"], {"GES.KV"})


def test_without_a_district_any_referral_meets_the_need() -> None:
    assert unmet_needs(answer([need("GEL.SCHULD")], [referral("GEL.SCHULD", ["sued"])]), None, []) == (
        ["GEL.SCHULD"],
        set(),
    )


def test_the_low_scored_general_advice_fallback_counts_as_no_need() -> None:
    assert unmet_needs(answer([need("ALL.SOZB", 0.1)], [referral(None, ["mitte"])]), "mitte", []) == (
        [],
        set(),
    )


def test_general_advice_recognised_with_confidence_is_a_need() -> None:
    codes, _unmet = unmet_needs(
        answer([need("ALL.SOZB", 0.8)], [referral("ALL.SOZB", ["mitte"])]), "mitte", []
    )
    assert codes == ["ALL.SOZB"]


def _rows(db: Database) -> list[tuple[Any, ...]]:
    with db.session() as session:
        rows = session.execute(
            select(RouteStat.district_id, RouteStat.need_code, RouteStat.count, RouteStat.unmet)
        )
        return sorted(tuple(r) for r in rows)


def test_recorded_answers_are_written_with_their_unmet_and_no_need_counts(db: Database) -> None:
    stats = RouteStats(
        db, flush_seconds=3600, today=lambda: DAY, neighbours=lambda d: ["nord"] if d == "mitte" else []
    )
    met = answer([need("GEL.SCHULD")], [referral("GEL.SCHULD", ["nord"])])
    missing = answer([need("GEL.SCHULD")], [referral("GEL.SCHULD", ["sued"])])
    nothing = answer([need("ALL.SOZB", 0.1)], [])
    for found in (met, missing, missing, nothing):
        stats.record_answer("mitte", found)
    assert _rows(db) == []  # counted in memory until the batch is due
    stats.flush()
    assert _rows(db) == [("mitte", NO_NEED, 1, 0), ("mitte", "GEL.SCHULD", 3, 2)]


def test_a_second_batch_adds_to_the_written_counts(db: Database) -> None:
    stats = RouteStats(db, flush_seconds=3600, today=lambda: DAY)
    stats.record("mitte", ["GEL.SCHULD"], ["GEL.SCHULD"])
    stats.flush()
    stats.record("mitte", ["GEL.SCHULD"])
    stats.flush()
    assert _rows(db) == [("mitte", "GEL.SCHULD", 2, 1)]


def test_day_rows_older_than_13_months_are_folded_into_months(db: Database) -> None:
    today = date(2026, 12, 4)
    with db.writing() as session:
        for day, count in ((date(2025, 10, 3), 2), (date(2025, 10, 20), 4), (date(2025, 11, 2), 1)):
            session.add(RouteStat(day=day, district_id="mitte", need_code="GEL.SCHULD", count=count, unmet=1))
    with db.writing() as session:
        assert fold_old_days(db, session, today) == 2
    with db.session() as session:
        months = [(r.month, r.count, r.unmet) for r in session.scalars(select(RouteStatMonth))]
        days = [r.day for r in session.scalars(select(RouteStat))]
    assert months == [(date(2025, 10, 1), 6, 2)]
    assert days == [date(2025, 11, 2)]


def test_the_recorder_folds_old_days_after_writing(db: Database) -> None:
    with db.writing() as session:
        session.add(RouteStat(day=date(2024, 5, 2), district_id="mitte", need_code="GEL.SCHULD", count=3))
    stats = RouteStats(db, flush_seconds=3600, today=lambda: DAY)
    stats.record("mitte", ["GEL.SCHULD"])
    stats.flush()
    with db.session() as session:
        assert [r.day for r in session.scalars(select(RouteStat))] == [DAY]
        assert [r.month for r in session.scalars(select(RouteStatMonth))] == [date(2024, 5, 1)]


def test_first_of_month_counts_back_across_years() -> None:
    assert first_of_month(date(2026, 2, 17), 13) == date(2025, 1, 1)


def test_with_the_background_writer_a_question_never_writes_itself(db: Database) -> None:
    """In a serving process the counts are written by the background thread, never in a question's thread
    (which would queue for the database's write lock behind an edit)."""
    now = [0.0]
    stats = RouteStats(db, flush_seconds=3600, today=lambda: DAY, clock=lambda: now[0], background=True)
    try:
        now[0] = 7200.0
        stats.record("mitte", ["GEL.SCHULD"])  # due by the clock: a question's thread would have written it
        assert _rows(db) == [] and stats.pending == 1
    finally:
        stats.close()
    assert _rows(db) == [("mitte", "GEL.SCHULD", 1, 0)]
