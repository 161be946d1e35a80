"""Reading the directory: offers with their parts loaded in few queries, organisations, districts."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from lotse.models import Attribute, District, Offer, Organization, ServiceAtLocation

#: Everything an offer summary or an HSDS service shows, loaded with one query per relation.
OFFER_PARTS = (
    selectinload(Offer.organization).selectinload(Organization.phones),
    selectinload(Offer.phones),
    selectinload(Offer.schedules),
    selectinload(Offer.languages),
    selectinload(Offer.service_areas),
    selectinload(Offer.cost_options),
    selectinload(Offer.terms),
    selectinload(Offer.districts),
    selectinload(Offer.service_at_locations).selectinload(ServiceAtLocation.location),
)


def offers_query(*, active_only: bool = False) -> Select[tuple[Offer]]:
    """Return a select of offers with all their parts, in id order."""
    query = select(Offer).options(*OFFER_PARTS).order_by(Offer.id)
    return query.where(Offer.status == "active") if active_only else query


def get_offer(session: Session, offer_id: str) -> Offer | None:
    """Return one offer with its parts, or None."""
    return session.scalars(offers_query().where(Offer.id == offer_id)).first()


def get_offers(session: Session, ids: Sequence[str]) -> dict[str, Offer]:
    """Return offers by id (unknown ids are left out)."""
    if not ids:
        return {}
    return {o.id: o for o in session.scalars(offers_query().where(Offer.id.in_(list(ids))))}


def foreign_attributes(session: Session, offer_ids: Sequence[str]) -> dict[str, list[Attribute]]:
    """Return the attributes in other taxonomies than Lotse's, per offer id."""
    result: dict[str, list[Attribute]] = {i: [] for i in offer_ids}
    if offer_ids:
        query = select(Attribute).where(Attribute.service_id.in_(list(offer_ids))).order_by(Attribute.pk)
        for attribute in session.scalars(query):
            result[attribute.service_id].append(attribute)
    return result


def page(
    session: Session, query: Select[tuple[Offer]] | Select[tuple[Organization]], number: int, size: int
) -> tuple[list[object], int]:
    """Return one page of a query and the total count."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    items = list(session.scalars(query.limit(size).offset((number - 1) * size)))
    return items, total


def districts(session: Session) -> list[District]:
    """Return all districts by name."""
    return list(session.scalars(select(District).order_by(District.name)))


def organizations_query() -> Select[tuple[Organization]]:
    """Return a select of organisations by name with their phones."""
    return (
        select(Organization)
        .options(selectinload(Organization.phones))
        .order_by(Organization.name, Organization.id)
    )


def offer_counts(session: Session) -> dict[str, int]:
    """Return the number of active offers per organisation id."""
    query = (
        select(Offer.organization_id, func.count())
        .where(Offer.status == "active")
        .group_by(Offer.organization_id)
    )
    return {org_id: count for org_id, count in session.execute(query).tuples()}
