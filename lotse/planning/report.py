"""The quarterly report for the Sozialkonferenz: most asked needs, largest gaps, offer changes, upkeep."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lotse.models import ChangeLog, Offer, Organization
from lotse.planning.figures import Row
from lotse.planning.periods import Period
from lotse.planning.supply import OfferCare, read_supply
from lotse.planning.view import Figures, Selection, compute

#: Needs listed per district, and gaps listed in all.
TOP_NEEDS = 5
TOP_GAPS = 20


@dataclass(frozen=True)
class OfferChange:
    """An offer that was added or changed in the quarter."""

    id: str
    name: str
    organization: str
    kind: str  # "neu" or "geändert"
    last: date


@dataclass(frozen=True)
class CarrierUpkeep:
    """A carrier's listings overdue for confirmation and its offers without contact data."""

    organization: str
    stale: list[OfferCare]
    no_contact: list[OfferCare]


@dataclass
class QuarterReport:
    """Everything the report shows."""

    period: Period
    figures: Figures
    top_needs: dict[str, list[Row]]
    gaps: list[Row]
    changes: list[OfferChange]
    carriers: list[CarrierUpkeep]
    created: date


def quarter_report(session: Session, period: Period, today: date) -> QuarterReport:
    """Assemble the report of a quarter (counts as published: cells under 5 hidden and left out)."""
    supply = read_supply(session, today)
    figures = compute(session, Selection(period), today, supply=supply)
    top: dict[str, list[Row]] = {}
    for row in figures.rows:
        if row.questions:
            top.setdefault(row.district_name, []).append(row)
    top_needs = {
        name: sorted(rows, key=lambda r: (-(r.questions or 0), r.need_label))[:TOP_NEEDS]
        for name, rows in sorted(top.items())
    }
    gaps = [r for r in figures.gaps if r.unmet][:TOP_GAPS]
    carriers: dict[str, tuple[list[OfferCare], list[OfferCare]]] = defaultdict(lambda: ([], []))
    for offer in sorted(supply.offers, key=lambda o: (o.organization, o.name)):
        if offer.stale:
            carriers[offer.organization][0].append(offer)
        if offer.no_contact:
            carriers[offer.organization][1].append(offer)
    return QuarterReport(
        period=period,
        figures=figures,
        top_needs=top_needs,
        gaps=gaps,
        changes=offer_changes(session, period),
        carriers=[CarrierUpkeep(name, stale, none) for name, (stale, none) in sorted(carriers.items())],
        created=today,
    )


def offer_changes(session: Session, period: Period) -> list[OfferChange]:
    """Return the offers added (first version in the quarter) or changed in the quarter, newest first."""
    start = datetime.combine(period.start, time.min, tzinfo=UTC)
    end = datetime.combine(period.end + timedelta(days=1), time.min, tzinfo=UTC)
    changed = (
        select(
            ChangeLog.service_id,
            func.min(ChangeLog.version).label("first"),
            func.max(ChangeLog.changed_at).label("last"),
        )
        .where(ChangeLog.changed_at >= start, ChangeLog.changed_at < end)
        .group_by(ChangeLog.service_id)
        .subquery()
    )
    rows = session.execute(
        select(Offer.id, Offer.name, Organization.name, changed.c.first, changed.c.last)
        .join(changed, changed.c.service_id == Offer.id)
        .join(Organization, Organization.id == Offer.organization_id)
        .order_by(changed.c.last.desc(), Offer.name)
    )
    return [
        OfferChange(ident, name, organization, "neu" if first == 1 else "geändert", _day(last))
        for ident, name, organization, first, last in rows
    ]


def _day(moment: datetime | date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment
