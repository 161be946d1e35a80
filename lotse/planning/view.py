"""What the planning page, the statistics API and the report read: one selection, one set of figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lotse.models import District
from lotse.planning.charts import MapArea
from lotse.planning.demand import Demand, read_demand
from lotse.planning.figures import DistrictTotal, Row, build_rows, district_totals, largest_gaps, trend
from lotse.planning.periods import Period, PeriodError
from lotse.planning.supply import Supply, read_supply
from lotse.taxonomy import load_taxonomy

#: What the map can shade by.
MEASURES = {"demand": "Nachfrage (Fragen)", "unmet": "ungedeckte Nachfrage"}


@dataclass(frozen=True)
class Selection:
    """A planner's choice: a period, optionally a need (or a need area) and a district, what the map shows."""

    period: Period
    need: str | None = None
    district: str | None = None
    measure: str = "demand"


@dataclass
class Figures:
    """Everything the page shows for a selection."""

    selection: Selection
    need_label: str
    rows: list[Row]
    gaps: list[Row]
    totals: list[DistrictTotal]
    trend: list[tuple[date, int]]
    upkeep: dict[str, int]
    demo: bool
    areas: list[MapArea] = field(default_factory=list)

    @property
    def visible_total(self) -> int:
        """Questions of all visible cells (hidden cells are left out)."""
        return sum(r.questions or 0 for r in self.rows)

    @property
    def visible_unmet(self) -> int:
        """Unmet questions of all visible cells."""
        return sum(r.unmet or 0 for r in self.rows)

    @property
    def hidden_cells(self) -> int:
        """Number of cells shown as "< 5"."""
        return sum(r.hidden for r in self.rows)


def need_codes(need: str | None) -> list[str]:
    """Return the needs a filter stands for (all, an area's, or one); an unknown code is a German error."""
    taxonomy = load_taxonomy()
    if not need:
        return list(taxonomy.needs)
    codes = taxonomy.expand_need(need)
    if not codes:
        raise PeriodError(f"Unbekannter Bedarf „{need}“. Gültig sind die Codes aus GET /api/v1/taxonomy.")
    return [c for c in taxonomy.needs if c in codes]


def need_label(need: str | None) -> str:
    """Return the German name of a need filter ("alle Bedarfe" without one)."""
    return load_taxonomy().label(need) if need else "alle Bedarfe"


def districts_of(session: Session) -> list[District]:
    """Return the districts by name."""
    return list(session.scalars(select(District).order_by(District.name)))


def check_district(session: Session, district: str | None) -> None:
    """Refuse an unknown district with a German message naming the valid ones."""
    if district:
        known = [d.id for d in districts_of(session)]
        if district not in known:
            raise PeriodError(f"Unbekannter Stadtteil „{district}“. Gültig sind: {', '.join(sorted(known))}.")


def compute(session: Session, selection: Selection, today: date, *, supply: Supply | None = None) -> Figures:
    """Compute the figures of a selection (the rows cover every district × chosen need)."""
    check_district(session, selection.district)
    codes = need_codes(selection.need)
    districts = districts_of(session)
    chosen = [d for d in districts if selection.district in (None, d.id)]
    demand: Demand = read_demand(session, selection.period, codes)
    supply = supply or read_supply(session, today)
    taxonomy = load_taxonomy()
    needs = [(c, taxonomy.label(c)) for c in codes]
    rows = build_rows(demand, supply, [(d.id, d.name) for d in chosen], needs)
    if selection.district:
        rows = [r for r in rows if r.district == selection.district]
    totals = district_totals(rows)
    by_id = {t.district: t for t in totals}
    areas = []
    for d in districts:
        total = by_id.get(d.id)
        value = 0 if total is None else (total.unmet if selection.measure == "unmet" else total.questions)
        areas.append(MapArea(d.id, d.name, d.latitude, d.longitude, d.polygon, value))
    return Figures(
        selection=selection,
        need_label=need_label(selection.need),
        rows=rows,
        gaps=largest_gaps(rows),
        totals=totals,
        trend=trend(demand, selection.period.months(), codes, selection.district),
        upkeep=supply.upkeep(codes if selection.need else None),
        demo=demand.demo,
        areas=areas,
    )
