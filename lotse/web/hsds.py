"""The HSDS 3.0 API under /hsds: public, read-only, paginated, every response schema-valid."""

from __future__ import annotations

import math
from typing import Any

from flask import Blueprint, url_for
from flask.typing import ResponseReturnValue
from marshmallow import fields, validate
from sqlalchemy import Select, or_, select

from lotse.directory import reading
from lotse.directory.hsds_out import (
    organization_record,
    service_at_location_record,
    service_record,
    taxonomy_record,
    taxonomy_term_record,
)
from lotse.models import Offer, Organization, ServiceAtLocation, Taxonomy, TaxonomyTerm
from lotse.web.deps import session
from lotse.web.errors import APIError
from lotse.web.german import GermanSchema
from lotse.web.params import load_args

bp = Blueprint("hsds", __name__, url_prefix="/hsds")

HSDS_PROFILE = "https://docs.openreferral.org/en/latest/hsds/"
MAX_PER_PAGE = 100
#: Beyond this a page number is a typo or a probe; it would overflow the database's OFFSET.
MAX_PAGE = 100_000


class PageArgs(GermanSchema):
    """Paging and search parameters shared by the HSDS lists."""

    page = fields.Integer(
        load_default=1,
        validate=validate.Range(min=1, max=MAX_PAGE, error=f"Muss zwischen 1 und {MAX_PAGE} liegen."),
    )
    per_page = fields.Integer(
        load_default=50,
        validate=validate.Range(min=1, max=MAX_PER_PAGE, error=f"Muss zwischen 1 und {MAX_PER_PAGE} liegen."),
    )
    search = fields.String(load_default=None, validate=validate.Length(max=200))
    format = fields.String(load_default="json", validate=validate.OneOf(["json"], error="Nur „json“."))
    full = fields.Boolean(load_default=False)
    minimal = fields.Boolean(load_default=False)


class ServiceArgs(PageArgs):
    """Filters of /hsds/services."""

    taxonomy_term_id = fields.String(load_default=None)
    taxonomy_id = fields.String(load_default=None)
    organization_id = fields.String(load_default=None)
    modified_after = fields.AwareDateTime(load_default=None, default_timezone=None)


class OrganizationArgs(PageArgs):
    """Filters of /hsds/organizations."""

    full_service = fields.Boolean(load_default=False)


class TermArgs(PageArgs):
    """Filters of /hsds/taxonomy_terms."""

    taxonomy_id = fields.String(load_default=None)
    parent_id = fields.String(load_default=None)
    top_only = fields.Boolean(load_default=False)


def paged(query: Select[Any], args: dict[str, Any], render: Any) -> dict[str, Any]:
    """Run a query for one page and wrap the rendered rows in an HSDS Page."""
    items, total = reading.page(session(), query, args["page"], args["per_page"])
    pages = max(1, math.ceil(total / args["per_page"]))
    contents = render(items)
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": args["page"],
        "size": len(contents),
        "first_page": args["page"] == 1,
        "last_page": args["page"] >= pages,
        "empty": not contents,
        "contents": contents,
    }


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@bp.get("/")
def root() -> ResponseReturnValue:
    """About this HSDS API.
    ---
    get:
      summary: Angaben zu dieser HSDS-3.0-Schnittstelle
      responses:
        200: {description: Version, Profil und OpenAPI-Beschreibung}
    """
    return {"version": "3.0", "profile": HSDS_PROFILE, "openapi_url": url_for("openapi.spec", _external=True)}


@bp.get("/services")
def services() -> ResponseReturnValue:
    """Services, paginated.
    ---
    get:
      summary: Angebote als HSDS-Services (seitenweise)
      parameters: [{in: query, schema: ServiceArgs}]
      responses:
        200: {description: HSDS Page mit service_list-Einträgen}
        422: Error422
    """
    args = load_args(ServiceArgs())
    query = reading.offers_query()
    if args["search"]:
        pattern = _like(args["search"])
        query = query.where(
            or_(Offer.name.ilike(pattern, escape="\\"), Offer.description.ilike(pattern, escape="\\"))
        )
    if args["organization_id"]:
        query = query.where(Offer.organization_id == args["organization_id"])
    if args["taxonomy_term_id"]:
        query = reading.with_term(query, [args["taxonomy_term_id"]])
    if args["taxonomy_id"]:
        term_ids = session().scalars(
            select(TaxonomyTerm.id).where(TaxonomyTerm.taxonomy_id == args["taxonomy_id"])
        )
        query = reading.with_term(query, list(term_ids))
    query = reading.modified_after(query, args["modified_after"])

    def render(offers: list[Offer]) -> list[dict[str, Any]]:
        attributes = reading.foreign_attributes(session(), [o.id for o in offers]) if args["full"] else {}
        return [service_record(o, attributes.get(o.id, []), full=args["full"]) for o in offers]

    return paged(query, args, render)


@bp.get("/services/<service_id>")
def service(service_id: str) -> ResponseReturnValue:
    """One service with everything.
    ---
    get:
      summary: Ein Angebot als vollständiger HSDS-Service
      parameters: [{in: path, name: service_id, required: true, schema: {type: string}}]
      responses:
        200: {description: HSDS service}
        404: Error404
    """
    offer = reading.get_offer(session(), service_id)
    if offer is None:
        raise APIError(404, f"Service „{service_id}“ gibt es nicht.")
    attributes = reading.foreign_attributes(session(), [offer.id])[offer.id]
    return service_record(offer, attributes, organization=True)


@bp.get("/organizations")
def organizations() -> ResponseReturnValue:
    """Organizations, paginated.
    ---
    get:
      summary: Organisationen (seitenweise)
      parameters: [{in: query, schema: OrganizationArgs}]
      responses:
        200: {description: HSDS Page mit organization_list-Einträgen}
        422: Error422
    """
    args = load_args(OrganizationArgs())
    query = reading.organizations_query()
    if args["search"]:
        pattern = _like(args["search"])
        query = query.where(
            or_(
                Organization.name.ilike(pattern, escape="\\"),
                Organization.description.ilike(pattern, escape="\\"),
            )
        )
    return paged(query, args, lambda orgs: [organization_record(o, full=False) for o in orgs])


@bp.get("/organizations/<org_id>")
def organization(org_id: str) -> ResponseReturnValue:
    """One organization with its services.
    ---
    get:
      summary: Eine Organisation mit ihren Angeboten
      parameters: [{in: path, name: org_id, required: true, schema: {type: string}}]
      responses:
        200: {description: HSDS organization}
        404: Error404
    """
    org = session().get(Organization, org_id)
    if org is None:
        raise APIError(404, f"Organisation „{org_id}“ gibt es nicht.")
    offers = list(session().scalars(reading.offers_query().where(Offer.organization_id == org_id)))
    attributes = reading.foreign_attributes(session(), [o.id for o in offers])
    return organization_record(org, services=[service_record(o, attributes[o.id]) for o in offers])


@bp.get("/taxonomies")
def taxonomies() -> ResponseReturnValue:
    """Taxonomies.
    ---
    get:
      summary: Taxonomien (seitenweise)
      parameters: [{in: query, schema: PageArgs}]
      responses:
        200: {description: HSDS Page mit Taxonomien}
    """
    args = load_args(PageArgs())
    query = select(Taxonomy).order_by(Taxonomy.name)
    if args["search"]:
        query = query.where(Taxonomy.name.ilike(_like(args["search"]), escape="\\"))
    return paged(query, args, lambda rows: [taxonomy_record(t) for t in rows])


@bp.get("/taxonomies/<taxonomy_id>")
def taxonomy(taxonomy_id: str) -> ResponseReturnValue:
    """One taxonomy.
    ---
    get:
      summary: Eine Taxonomie
      parameters: [{in: path, name: taxonomy_id, required: true, schema: {type: string}}]
      responses:
        200: {description: HSDS taxonomy}
        404: Error404
    """
    found = session().get(Taxonomy, taxonomy_id)
    if found is None:
        raise APIError(404, f"Taxonomie „{taxonomy_id}“ gibt es nicht.")
    return taxonomy_record(found)


@bp.get("/taxonomy_terms")
def taxonomy_terms() -> ResponseReturnValue:
    """Taxonomy terms.
    ---
    get:
      summary: Begriffe der Taxonomien (seitenweise)
      parameters: [{in: query, schema: TermArgs}]
      responses:
        200: {description: HSDS Page mit Taxonomie-Begriffen}
        422: Error422
    """
    args = load_args(TermArgs())
    query = select(TaxonomyTerm).order_by(TaxonomyTerm.taxonomy, TaxonomyTerm.code, TaxonomyTerm.id)
    if args["taxonomy_id"]:
        query = query.where(TaxonomyTerm.taxonomy_id == args["taxonomy_id"])
    if args["parent_id"]:
        query = query.where(TaxonomyTerm.parent_id == args["parent_id"])
    if args["top_only"]:
        query = query.where(TaxonomyTerm.parent_id.is_(None))
    if args["search"]:
        pattern = _like(args["search"])
        query = query.where(
            or_(TaxonomyTerm.name.ilike(pattern, escape="\\"), TaxonomyTerm.code.ilike(pattern, escape="\\"))
        )
    return paged(query, args, lambda rows: [taxonomy_term_record(t) for t in rows])


@bp.get("/taxonomy_terms/<term_id>")
def taxonomy_term(term_id: str) -> ResponseReturnValue:
    """One taxonomy term.
    ---
    get:
      summary: Ein Taxonomie-Begriff
      parameters: [{in: path, name: term_id, required: true, schema: {type: string}}]
      responses:
        200: {description: HSDS taxonomy_term}
        404: Error404
    """
    found = session().get(TaxonomyTerm, term_id)
    if found is None:
        raise APIError(404, f"Begriff „{term_id}“ gibt es nicht.")
    return taxonomy_term_record(found)


@bp.get("/service_at_locations")
def service_at_locations() -> ResponseReturnValue:
    """Services at locations.
    ---
    get:
      summary: Angebote an Orten (seitenweise)
      parameters: [{in: query, schema: PageArgs}]
      responses:
        200: {description: HSDS Page mit service_at_location_list-Einträgen}
    """
    args = load_args(PageArgs())
    query = select(ServiceAtLocation).order_by(ServiceAtLocation.id)
    return paged(query, args, lambda rows: [service_at_location_record(s) for s in rows])


@bp.get("/service_at_locations/<sal_id>")
def service_at_location(sal_id: str) -> ResponseReturnValue:
    """One service at a location, with the service and the location.
    ---
    get:
      summary: Ein Angebot an einem Ort, mit Angebot und Ort
      parameters: [{in: path, name: sal_id, required: true, schema: {type: string}}]
      responses:
        200: {description: HSDS service_at_location}
        404: Error404
    """
    found = session().get(ServiceAtLocation, sal_id)
    if found is None:
        raise APIError(404, f"Eintrag „{sal_id}“ gibt es nicht.")
    offer = reading.get_offer(session(), found.service_id)
    assert offer is not None  # the foreign key guarantees it
    return service_at_location_record(found, offer=service_record(offer, [], full=False))
