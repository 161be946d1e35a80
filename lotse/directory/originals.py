"""Give back on export what an HSDS record brought and Lotse does not model itself.

Lotse keeps every imported organisation and service as it arrived (`original`). Rendering a record from the
database covers the fields Lotse models; `overlay` adds, object by object, every other field of the original
(contacts, funding, `phones[].languages`, UK profile's `service_area.service_area`...). Fields Lotse models
stay as Lotse has them: a field a carrier emptied stays empty, a phone a carrier removed stays removed. Where
Lotse's value means the same as the original's (the same moment written with other fraction digits, an
extension as text or number), the original spelling is given back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lotse.directory.hsds_in import (
    ADDRESS_FIELDS,
    LOCATION_FIELDS,
    ORGANIZATION_FIELDS,
    PHONE_FIELDS,
    SCHEDULE_FIELDS,
    SERVICE_FIELDS,
    SERVICE_NESTED,
)

#: Per HSDS object: the fields Lotse models (renders, or leaves out on purpose when empty).
OWNED: dict[str, frozenset[str]] = {
    "organization": frozenset({"id", "phones", "services", *ORGANIZATION_FIELDS}),
    # What the importer reads of a service; an embedded "organization" is given back as it arrived.
    "service": frozenset(SERVICE_FIELDS + SERVICE_NESTED) - {"organization"},
    "phone": frozenset({"id", *PHONE_FIELDS}),
    "schedule": frozenset({"id", "valid_from", "valid_to", *SCHEDULE_FIELDS}),
    "location": frozenset({"id", "addresses", *LOCATION_FIELDS}),
    "address": frozenset({"id", *ADDRESS_FIELDS}),
    "language": frozenset({"id", "name", "code", "note"}),
    "service_area": frozenset({"id", "name", "description", "extent", "extent_type", "uri"}),
    "cost_option": frozenset(
        {"id", "option", "currency", "amount", "amount_description", "valid_from", "valid_to"}
    ),
    "attribute": frozenset(
        {"id", "link_id", "link_entity", "link_type", "value", "label", "taxonomy_term_id", "taxonomy_term"}
    ),
    "taxonomy_term": frozenset(
        {"id", "code", "name", "description", "parent_id", "taxonomy", "language", "term_uri"}
    ),
    "service_at_location": frozenset({"id", "service_id", "location_id", "description", "location"}),
}

#: Per HSDS object: the fields holding other objects (a list of them or one), with their kind.
NESTED: dict[str, dict[str, str]] = {
    "organization": {"phones": "phone", "services": "service"},
    "service": {
        "organization": "organization",
        "phones": "phone",
        "schedules": "schedule",
        "languages": "language",
        "service_areas": "service_area",
        "service_at_locations": "service_at_location",
        "cost_options": "cost_option",
        "attributes": "attribute",
    },
    "location": {"addresses": "address"},
    "attribute": {"taxonomy_term": "taxonomy_term"},
    "service_at_location": {"location": "location", "service": "service"},
}


def overlay(rendered: dict[str, Any], original: dict[str, Any] | None, kind: str) -> dict[str, Any]:
    """Return the rendered record completed by the original's fields Lotse does not model."""
    if not isinstance(original, dict):
        return rendered
    owned, nested = OWNED.get(kind, frozenset()), NESTED.get(kind, {})
    out = dict(rendered)
    for key, value in original.items():
        if key not in out:
            if key not in owned:
                out[key] = value
            continue
        child = nested.get(key)
        mine = out[key]
        if child and isinstance(mine, dict) and isinstance(value, dict):
            out[key] = overlay(mine, value, child)
        elif child and isinstance(mine, list) and isinstance(value, list):
            by_id = {v.get("id"): v for v in value if isinstance(v, dict)}
            out[key] = [
                overlay(item, by_id.get(item.get("id")), child) if isinstance(item, dict) else item
                for item in mine
            ]
        elif _same(mine, value):
            out[key] = value
    return out


def _same(mine: Any, theirs: Any) -> bool:
    """Tell whether two scalar values mean the same (so the original spelling can be given back)."""
    if mine == theirs or isinstance(mine, dict | list) or isinstance(theirs, dict | list):
        return mine == theirs
    if isinstance(mine, str) and isinstance(theirs, str):
        first, second = _moment(mine), _moment(theirs)
        return first is not None and first == second
    if isinstance(mine, bool) or isinstance(theirs, bool):
        return False
    return str(mine) == str(theirs)


def _moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
