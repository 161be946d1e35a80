"""The editable fields of an offer: reading them as plain values and writing plain values back.

Field names are those of the OfferSummary (CONTRACT section 3), so a script can read an offer, change a
field and write it back. Reading and writing are kept side by side here so that they stay inverse: what
`read_fields` returns, `write_fields` accepts unchanged, and writing an unchanged value changes nothing.
"""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import nh3
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lotse import geo
from lotse.directory import accessibility
from lotse.directory.opening_hours import HoursError, parse_opening_hours, read_hours
from lotse.directory.schedule import describe
from lotse.directory.summary import address_line
from lotse.languages import language_name
from lotse.models import (
    Address,
    District,
    Language,
    Location,
    Offer,
    OfferDistrict,
    OfferTerm,
    Phone,
    ServiceArea,
    ServiceAtLocation,
)
from lotse.taxonomy import load_taxonomy

#: Every field a write may set; `organization`, `id` and `last_verified` are deliberately not here.
EDITABLE = (
    "name",
    "description",
    "needs",
    "target_groups",
    "districts",
    "city_wide",
    "locations",
    "phone",
    "email",
    "url",
    "languages",
    "cost",
    "schedule",
    "minimum_age",
    "maximum_age",
    "status",
    "alert",
    "application_process",
    "required_documents",
    "accessibility",
)
#: What a full replacement (PUT) sets for a field the body leaves out.
EMPTY: dict[str, Any] = {
    "description": "",
    "needs": [],
    "target_groups": [],
    "districts": [],
    "city_wide": False,
    "locations": [],
    "phone": None,
    "email": None,
    "url": None,
    "languages": [],
    "cost": None,
    "schedule": None,
    "minimum_age": None,
    "maximum_age": None,
    "alert": None,
    "application_process": None,
    "required_documents": None,
    "accessibility": [],
}
STATUSES = ("active", "inactive", "defunct", "temporarily closed")
#: The fields of plain text that may be empty (an empty text and no text are the same).
OPTIONAL_TEXTS = (
    "description",
    "phone",
    "email",
    "url",
    "cost",
    "schedule",
    "alert",
    "application_process",
    "required_documents",
)
#: The service-area name written for a city-wide offer; the importer reads it back as "whole town".
TOWN_AREA = "Stadtgebiet"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BREAK = re.compile(r"<\s*(br\s*/?|/p|/li|/div|/h[1-6])\s*>", re.IGNORECASE)
_POSTAL_TOWN = re.compile(r"^(?P<postal>\d{5})\s+(?P<city>.+)$")


class FieldErrors(ValueError):
    """Values that cannot be written, with a German message per field."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in fields.items()))
        self.fields = fields


def plain_text(value: str) -> str:
    """Reduce text that may contain HTML to plain text: tags and scripts removed, entities decoded."""
    text = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BREAK.sub("\n", text)
    # Decoding entities can uncover new markup ("&lt;script&gt;"), so clean until nothing changes.
    for _ in range(3):
        cleaned = html.unescape(nh3.clean(text, tags=set()))
        if cleaned == text:
            break
        text = cleaned
    return text.strip()


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def read_fields(offer: Offer) -> dict[str, Any]:
    """Return the editable fields of an offer as plain values (write-body names)."""
    return {
        "name": offer.name,
        "description": offer.description or "",
        "needs": sorted(t.code for t in offer.terms if t.kind == "need" and t.source != "inferred"),
        "inferred_needs": sorted(t.code for t in offer.terms if t.kind == "need" and t.source == "inferred"),
        "target_groups": offer.codes("target_group"),
        "districts": [] if offer.city_wide else sorted(offer.district_ids),
        "city_wide": offer.city_wide,
        "locations": [location_value(loc) for loc in offer.locations],
        "phone": offer.phones[0].number if offer.phones else None,
        "email": offer.email,
        "url": offer.url,
        "languages": sorted({lang.code for lang in offer.languages if lang.code}),
        "cost": _cost(offer),
        "schedule": describe(offer.schedules),
        "minimum_age": offer.minimum_age,
        "maximum_age": offer.maximum_age,
        "status": offer.status,
        "alert": offer.alert,
        "application_process": offer.application_process,
        "required_documents": offer.required_documents,
        "accessibility": accessibility.known(offer.accessibility),
        "last_verified": offer.assured_date.isoformat() if offer.assured_date else None,
    }


def location_value(location: Location) -> dict[str, Any]:
    """Return a location as plain values: name, address line, coordinates and district."""
    return {
        "name": location.name,
        "address": address_line(location),
        "lat": location.latitude,
        "lon": location.longitude,
        "district": location.district_id,
    }


def _cost(offer: Offer) -> str | None:
    if offer.fees_description:
        return offer.fees_description
    costs = [c.amount_description or c.option for c in offer.cost_options if c.amount_description or c.option]
    return "; ".join(c for c in costs if c) or None


def write_fields(
    session: Session,
    offer: Offer,
    values: dict[str, Any],
    infer: Callable[[str], Sequence[tuple[str, float]]],
) -> None:
    """Write plain values onto an offer; fields whose value is unchanged are left alone."""
    districts = _districts(session)
    current = read_fields(offer)
    if "location" in values:
        # The single `location` of OfferSummary is the first place; further places stay as they are.
        first = [values["location"]] if values["location"] else []
        values = {**values, "locations": first + current["locations"][1:]}
    values = _served(offer, _clean({k: v for k, v in values.items() if k in EDITABLE}), districts)
    changed = {k: v for k, v in values.items() if _normalise(k, v) != _normalise(k, current[k])}
    _check(changed, districts)
    for key in (
        "name",
        "description",
        "email",
        "url",
        "alert",
        "minimum_age",
        "maximum_age",
        "status",
        "application_process",
        "required_documents",
    ):
        if key in changed:
            setattr(offer, key, changed[key] if key != "description" else changed[key] or "")
    if "phone" in changed:
        offer.phones = [Phone(id=str(uuid.uuid4()), number=changed["phone"])] if changed["phone"] else []
    if "accessibility" in changed:
        offer.accessibility = accessibility.known(changed["accessibility"]) or None
    if "languages" in changed:
        codes = sorted(set(changed["languages"]))
        offer.languages = [Language(id=str(uuid.uuid4()), code=c, name=language_name(c)) for c in codes]
    if "cost" in changed:
        offer.fees_description = changed["cost"] or None
        offer.cost_options = []
    if "schedule" in changed:
        offer.schedules = parse_opening_hours(changed["schedule"] or "")
    if "target_groups" in changed:
        _set_terms(offer, "target_group", changed["target_groups"])
    if "needs" in changed:
        _set_terms(offer, "need", changed["needs"])
    if "locations" in changed:
        _set_locations(session, offer, changed["locations"], districts)
    if {"districts", "city_wide"} & changed.keys() or not (offer.city_wide or offer.districts):
        _set_districts(offer, values, districts)
    _check_ages(offer)
    text_changed = bool({"name", "description", "needs"} & changed.keys())
    if text_changed and not any(t.kind == "need" and t.source != "inferred" for t in offer.terms):
        _infer(offer, infer)


def _normalise(key: str, value: Any) -> Any:
    if key in ("needs", "target_groups", "districts", "languages", "accessibility"):
        return sorted(set(value or []))
    if key == "locations":
        # A location's district follows from its coordinates; only without them is it a value of its own.
        return [
            {
                **{k: loc.get(k) or None for k in ("name", "address")},
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "district": loc.get("district") if loc.get("lat") is None or loc.get("lon") is None else None,
            }
            for loc in value or []
        ]
    if key in OPTIONAL_TEXTS:
        return value or None
    return value


def _districts(session: Session) -> dict[str, District]:
    return {d.id: d for d in session.scalars(select(District))}


def _served(offer: Offer, values: dict[str, Any], districts: dict[str, District]) -> dict[str, Any]:
    """Bring districts and city_wide into one form: a city-wide offer lists no single districts."""
    if "districts" not in values and "city_wide" not in values:
        return values
    served = set(values.get("districts", offer.district_ids))
    city_wide = values.get("city_wide", offer.city_wide and "districts" not in values)
    if len(districts) > 1 and served >= set(districts):
        city_wide = True
    return {**values, "districts": [] if city_wide else sorted(served), "city_wide": bool(city_wide)}


def _check(changed: dict[str, Any], districts: dict[str, District]) -> None:
    taxonomy = load_taxonomy()
    errors: dict[str, str] = {}
    if "name" in changed and not (changed["name"] or "").strip():
        errors["name"] = "Bitte geben Sie einen Namen an."
    unknown = [c for c in changed.get("needs", []) if c not in taxonomy.needs]
    if unknown:
        errors["needs"] = "Unbekannte Bedarfscodes: " + ", ".join(unknown[:5])
    unknown = [c for c in changed.get("target_groups", []) if c not in taxonomy.target_groups]
    if unknown:
        errors["target_groups"] = "Unbekannte Zielgruppen: " + ", ".join(unknown[:5])
    unknown = [c for c in changed.get("accessibility", []) if c not in accessibility.FEATURES]
    if unknown:
        errors["accessibility"] = "Unbekannte Angaben zur Barrierefreiheit: " + ", ".join(unknown[:5])
    unknown = [d for d in changed.get("districts", []) if d not in districts]
    if unknown:
        errors["districts"] = "Unbekannte Stadtteile: " + ", ".join(unknown[:5])
    for i, location in enumerate(changed.get("locations", [])):
        district = location.get("district")
        if district and district not in districts:
            errors[f"locations.{i}.district"] = f"Unbekannter Stadtteil „{district}“."
    if "schedule" in changed:
        try:
            read_hours(changed["schedule"] or "")
        except HoursError as error:
            errors["schedule"] = str(error)
    if errors:
        raise FieldErrors(errors)


def _check_ages(offer: Offer) -> None:
    low, high = offer.minimum_age, offer.maximum_age
    if low is not None and high is not None and low > high:
        raise FieldErrors({"minimum_age": "Das Mindestalter darf nicht über dem Höchstalter liegen."})


def _set_terms(offer: Offer, kind: str, codes: list[str]) -> None:
    kept = [t for t in offer.terms if t.kind != kind]
    if kind == "need" and not codes:
        # With no given codes the inferred ones stay until the text is inferred again.
        kept += [t for t in offer.terms if t.kind == "need" and t.source == "inferred"]
    added = [OfferTerm(code=c, kind=kind, source="carrier", score=1.0) for c in sorted(set(codes))]
    offer.terms = kept + added


def _infer(offer: Offer, infer: Callable[[str], Sequence[tuple[str, float]]]) -> None:
    found = {code: score for code, score in infer(f"{offer.name}. {offer.description}")}
    kept = [t for t in offer.terms if not (t.kind == "need" and t.source == "inferred")]
    given = {t.code for t in kept}
    offer.terms = kept + [
        OfferTerm(code=c, kind="need", source="inferred", score=float(s))
        for c, s in sorted(found.items())
        if c not in given
    ]


def _set_districts(offer: Offer, values: dict[str, Any], districts: dict[str, District]) -> None:
    served = set(values.get("districts", [] if offer.city_wide else offer.district_ids))
    city_wide = values.get("city_wide", offer.city_wide)
    if not served and not city_wide:
        # As on import: no district named means the location's district, else the whole town.
        served = {loc.district_id for loc in offer.locations if loc.district_id}
    everything = set(districts)
    city_wide = bool(city_wide) or not served or (len(everything) > 1 and served >= everything)
    offer.city_wide = city_wide
    offer.districts = [] if city_wide else [OfferDistrict(district_id=d) for d in sorted(served)]
    offer.service_areas = (
        [ServiceArea(id=str(uuid.uuid4()), name=TOWN_AREA, description="Ganzes Stadtgebiet")]
        if city_wide
        else [ServiceArea(id=str(uuid.uuid4()), name=districts[d].name) for d in sorted(served)]
    )


def _set_locations(
    session: Session, offer: Offer, wanted: list[dict[str, Any]], districts: dict[str, District]
) -> None:
    areas = [geo.Area(d.id, d.latitude, d.longitude, d.polygon) for d in districts.values()]
    links = list(offer.service_at_locations)
    kept: list[ServiceAtLocation] = []
    for i, spec in enumerate(wanted):
        link = links[i] if i < len(links) else None
        location = link.location if link is not None else None
        if location is None or not _own_location(session, offer, location):
            location = Location(id=str(uuid.uuid4()), organization_id=offer.organization_id)
            session.add(location)
            link = ServiceAtLocation(id=str(uuid.uuid4()), location=location)
        _write_location(location, spec, areas)
        assert link is not None
        kept.append(link)
    offer.service_at_locations = kept


def _own_location(session: Session, offer: Offer, location: Location) -> bool:
    """Tell whether only this offer uses the location, so it may be changed in place."""
    if location.organization_id not in (None, offer.organization_id):
        return False
    others = session.scalar(
        select(func.count())
        .select_from(ServiceAtLocation)
        .where(ServiceAtLocation.location_id == location.id, ServiceAtLocation.service_id != offer.id)
    )
    return not others


def _write_location(location: Location, spec: dict[str, Any], areas: list[geo.Area]) -> None:
    location.name = spec.get("name") or None
    location.latitude, location.longitude = spec.get("lat"), spec.get("lon")
    if location.latitude is not None and location.longitude is not None and areas:
        location.district_id = geo.locate(areas, location.latitude, location.longitude)
    else:
        location.district_id = spec.get("district") or None
    line = spec.get("address") or ""
    if address_line(location) == (line or None):
        return
    parts = [p.strip() for p in line.split(",") if p.strip()]
    if not parts:
        location.addresses = []
        return
    address = location.addresses[0] if location.addresses else Address(id=str(uuid.uuid4()))
    town = _POSTAL_TOWN.match(parts[-1]) if len(parts) > 1 else None
    address.postal_code = town.group("postal") if town else ""
    address.city = town.group("city") if town else (parts[-1] if len(parts) > 1 else "")
    street = parts[:-1] if len(parts) > 1 else parts
    address.address_1 = street[0]
    address.address_2 = ", ".join(street[1:]) or None
    location.addresses = [address]
