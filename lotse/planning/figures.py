"""The planners' figures: district × need rows, district totals and the monthly trend, with the privacy rule.

Privacy: a count of fewer than `MIN_CELL` questions (but more than none) is never published. It is shown as
"< 5" (None in the API) and left out of every sum, so no total minus the visible cells can reveal it. The
trend adds up only (month, district, need) cells of at least `MIN_CELL`, for the same reason. Rows whose
count is hidden are never ordered by that count either (that would reveal which hidden count is larger).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from lotse.planning.demand import Demand
from lotse.planning.supply import Supply

#: Smallest count of questions that is published.
MIN_CELL = 5
#: How a hidden count reads.
HIDDEN = "< 5"
#: The name of the "district" of questions that named none.
NO_DISTRICT_NAME = "ohne Stadtteil"


def shown(count: int) -> int | None:
    """Return a count as it may be published: None when it is above zero and below `MIN_CELL`."""
    return None if 0 < count < MIN_CELL else count


def display(count: int | None) -> str:
    """Return a published count as German text ("< 5" for a hidden one, 1.234 with a thousands dot)."""
    return HIDDEN if count is None else f"{count:,}".replace(",", ".")


@dataclass(frozen=True)
class Row:
    """One district and need: questions, unmet questions and offers by reach (counts as published)."""

    district: str | None
    district_name: str
    need: str
    need_label: str
    questions: int | None
    unmet: int | None
    no_need: int | None
    offers_in_district: int
    offers_near: int
    offers_city_wide: int

    @property
    def hidden(self) -> bool:
        """Tell whether the count of questions is hidden."""
        return self.questions is None

    def as_dict(self) -> dict[str, object]:
        """Return the row as the API publishes it."""
        return {
            "district": self.district,
            "need": self.need,
            "questions": self.questions,
            "unmet": self.unmet,
            "no_need": self.no_need,
            "offers_in_district": self.offers_in_district,
            "offers_near": self.offers_near,
            "offers_city_wide": self.offers_city_wide,
        }


@dataclass(frozen=True)
class DistrictTotal:
    """A district's published questions and unmet questions (sums of visible cells only) for the map."""

    district: str | None
    name: str
    questions: int
    unmet: int
    no_need: int | None
    hidden_cells: int


def build_rows(
    demand: Demand,
    supply: Supply,
    districts: Sequence[tuple[str, str]],
    needs: Sequence[tuple[str, str]],
    *,
    only_asked: bool = False,
) -> list[Row]:
    """Return a row per district (and "no district", when asked from there) and need, in the given order."""
    places: list[tuple[str | None, str]] = list(districts)
    if any(district == "" for district, _ in demand.questions) or demand.no_need.get("", 0):
        places.append((None, NO_DISTRICT_NAME))
    rows: list[Row] = []
    for district, name in places:
        key = district or ""
        no_need = shown(demand.no_need.get(key, 0))
        for code, label in needs:
            asked = demand.questions.get((key, code), 0)
            if only_asked and not asked:
                continue
            questions = shown(asked)
            unmet = demand.unmet.get((key, code), 0)
            rows.append(
                Row(
                    district=district,
                    district_name=name,
                    need=code,
                    need_label=label,
                    questions=questions,
                    unmet=None if questions is None else shown(unmet),
                    no_need=no_need,
                    offers_in_district=supply.in_district.get((key, code), 0),
                    offers_near=supply.near.get((key, code), 0),
                    offers_city_wide=supply.city_wide.get(code, 0),
                )
            )
    return rows


def largest_gaps(rows: Iterable[Row]) -> list[Row]:
    """Order asked rows by gap: most unmet, then no offer in the district, then most asked; hidden last."""
    asked = [r for r in rows if r.questions != 0]
    visible = [r for r in asked if not r.hidden]
    hidden = [r for r in asked if r.hidden]
    visible.sort(
        key=lambda r: (
            -(r.unmet or 0),
            r.offers_in_district > 0,
            -(r.questions or 0),
            r.district_name,
            r.need,
        )
    )
    hidden.sort(key=lambda r: (r.district_name, r.need_label))
    return visible + hidden


def district_totals(rows: Iterable[Row]) -> list[DistrictTotal]:
    """Add up each district's visible cells (hidden ones are left out and only counted as cells)."""
    questions: Counter[str | None] = Counter()
    unmet: Counter[str | None] = Counter()
    hidden: Counter[str | None] = Counter()
    names: dict[str | None, str] = {}
    no_need: dict[str | None, int | None] = {}
    for row in rows:
        names[row.district] = row.district_name
        no_need[row.district] = row.no_need
        questions[row.district] += row.questions or 0
        unmet[row.district] += row.unmet or 0
        hidden[row.district] += row.hidden
    return [DistrictTotal(d, names[d], questions[d], unmet[d], no_need[d], hidden[d]) for d in names]


def trend(
    demand: Demand, months: Sequence[date], needs: Iterable[str], district: str | None = None
) -> list[tuple[date, int]]:
    """Return questions per month of some needs: the sum of the (month, district, need) cells of 5 or more."""
    wanted = set(needs)
    totals: Counter[date] = Counter()
    for (month, place, code), count in demand.monthly.items():
        if code in wanted and count >= MIN_CELL and district in (None, place):
            totals[month] += count
    return [(month, totals.get(month, 0)) for month in months]
