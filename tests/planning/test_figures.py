"""The planners' figures: cells under 5 hidden and left out of sums, gaps first, a trend of safe cells."""

from __future__ import annotations

from datetime import date

from lotse.planning.demand import Demand
from lotse.planning.figures import build_rows, display, district_totals, largest_gaps, trend
from lotse.planning.supply import Supply

DISTRICTS = [("mitte", "Mitte"), ("nord", "Nord")]
NEEDS = [("GEL.SCHULD", "Schulden"), ("WOH.DROH", "Wohnung")]
NOV, DEC = date(2026, 11, 1), date(2026, 12, 1)


def demand(cells: dict[tuple[str, str], tuple[int, int]], no_need: dict[str, int] | None = None) -> Demand:
    found = Demand()
    for (district, code), (count, unmet) in cells.items():
        found.questions[(district, code)] = count
        found.unmet[(district, code)] = unmet
        found.monthly[(NOV, district, code)] = count
    found.no_need.update(no_need or {})
    return found


def row(rows, district: str, code: str):  # type: ignore[no-untyped-def]
    return next(r for r in rows if r.district == district and r.need == code)


def test_a_cell_of_4_questions_is_hidden_and_its_unmet_count_too() -> None:
    rows = build_rows(demand({("mitte", "GEL.SCHULD"): (4, 4)}), Supply(), DISTRICTS, NEEDS)
    hidden = row(rows, "mitte", "GEL.SCHULD")
    assert hidden.questions is None and hidden.unmet is None and display(hidden.questions) == "< 5"


def test_a_cell_of_5_questions_is_shown_but_its_3_unmet_are_hidden() -> None:
    shown = row(
        build_rows(demand({("mitte", "GEL.SCHULD"): (5, 3)}), Supply(), DISTRICTS, NEEDS),
        "mitte",
        "GEL.SCHULD",
    )
    assert (shown.questions, shown.unmet) == (5, None)


def test_district_totals_leave_hidden_cells_out() -> None:
    rows = build_rows(
        demand(
            {("mitte", "GEL.SCHULD"): (4, 0), ("mitte", "WOH.DROH"): (7, 5), ("nord", "WOH.DROH"): (2, 2)}
        ),
        Supply(),
        DISTRICTS,
        NEEDS,
    )
    totals = {t.district: (t.questions, t.unmet, t.hidden_cells) for t in district_totals(rows)}
    assert totals == {"mitte": (7, 5, 1), "nord": (0, 0, 1)}


def test_questions_without_a_need_under_5_are_hidden() -> None:
    rows = build_rows(demand({}, {"mitte": 3, "nord": 6}), Supply(), DISTRICTS, NEEDS)
    assert row(rows, "mitte", "GEL.SCHULD").no_need is None and row(rows, "nord", "GEL.SCHULD").no_need == 6


def test_largest_gaps_come_first_and_hidden_rows_last_by_name_only() -> None:
    rows = build_rows(
        demand(
            {
                ("mitte", "GEL.SCHULD"): (20, 5),
                ("nord", "GEL.SCHULD"): (9, 9),
                ("mitte", "WOH.DROH"): (4, 0),
                ("nord", "WOH.DROH"): (1, 0),
            }
        ),
        Supply(),
        DISTRICTS,
        NEEDS,
    )
    order = [(r.district, r.need) for r in largest_gaps(rows)]
    assert order == [
        ("nord", "GEL.SCHULD"),
        ("mitte", "GEL.SCHULD"),
        ("mitte", "WOH.DROH"),
        ("nord", "WOH.DROH"),
    ]


def test_supply_is_split_into_district_neighbours_and_city_wide() -> None:
    supply = Supply()
    supply.in_district[("mitte", "GEL.SCHULD")] = 2
    supply.near[("nord", "GEL.SCHULD")] = 2
    supply.city_wide["GEL.SCHULD"] = 1
    rows = build_rows(Demand(), supply, DISTRICTS, NEEDS)
    assert (
        row(rows, "mitte", "GEL.SCHULD").offers_in_district,
        row(rows, "nord", "GEL.SCHULD").offers_near,
    ) == (2, 2)
    assert row(rows, "nord", "GEL.SCHULD").offers_city_wide == 1


def test_the_trend_adds_only_cells_of_at_least_5() -> None:
    found = Demand()
    found.monthly.update(
        {(NOV, "mitte", "GEL.SCHULD"): 6, (NOV, "nord", "GEL.SCHULD"): 4, (DEC, "nord", "GEL.SCHULD"): 5}
    )
    assert trend(found, [NOV, DEC], ["GEL.SCHULD"]) == [(NOV, 6), (DEC, 5)]
    assert trend(found, [NOV, DEC], ["GEL.SCHULD"], district="nord") == [(NOV, 0), (DEC, 5)]


def test_questions_from_no_district_get_their_own_rows() -> None:
    rows = build_rows(demand({("", "GEL.SCHULD"): (8, 0)}), Supply(), DISTRICTS, NEEDS)
    assert row(rows, None, "GEL.SCHULD").district_name == "ohne Stadtteil"
