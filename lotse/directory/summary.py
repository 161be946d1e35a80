"""The OfferSummary of the API: what a case worker, a widget or a script sees of an offer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lotse.directory.accessibility import known
from lotse.directory.schedule import describe, is_open
from lotse.models import Location, Offer


def address_line(location: Location) -> str | None:
    """Return a location's address in one German line, e.g. "Münsterstraße 23, 46397 Bocholt"."""
    for address in location.addresses:
        town = " ".join(p for p in (address.postal_code, address.city) if p)
        line = ", ".join(p for p in (address.address_1, address.address_2, town) if p)
        if line:
            return line
    return None


def offer_summary(
    offer: Offer, all_district_ids: list[str] | None = None, moment: datetime | None = None
) -> dict[str, Any]:
    """Return the OfferSummary of an offer (plain values, dumped by the API schema)."""
    location = offer.locations[0] if offer.locations else None
    # Phone, e-mail and web address come together: the offer's own, or else all of its organisation's.
    org = offer.organization
    own_contact = bool(offer.phones or offer.email or offer.url)
    phones = offer.phones if own_contact else org.phones
    email, url = (offer.email, offer.url) if own_contact else (org.email, org.website)
    served = offer.district_ids
    if offer.city_wide and all_district_ids is not None:
        served = sorted(set(served) | set(all_district_ids))
    costs = [c.amount_description or c.option for c in offer.cost_options if c.amount_description or c.option]
    return {
        "id": offer.id,
        "name": offer.name,
        "description": offer.description,
        "organization": {"id": offer.organization.id, "name": offer.organization.name},
        "needs": offer.codes("need"),
        "inferred_needs": sorted(t.code for t in offer.terms if t.kind == "need" and t.source == "inferred"),
        "target_groups": offer.codes("target_group"),
        "districts": served,
        "city_wide": offer.city_wide,
        "location": None
        if location is None
        else {
            "address": address_line(location),
            "name": location.name,
            "lat": location.latitude,
            "lon": location.longitude,
            "district": location.district_id,
        },
        "phone": phones[0].number if phones else None,
        "email": email,
        "url": url,
        "languages": sorted({lang.code for lang in offer.languages if lang.code}),
        "cost": offer.fees_description or ("; ".join(costs) if costs else None),
        "schedule": describe(offer.schedules),
        "open_now": is_open(offer.schedules, moment),
        "minimum_age": offer.minimum_age,
        "maximum_age": offer.maximum_age,
        "last_verified": offer.assured_date,
        "status": offer.status,
        "alert": offer.alert,
        "version": offer.version,
        "contact_of_organization": not own_contact and bool(phones or email or url),
        "accessibility": known(offer.accessibility),
        "application_process": offer.application_process,
        "required_documents": offer.required_documents,
    }
