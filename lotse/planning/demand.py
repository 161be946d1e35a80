"""Demand: the counted Lotse questions of a period per district and need (day rows and folded months)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lotse.models import RouteStat, RouteStatMonth
from lotse.planning.periods import Period
from lotse.routing.stats import NO_NEED, first_of_month

Cell = tuple[str, str]  # (district id, "" for none; need code)


@dataclass
class Demand:
    """Questions and unmet questions per (district, need), per month too, and questions without a need."""

    questions: Counter[Cell] = field(default_factory=Counter)
    unmet: Counter[Cell] = field(default_factory=Counter)
    #: (month, district, need) -> questions, for the trend
    monthly: Counter[tuple[date, str, str]] = field(default_factory=Counter)
    #: district -> questions in which no need was recognised
    no_need: Counter[str] = field(default_factory=Counter)
    #: whether demonstration counts are part of the figures
    demo: bool = False


def read_demand(session: Session, period: Period, needs: Iterable[str] | None = None) -> Demand:
    """Add up the counts of a period (a folded month counts when its first day lies in the period)."""
    wanted = set(needs) if needs is not None else None
    demand = Demand()
    days, months = RouteStat, RouteStatMonth
    day_rows = session.execute(
        select(days.day, days.district_id, days.need_code, days.count, days.unmet, days.demo).where(
            days.day >= period.start, days.day <= period.end
        )
    )
    month_rows = session.execute(
        select(
            months.month, months.district_id, months.need_code, months.count, months.unmet, months.demo
        ).where(months.month >= period.start, months.month <= period.end)
    )
    for day, district, code, count, unmet, demo in [*day_rows, *month_rows]:
        demand.demo = demand.demo or bool(demo)
        if code == NO_NEED:
            demand.no_need[district] += count
            continue
        if wanted is not None and code not in wanted:
            continue
        demand.questions[(district, code)] += count
        demand.unmet[(district, code)] += unmet
        demand.monthly[(first_of_month(day), district, code)] += count
    return demand


def holds_real_counts(session: Session) -> bool:
    """Tell whether any counted question is real (not demonstration)."""
    for model in (RouteStat, RouteStatMonth):
        if session.scalar(select(model.need_code).where(model.demo.is_(False)).limit(1)) is not None:
            return True
    return False
