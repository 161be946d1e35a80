"""Loading many offers fast for an index build: plain rows instead of ORM objects, same summaries.

Building ORM objects costs about 0.8 ms per offer (a dozen related objects each), most of an index build's
time. Here each table is read with one query per batch and the rows are wrapped in light stand-ins that
carry every column (but the imported record, see NOT_READ) and the few model methods `offer_summary` uses,
so the summary code stays the one in lotse.directory.summary. tests/search/test_index.py checks that both
ways give the same summaries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from lotse.models import (
    Address,
    CostOption,
    Language,
    Location,
    Offer,
    OfferDistrict,
    OfferTerm,
    Organization,
    Phone,
    Schedule,
    ServiceAtLocation,
)
from lotse.models.offer import OfferReading

#: Offer columns no summary reads: the HSDS record as it arrived (most of an imported offer's row; decoding
#: it took a third of an index build's reading at 10,000 imported offers).
NOT_READ = frozenset({"original"})


class RowOffer(OfferReading, SimpleNamespace):
    """An offer row with its parts, offering the reading side of the Offer model."""


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def _grouped(
    session: Session, model: Any, key: str, ids: Sequence[str], order: Sequence[str]
) -> dict[str, list[Any]]:
    table = _table(model)
    query = select(table).where(table.c[key].in_(list(ids))).order_by(*(table.c[o] for o in order))
    found: dict[str, list[Any]] = defaultdict(list)
    for row in session.execute(query).mappings():
        found[row[key]].append(SimpleNamespace(**row))
    return found


def load_offer_rows(session: Session, ids: Sequence[str]) -> list[RowOffer]:
    """The offers with these ids (any status) as row stand-ins with all their parts, in id order."""
    if not ids:
        return []
    service = _table(Offer)
    columns = [c for c in service.columns if c.name not in NOT_READ]
    offers = [
        RowOffer(**row)
        for row in session.execute(
            select(*columns).where(service.c.id.in_(list(ids))).order_by(service.c.id)
        ).mappings()
    ]
    org_ids = sorted({o.organization_id for o in offers})
    organization = _table(Organization)
    orgs = {
        row["id"]: SimpleNamespace(**row)
        for row in session.execute(select(organization).where(organization.c.id.in_(org_ids))).mappings()
    }
    org_phones = _grouped(session, Phone, "organization_id", org_ids, ("pk",))
    for org_id, org in orgs.items():
        org.phones = org_phones.get(org_id, [])
    offer_ids = [o.id for o in offers]
    phones = _grouped(session, Phone, "service_id", offer_ids, ("pk",))
    schedules = _grouped(session, Schedule, "service_id", offer_ids, ("pk",))
    languages = _grouped(session, Language, "service_id", offer_ids, ("pk",))
    costs = _grouped(session, CostOption, "service_id", offer_ids, ("pk",))
    terms = _grouped(session, OfferTerm, "service_id", offer_ids, ("code",))
    districts = _grouped(session, OfferDistrict, "service_id", offer_ids, ("district_id",))
    links = _grouped(session, ServiceAtLocation, "service_id", offer_ids, ("id",))
    location_ids = sorted({link.location_id for group in links.values() for link in group})
    locations = {
        loc.id: loc
        for group in _grouped(session, Location, "id", location_ids, ("id",)).values()
        for loc in group
    }
    addresses = _grouped(session, Address, "location_id", location_ids, ("pk",))
    for location in locations.values():
        location.addresses = addresses.get(location.id, [])
    for offer in offers:
        offer.organization = orgs[offer.organization_id]
        offer.phones = phones.get(offer.id, [])
        offer.schedules = schedules.get(offer.id, [])
        offer.languages = languages.get(offer.id, [])
        offer.cost_options = costs.get(offer.id, [])
        offer.terms = terms.get(offer.id, [])
        offer.districts = districts.get(offer.id, [])
        offer.service_at_locations = []
        for link in links.get(offer.id, []):
            link.location = locations[link.location_id]
            offer.service_at_locations.append(link)
    return offers


def active_ids(session: Session, after: str, limit: int) -> list[str]:
    """Ids of active offers after `after`, in id order (keyset paging)."""
    query = select(Offer.id).where(Offer.status == "active", Offer.id > after).order_by(Offer.id).limit(limit)
    return list(session.scalars(query))


def iter_active_rows(session: Session, batch_size: int) -> Iterator[list[RowOffer]]:
    """All active offers as row stand-ins, in batches."""
    last = ""
    while True:
        ids = active_ids(session, last, batch_size)
        if not ids:
            return
        yield load_offer_rows(session, ids)
        last = ids[-1]
