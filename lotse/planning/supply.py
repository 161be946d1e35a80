"""Supply: the active offers per need and district (in the district, a neighbour, city-wide), their upkeep."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from lotse.directory.offers import STALE_AFTER_DAYS
from lotse.models import District, Offer

Cell = tuple[str, str]  # (district id, need code)


@dataclass(frozen=True)
class OfferCare:
    """What a planner and a carrier should know about the upkeep of one active offer."""

    id: str
    name: str
    organization_id: str
    organization: str
    needs: frozenset[str]
    stale: bool
    no_contact: bool
    no_hours: bool


@dataclass
class Supply:
    """Active offers per (district, need) by reach, city-wide offers per need, and the offers' upkeep."""

    in_district: Counter[Cell] = field(default_factory=Counter)
    near: Counter[Cell] = field(default_factory=Counter)
    city_wide: Counter[str] = field(default_factory=Counter)
    offers: list[OfferCare] = field(default_factory=list)

    def upkeep(self, needs: Iterable[str] | None = None) -> dict[str, int]:
        """Count the offers (of some needs) not confirmed for 180 days, without contact, without hours."""
        wanted = set(needs) if needs is not None else None
        chosen = [o for o in self.offers if wanted is None or o.needs & wanted]
        return {
            "offers": len(chosen),
            "stale": sum(o.stale for o in chosen),
            "no_contact": sum(o.no_contact for o in chosen),
            "no_hours": sum(o.no_hours for o in chosen),
        }


def read_supply(session: Session, today: date) -> Supply:
    """Count the active offers by need and reach for every district."""
    neighbours = {d.id: set(d.neighbours or ()) for d in session.scalars(select(District))}
    offers = session.scalars(
        select(Offer)
        .where(Offer.status == "active")
        .options(
            selectinload(Offer.terms),
            selectinload(Offer.districts),
            selectinload(Offer.phones),
            selectinload(Offer.schedules),
            selectinload(Offer.organization),
        )
    )
    supply = Supply()
    limit = today - timedelta(days=STALE_AFTER_DAYS)
    for offer in offers:
        needs = frozenset(offer.codes("need"))
        served = set(offer.district_ids)
        organization = offer.organization
        supply.offers.append(
            OfferCare(
                id=offer.id,
                name=offer.name,
                organization_id=organization.id,
                organization=organization.name,
                needs=needs,
                stale=offer.assured_date is None or offer.assured_date < limit,
                no_contact=not (offer.phones or organization.phones or offer.email or organization.email),
                no_hours=not offer.schedules,
            )
        )
        for code in needs:
            if offer.city_wide:
                supply.city_wide[code] += 1
                continue
            for district, near in neighbours.items():
                if district in served:
                    supply.in_district[(district, code)] += 1
                elif served & near:
                    supply.near[(district, code)] += 1
    return supply
