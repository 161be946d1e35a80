"""Read routes of the directory: one offer, districts, taxonomy, organisations."""

from __future__ import annotations

from flask import g, jsonify
from flask.typing import ResponseReturnValue

from lotse.directory import reading
from lotse.directory.summary import offer_summary
from lotse.models import Offer, Organization
from lotse.taxonomy import load_taxonomy
from lotse.web.api import bp
from lotse.web.api.schemas import (
    DistrictListSchema,
    OfferSummarySchema,
    OrganizationDetailSchema,
    OrganizationListSchema,
    TaxonomySchema,
)
from lotse.web.deps import session
from lotse.web.errors import APIError


def all_district_ids() -> list[str]:
    """Return the ids of all districts (cached for the request)."""
    if "district_ids" not in g:
        g.district_ids = [d.id for d in reading.districts(session())]
    return g.district_ids  # type: ignore[no-any-return]


def summary(offer: Offer) -> dict[str, object]:
    """Return an offer's summary dumped through the schema."""
    return OfferSummarySchema().dump(offer_summary(offer, all_district_ids()))  # type: ignore[no-any-return]


@bp.get("/offers/<offer_id>")
def get_offer(offer_id: str) -> ResponseReturnValue:
    """One offer.
    ---
    get:
      summary: Ein Angebot
      description: Antwortet mit einem ETag (Version); Schreibzugriffe senden ihn als If-Match.
      parameters:
        - {in: path, name: offer_id, required: true, schema: {type: string}}
      responses:
        200: {content: {application/json: {schema: OfferSummarySchema}}}
        404: Error404
    """
    offer = reading.get_offer(session(), offer_id)
    if offer is None:
        raise APIError(404, f"Angebot „{offer_id}“ gibt es nicht.")
    response = jsonify(summary(offer))
    response.set_etag(str(offer.version))
    return response


@bp.get("/districts")
def list_districts() -> ResponseReturnValue:
    """All districts.
    ---
    get:
      summary: Alle Stadtteile mit Mittelpunkt und Nachbarn
      responses:
        200: {content: {application/json: {schema: DistrictListSchema}}}
    """
    items = [
        {"id": d.id, "name": d.name, "lat": d.latitude, "lon": d.longitude, "neighbours": d.neighbours}
        for d in reading.districts(session())
    ]
    return DistrictListSchema().dump({"items": items})


@bp.get("/taxonomy")
def get_taxonomy() -> ResponseReturnValue:
    """The need and target-group taxonomy.
    ---
    get:
      summary: Bedarfe (zwei Ebenen) und Zielgruppen
      responses:
        200: {content: {application/json: {schema: TaxonomySchema}}}
    """
    taxonomy = load_taxonomy()
    return TaxonomySchema().dump(
        {
            "version": taxonomy.version,
            "areas": [
                {
                    "code": a.code,
                    "label": a.label,
                    "needs": [{"code": c, "label": taxonomy.needs[c]} for c in a.needs],
                }
                for a in taxonomy.areas.values()
            ],
            "target_groups": [{"code": c, "label": label} for c, label in taxonomy.target_groups.items()],
        }
    )


def _organization(org: Organization, counts: dict[str, int]) -> dict[str, object]:
    return {
        "id": org.id,
        "name": org.name,
        "description": org.description,
        "email": org.email,
        "website": org.website,
        "phone": org.phones[0].number if org.phones else None,
        "offer_count": counts.get(org.id, 0),
    }


@bp.get("/organizations")
def list_organizations() -> ResponseReturnValue:
    """All organisations.
    ---
    get:
      summary: Alle Organisationen (Träger) mit der Zahl ihrer aktiven Angebote
      responses:
        200: {content: {application/json: {schema: OrganizationListSchema}}}
    """
    counts = reading.offer_counts(session())
    items = [_organization(o, counts) for o in session().scalars(reading.organizations_query())]
    return OrganizationListSchema().dump({"items": items})


@bp.get("/organizations/<org_id>")
def get_organization(org_id: str) -> ResponseReturnValue:
    """One organisation with its active offers.
    ---
    get:
      summary: Eine Organisation mit ihren aktiven Angeboten
      parameters:
        - {in: path, name: org_id, required: true, schema: {type: string}}
      responses:
        200: {content: {application/json: {schema: OrganizationDetailSchema}}}
        404: Error404
    """
    org = session().get(Organization, org_id)
    if org is None:
        raise APIError(404, f"Organisation „{org_id}“ gibt es nicht.")
    offers = session().scalars(reading.offers_query(active_only=True).where(Offer.organization_id == org_id))
    data = _organization(org, reading.offer_counts(session()))
    data["offers"] = [offer_summary(o, all_district_ids()) for o in offers]
    return OrganizationDetailSchema().dump(data)
