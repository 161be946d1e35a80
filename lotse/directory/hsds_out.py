"""Render Lotse models as HSDS 3.0 records (export files and the /hsds API share this)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from lotse.directory.hsds_in import (
    ADDRESS_FIELDS,
    INFERRED_PREFIX,
    LOCATION_FIELDS,
    ORGANIZATION_FIELDS,
    PHONE_FIELDS,
    SCHEDULE_FIELDS,
    SERVICE_FIELDS,
)
from lotse.directory.originals import overlay
from lotse.models import (
    Attribute,
    Location,
    Offer,
    OfferTerm,
    Organization,
    Phone,
    Schedule,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from lotse.taxonomy import NEEDS_TAXONOMY, TARGET_GROUPS_TAXONOMY, load_taxonomy, term_id


def clean(record: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values (HSDS fields are not nullable) and render dates as ISO strings."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if value is None:
            continue
        if isinstance(value, datetime):
            value = value.astimezone(UTC).isoformat().replace("+00:00", "Z")
        elif isinstance(value, date):
            value = value.isoformat()
        out[key] = value
    return out


def phone_record(phone: Phone) -> dict[str, Any]:
    """Render a phone number (HSDS has the extension as a number)."""
    record = clean({"id": phone.id, **{k: getattr(phone, k) for k in PHONE_FIELDS}})
    if "extension" in record:
        extension = str(record.pop("extension"))
        if extension.isdigit():
            record["extension"] = int(extension)
    return record


def schedule_record(schedule: Schedule) -> dict[str, Any]:
    """Render a schedule."""
    return clean(
        {
            "id": schedule.id,
            **schedule.extra,
            **{k: getattr(schedule, k) for k in SCHEDULE_FIELDS},
            "valid_from": schedule.valid_from,
            "valid_to": schedule.valid_to,
        }
    )


def location_record(location: Location) -> dict[str, Any]:
    """Render a location with its addresses."""
    return clean(
        {
            "id": location.id,
            **location.extra,
            **{k: getattr(location, k) for k in LOCATION_FIELDS},
            "addresses": [
                clean({"id": a.id, **{k: getattr(a, k) for k in ADDRESS_FIELDS}}) for a in location.addresses
            ],
        }
    )


def _term_record(term: TaxonomyTerm) -> dict[str, Any]:
    return clean(
        {
            **(term.extra or {}),
            "id": term.id,
            "code": term.code,
            "name": term.name,
            "description": term.description,
            "parent_id": term.parent_id,
            "taxonomy": term.taxonomy,
            "language": term.language,
            "term_uri": term.term_uri,
        }
    )


def lotse_attribute(offer_id: str, term: OfferTerm) -> dict[str, Any]:
    """Render a need or target-group code of an offer as an HSDS attribute."""
    taxonomy = load_taxonomy()
    name = NEEDS_TAXONOMY if term.kind == "need" else TARGET_GROUPS_TAXONOMY
    parent = taxonomy.need_area.get(term.code)
    record: dict[str, Any] = {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"lotse/attribute/{offer_id}/{term.code}")),
        "link_id": offer_id,
        "link_entity": "service",
        "taxonomy_term_id": term_id(term.code),
        "taxonomy_term": clean(
            {
                "id": term_id(term.code),
                "code": term.code,
                "name": taxonomy.label(term.code),
                "description": taxonomy.label(term.code),
                "taxonomy": name,
                "language": "de",
                "parent_id": term_id(parent) if parent else None,
            }
        ),
    }
    if term.source == "inferred":
        record["value"] = f"{INFERRED_PREFIX}{term.score:.3f}"
        record["label"] = "automatisch aus dem Text erkannt"
    return record


def _foreign_attribute(offer_id: str, attribute: Attribute) -> dict[str, Any]:
    term = attribute.taxonomy_term
    return clean(
        {
            "id": attribute.id,
            "link_id": attribute.link_id or offer_id,
            "link_entity": attribute.link_entity or "service",
            "link_type": attribute.link_type,
            "value": attribute.value,
            "label": attribute.label,
            "taxonomy_term_id": attribute.taxonomy_term_id,
            # A term the feed only named by id (and nobody described yet) is left out, its id stays.
            "taxonomy_term": _term_record(term) if term is not None else None,
        }
    )


def service_record(
    offer: Offer, attributes: list[Attribute], *, full: bool = True, organization: bool = False
) -> dict[str, Any]:
    """Render an offer as an HSDS service (full: with all its parts)."""
    record = clean(
        {
            "id": offer.id,
            "organization_id": offer.organization_id,
            **offer.extra,
            **{k: getattr(offer, k) for k in SERVICE_FIELDS},
            "assured_date": offer.assured_date,
            "last_modified": offer.last_modified,
        }
    )
    if not full:
        record = overlay(record, offer.original, "service")
        return {k: v for k, v in record.items() if not isinstance(v, list | dict)}
    record.update(
        {
            "phones": [phone_record(p) for p in offer.phones],
            # Hours taken over from a location or a service-at-location stay theirs (see hsds_in).
            "schedules": [schedule_record(s) for s in offer.schedules if s.scope is None],
            "service_areas": [
                clean(
                    {
                        "id": a.id,
                        "name": a.name,
                        "description": a.description,
                        "extent": a.extent,
                        "extent_type": a.extent_type,
                        "uri": a.uri,
                    }
                )
                for a in offer.service_areas
            ],
            "service_at_locations": [service_at_location_record(s) for s in offer.service_at_locations],
            "languages": [
                clean({"id": lang.id, "name": lang.name, "code": lang.code, "note": lang.note})
                for lang in offer.languages
            ],
            "cost_options": [
                clean(
                    {
                        "id": c.id,
                        "option": c.option,
                        "currency": c.currency,
                        "amount": c.amount,
                        "amount_description": c.amount_description,
                        "valid_from": c.valid_from,
                        "valid_to": c.valid_to,
                    }
                )
                for c in offer.cost_options
            ],
            "attributes": [lotse_attribute(offer.id, t) for t in offer.terms]
            + [_foreign_attribute(offer.id, a) for a in attributes],
        }
    )
    record = overlay(record, offer.original, "service")
    if organization:
        record["organization"] = organization_record(offer.organization, full=False)
    return record


def service_at_location_record(
    sal: ServiceAtLocation,
    *,
    offer: dict[str, Any] | None = None,
    full: bool = True,
    original: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Render the link between an offer and a location (with the location embedded).

    `original` is the offer's service as it arrived: the link's own fields that Lotse does not model come
    from it.
    """
    record = clean(
        {
            "id": sal.id,
            **sal.extra,
            "service_id": sal.service_id,
            "location_id": sal.location_id,
            "description": sal.description,
        }
    )
    if full:
        record["location"] = location_record(sal.location)
    if original is not None:
        mine = [s for s in original.get("service_at_locations") or [] if s.get("id") == sal.id]
        record = overlay(record, mine[0] if mine else None, "service_at_location")
    if offer is not None:
        record["service"] = offer
    return record


def organization_record(
    org: Organization, *, full: bool = True, services: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Render an organisation (full: with phones and the given embedded services)."""
    record = clean({"id": org.id, **org.extra, **{k: getattr(org, k) for k in ORGANIZATION_FIELDS}})
    record["description"] = org.description or ""
    if not full:
        record = overlay(record, org.original, "organization")
        return {k: v for k, v in record.items() if not isinstance(v, list | dict)}
    record["phones"] = [phone_record(p) for p in org.phones]
    record = overlay(record, org.original, "organization")
    if services is not None:
        record["services"] = services
    return record


def taxonomy_record(taxonomy: Taxonomy) -> dict[str, Any]:
    """Render a taxonomy."""
    return clean(
        {
            "id": taxonomy.id,
            "name": taxonomy.name,
            "description": taxonomy.description,
            "uri": taxonomy.uri,
            "version": taxonomy.version,
        }
    )


def taxonomy_term_record(term: TaxonomyTerm) -> dict[str, Any]:
    """Render a taxonomy term."""
    record = _term_record(term)
    if term.parent_id and term.parent is None:
        # Only the services keep a parent the feed named but never sent; a term list points to known terms.
        record.pop("parent_id")
    if term.taxonomy_id:
        record["taxonomy_id"] = term.taxonomy_id
    return record
