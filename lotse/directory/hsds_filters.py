"""The filters of the HSDS API as queries: text, organisation, term, taxonomy, change, postcode."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from lotse.directory import reading
from lotse.models import (
    Address,
    Attribute,
    Offer,
    OfferTerm,
    Organization,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from lotse.taxonomy import load_taxonomy, term_id


def like(text: str) -> str:
    """Return a LIKE pattern that finds the text anywhere (wildcards in it are taken literally)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def services(
    session: Session,
    query: Select[Any],
    *,
    search: str | None = None,
    organization_id: str | None = None,
    taxonomy_term_id: str | None = None,
    taxonomy_id: str | None = None,
    modified_after: datetime | None = None,
) -> Select[Any]:
    """Restrict a query over offers (or one joined to them) by the HSDS service filters."""
    if search:
        pattern = like(search)
        query = query.where(
            or_(Offer.name.ilike(pattern, escape="\\"), Offer.description.ilike(pattern, escape="\\"))
        )
    if organization_id:
        query = query.where(Offer.organization_id == organization_id)
    if taxonomy_term_id:
        query = query.where(Offer.id.in_(_with_terms([taxonomy_term_id])))
    if taxonomy_id:
        query = query.where(Offer.id.in_(_with_terms(terms_of_taxonomy(session, taxonomy_id))))
    if modified_after is not None:
        # HSDS: "modified on or after this datetime".
        query = query.where(Offer.last_modified >= modified_after)
    return query


def terms_of_taxonomy(session: Session, taxonomy_id: str) -> list[str]:
    """Return the ids of every term of a taxonomy (Lotse's own or a feed's)."""
    return list(session.scalars(select(TaxonomyTerm.id).where(TaxonomyTerm.taxonomy_id == taxonomy_id)))


def _with_terms(term_ids: list[str]) -> Select[Any]:
    """Select the ids of offers carrying one of the terms (Lotse codes or foreign attributes)."""
    wanted = set(term_ids)
    taxonomy = load_taxonomy()
    codes = [c for c in (*taxonomy.needs, *taxonomy.target_groups, *taxonomy.areas) if term_id(c) in wanted]
    lotse = select(OfferTerm.service_id).where(OfferTerm.code.in_(codes))
    foreign = select(Attribute.service_id).where(Attribute.taxonomy_term_id.in_(list(wanted)))
    return lotse.union(foreign)


def service_at_locations(session: Session, args: dict[str, Any]) -> Select[Any]:
    """Select the services at locations matching the HSDS filters, by id."""
    query = select(ServiceAtLocation).join(Offer, Offer.id == ServiceAtLocation.service_id)
    query = services(
        session,
        query,
        search=args.get("search"),
        organization_id=args.get("organization_id"),
        taxonomy_term_id=args.get("taxonomy_term_id"),
        taxonomy_id=args.get("taxonomy_id"),
        modified_after=args.get("modified_after"),
    )
    postcode = (args.get("postcode") or "").strip()
    if postcode:
        at_address = select(Address.location_id).where(Address.postal_code == postcode)
        in_area = select(ServiceArea.service_id).where(ServiceArea.name == postcode)
        query = query.where(
            or_(ServiceAtLocation.location_id.in_(at_address), ServiceAtLocation.service_id.in_(in_area))
        )
    return query.order_by(ServiceAtLocation.id)


def organizations(session: Session, args: dict[str, Any]) -> Select[Any]:
    """Select organisations matching text and (HSDS 3.1) the terms of their services."""
    query = reading.organizations_query()
    if args.get("search"):
        pattern = like(args["search"])
        query = query.where(
            or_(
                Organization.name.ilike(pattern, escape="\\"),
                Organization.description.ilike(pattern, escape="\\"),
            )
        )
    for term_ids in (
        [args["taxonomy_term_id"]] if args.get("taxonomy_term_id") else None,
        terms_of_taxonomy(session, args["taxonomy_id"]) if args.get("taxonomy_id") else None,
    ):
        if term_ids is not None:
            offers = select(Offer.organization_id).where(Offer.id.in_(_with_terms(term_ids)))
            query = query.where(Organization.id.in_(offers))
    return query
