"""The HSDS 3.0 API under /hsds: public, read-only, paginated, every response schema-valid."""

from __future__ import annotations

import math
from typing import Any

from flask import Blueprint, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import Select, or_, select

from lotse.directory import hsds_filters, reading
from lotse.directory.hsds_out import (
    organization_record,
    service_at_location_record,
    service_record,
    taxonomy_record,
    taxonomy_term_record,
)
from lotse.models import Offer, Organization, ServiceAtLocation, Taxonomy, TaxonomyTerm
from lotse.web import hsds_openapi
from lotse.web.deps import session
from lotse.web.errors import APIError
from lotse.web.hsds_params import (
    NoArgs,
    OrganizationArgs,
    OrganizationDetailArgs,
    PageArgs,
    ServiceArgs,
    ServiceAtLocationArgs,
    TermArgs,
    load_hsds_args,
)

bp = Blueprint("hsds", __name__, url_prefix="/hsds")

#: What `minimal=true` gives: the fields HSDS requires of a list entry, and when it changed.
SERVICE_MINIMAL = ("id", "name", "status", "last_modified")
ORGANIZATION_MINIMAL = ("id", "name", "description")

HSDS_PROFILE = "https://docs.openreferral.org/en/latest/hsds/"


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


@bp.get("/")
def root() -> ResponseReturnValue:
    """About this HSDS API.
    ---
    get:
      summary: Angaben zu dieser HSDS-3.0-Schnittstelle
      responses:
        200: {description: Version, Profil und OpenAPI-Beschreibung}
    """
    return {
        "version": "3.0",
        "profile": HSDS_PROFILE,
        "openapi_url": url_for("hsds.openapi_document", _external=True),
    }


@bp.get("/openapi.json")
def openapi_document() -> ResponseReturnValue:
    """The HSDS OpenAPI document of this server (the official one, pointed here, with Lotse's extensions).
    ---
    get:
      summary: HSDS-OpenAPI-Dokument dieses Servers (offizielles HSDS 3.0 mit Lotses Erweiterungen)
      responses:
        200: {description: OpenAPI-3.1-Dokument mit den HSDS-Pfaden und Antwortschemata}
    """
    load_hsds_args(NoArgs())
    return hsds_openapi.document(url_for("hsds.root", _external=True))


@bp.get("/schema/<name>.json")
def hsds_schema(name: str) -> ResponseReturnValue:
    """One of the HSDS schemas the OpenAPI document references.
    ---
    get:
      summary: Ein HSDS-3.0-Schema, auf das das HSDS-OpenAPI-Dokument verweist
      parameters: [{in: path, name: name, required: true, schema: {type: string}}]
      responses:
        200: {description: JSON-Schema}
        404: Error404
    """
    load_hsds_args(NoArgs())
    found = hsds_openapi.schema(name)
    if found is None:
        raise APIError(404, f"Schema „{name}“ gibt es hier nicht.")
    return found


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
    args = load_hsds_args(ServiceArgs())
    query = hsds_filters.services(
        session(),
        reading.offers_query(),
        **{
            k: args[k]
            for k in ("search", "organization_id", "taxonomy_term_id", "taxonomy_id", "modified_after")
        },
    )

    def render(offers: list[Offer]) -> list[dict[str, Any]]:
        if args["minimal"]:
            return [_minimal(service_record(o, [], full=False), SERVICE_MINIMAL) for o in offers]
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
    load_hsds_args(NoArgs())
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
    args = load_hsds_args(OrganizationArgs())
    query = hsds_filters.organizations(session(), args)

    def render(orgs: list[Organization]) -> list[dict[str, Any]]:
        if args["minimal"]:
            return [_minimal(organization_record(o, full=False), ORGANIZATION_MINIMAL) for o in orgs]
        if not (args["full"] or args["full_service"]):
            return [organization_record(o, full=False) for o in orgs]
        return [_organization_with_services(o, full_service=args["full_service"]) for o in orgs]

    return paged(query, args, render)


def _organization_with_services(org: Organization, *, full_service: bool) -> dict[str, Any]:
    offers = list(session().scalars(reading.offers_query().where(Offer.organization_id == org.id)))
    attributes = reading.foreign_attributes(session(), [o.id for o in offers]) if full_service else {}
    services = [service_record(o, attributes.get(o.id, []), full=full_service) for o in offers]
    return organization_record(org, services=services)


def _minimal(record: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: record[k] for k in keys if k in record}


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
    args = load_hsds_args(OrganizationDetailArgs())
    org = session().get(Organization, org_id)
    if org is None:
        raise APIError(404, f"Organisation „{org_id}“ gibt es nicht.")
    return _organization_with_services(org, full_service=args["full_service"])


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
    args = load_hsds_args(PageArgs())
    query = select(Taxonomy).order_by(Taxonomy.name)
    if args["search"]:
        query = query.where(Taxonomy.name.ilike(hsds_filters.like(args["search"]), escape="\\"))
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
    load_hsds_args(NoArgs())
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
    args = load_hsds_args(TermArgs())
    query = select(TaxonomyTerm).order_by(TaxonomyTerm.taxonomy, TaxonomyTerm.code, TaxonomyTerm.id)
    if args["taxonomy_id"]:
        query = query.where(TaxonomyTerm.taxonomy_id == args["taxonomy_id"])
    if args["parent_id"]:
        query = query.where(TaxonomyTerm.parent_id == args["parent_id"])
    if args["top_only"]:
        query = query.where(TaxonomyTerm.parent_id.is_(None))
    if args["search"]:
        pattern = hsds_filters.like(args["search"])
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
    load_hsds_args(NoArgs())
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
      parameters: [{in: query, schema: ServiceAtLocationArgs}]
      responses:
        200: {description: HSDS Page mit service_at_location_list-Einträgen}
        422: Error422
    """
    args = load_hsds_args(ServiceAtLocationArgs())
    if args["proximity"] is not None:
        raise APIError(
            422,
            "Der Parameter proximity wird nicht unterstützt (Lotse kennt keine Mittelpunkte von "
            "Postleitzahlen); postcode allein filtert nach Adresse und Gebiet.",
            code="unsupported_parameter",
            fields={"proximity": "Wird nicht unterstützt."},
        )
    query = hsds_filters.service_at_locations(session(), args)

    def render(rows: list[ServiceAtLocation]) -> list[dict[str, Any]]:
        if not args["full"]:
            return [service_at_location_record(s) for s in rows]
        offers = reading.get_offers(session(), sorted({s.service_id for s in rows}))
        return [_full_service_at_location(s, offers[s.service_id]) for s in rows]

    return paged(query, args, render)


def _full_service_at_location(found: ServiceAtLocation, offer: Offer) -> dict[str, Any]:
    attributes = reading.foreign_attributes(session(), [offer.id])[offer.id]
    return service_at_location_record(found, offer=service_record(offer, attributes), original=offer.original)


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
    load_hsds_args(NoArgs())
    found = session().get(ServiceAtLocation, sal_id)
    if found is None:
        raise APIError(404, f"Eintrag „{sal_id}“ gibt es nicht.")
    offer = reading.get_offer(session(), found.service_id)
    assert offer is not None  # the foreign key guarantees it
    return _full_service_at_location(found, offer)
