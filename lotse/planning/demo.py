"""Demonstration counts: `lotse stats demo` fills a fresh database with plausible question counts.

They are rows of their own (`demo = true`), shown as demonstration on the page, in the API and in the report,
and refused on a database that already holds real counts, so they can never pass for real ones.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from lotse.db import Database
from lotse.models import District, RouteStat, RouteStatMonth
from lotse.planning.demand import holds_real_counts
from lotse.planning.supply import Supply, read_supply
from lotse.routing.stats import NO_NEED

#: Days filled, ending yesterday (within the 13 months kept as days).
DAYS = 365
#: Questions per workday and need in an average district: the needs case workers meet most often.
NEED_RATES = {
    "GEL.SCHULD": 0.9, "GEL.ENERG": 0.5, "GEL.BGELD": 0.8, "GEL.WOGELD": 0.5, "GEL.GRUSI": 0.3,
    "WOH.DROH": 0.5, "WOH.SUCH": 0.6, "WOH.WLOS": 0.2, "VER.TAFEL": 0.6, "VER.MOEB": 0.2,
    "ARB.VERM": 0.4, "GES.KV": 0.3, "GES.PRAEV": 0.15, "FAM.ERZ": 0.3, "SEE.PSY": 0.35,
    "SEE.SUCHT": 0.2, "MIG.MBE": 0.35, "MIG.SPRA": 0.3, "ALT.PFLB": 0.3, "SEE.EINS": 0.15, "NOT.HGEW": 0.1,
}  # fmt: skip
#: All rates times this: about 45 questions a workday in the whole town (16 districts).
SCALE = 0.4
#: Questions per workday without a recognised need, per district.
NO_NEED_RATE = 0.3
#: Energy debts peak in winter: the rate is multiplied by 1 + WINTER·cos(season).
WINTER = 0.5


class DemoRefused(Exception):
    """Demonstration counts would mix with real ones; the message is German."""


def fill_demo(db: Database, today: date, seed: int = 11) -> int:
    """Replace the demonstration counts by a year of plausible ones; return the rows written."""
    with db.writing() as session:
        if holds_real_counts(session):
            raise DemoRefused(
                "Diese Datenbank enthält echte Zählungen von Lotsenfragen; Demonstrationszahlen würden sie "
                "verfälschen. Bitte eine frische Datenbank nehmen."
            )
        remove_demo(session)
        rows = _rows(session, today, random.Random(seed))
        if rows:
            session.execute(insert(RouteStat), rows)
        return len(rows)


def remove_demo(session: Session) -> None:
    """Delete every demonstration count."""
    for model in (RouteStat, RouteStatMonth):
        session.execute(delete(model).where(model.demo.is_(True)))


def _rows(session: Session, today: date, rng: random.Random) -> list[dict[str, object]]:
    districts = list(session.scalars(select(District).order_by(District.id)))
    supply = read_supply(session, today)
    from lotse.taxonomy import load_taxonomy

    known = load_taxonomy().needs
    rates = {code: rate for code, rate in NEED_RATES.items() if code in known}
    size = {d.id: rng.uniform(0.4, 1.6) for d in districts}
    rows: list[dict[str, object]] = []
    for offset in range(DAYS, 0, -1):
        day = today - timedelta(days=offset)
        if day.weekday() >= 5:  # case workers ask on workdays
            continue
        season = math.cos(2 * math.pi * (day.timetuple().tm_yday - 15) / 365)
        for district in districts:
            for code, rate in rates.items():
                factor = 1 + WINTER * season if code == "GEL.ENERG" else 1.0
                count = _poisson(rng, SCALE * rate * size[district.id] * factor)
                if count:
                    unmet = 0 if _served(supply, district.id, code) else count
                    rows.append(_row(day, district.id, code, count, unmet))
            count = _poisson(rng, SCALE * NO_NEED_RATE * size[district.id])
            if count:
                rows.append(_row(day, district.id, NO_NEED, count, 0))
    return rows


def _served(supply: Supply, district: str, code: str) -> bool:
    """Tell whether an offer for the need reaches the district (in it, a neighbour or city-wide)."""
    key = (district, code)
    return bool(supply.in_district.get(key) or supply.near.get(key) or supply.city_wide.get(code))


def _row(day: date, district: str, code: str, count: int, unmet: int) -> dict[str, object]:
    return {
        "day": day,
        "district_id": district,
        "need_code": code,
        "demo": True,
        "count": count,
        "unmet": unmet,
    }


def _poisson(rng: random.Random, mean: float) -> int:
    """Draw a Poisson count (Knuth's method: means here are small)."""
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k
