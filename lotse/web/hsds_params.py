"""Query parameters of the HSDS API: loaded through schemas; an unknown one is named in a German 422."""

from __future__ import annotations

from typing import Any

from flask import request
from marshmallow import RAISE, Schema, ValidationError, fields, validate

from lotse.web.errors import APIError
from lotse.web.german import GermanSchema

MAX_PER_PAGE = 100
#: Beyond this a page number is a typo or a probe; it would overflow the database's OFFSET.
MAX_PAGE = 100_000


class PageArgs(GermanSchema):
    """Paging and search parameters shared by the HSDS lists."""

    page = fields.Integer(
        load_default=1,
        validate=validate.Range(min=1, max=MAX_PAGE, error=f"Muss zwischen 1 und {MAX_PAGE} liegen."),
    )
    #: Above MAX_PER_PAGE the page is capped (its `size` says how many came), not refused.
    per_page = fields.Integer(
        load_default=50, validate=validate.Range(min=1, error="Muss mindestens 1 sein.")
    )
    search = fields.String(load_default=None, validate=validate.Length(max=200))
    format = fields.String(load_default="json", validate=validate.OneOf(["json"], error="Nur „json“."))


class ModifiedAfter(fields.AwareDateTime):
    """A moment with a time zone (HSDS date-time), with a German message when the zone is missing."""

    default_error_messages = {  # noqa: RUF012 - marshmallow reads this class attribute
        "invalid_awareness": "Zeitpunkt bitte mit Zeitzone angeben, z. B. 2026-01-31T12:00:00Z oder +01:00.",
        "invalid": "Muss ein Zeitpunkt sein (ISO 8601 mit Zeitzone, z. B. 2026-01-31T12:00:00Z).",
    }


class ServiceFilterArgs(PageArgs):
    """Filters that select services (also used by /service_at_locations)."""

    taxonomy_term_id = fields.String(load_default=None)
    taxonomy_id = fields.String(load_default=None)
    organization_id = fields.String(load_default=None)
    modified_after = ModifiedAfter(load_default=None, default_timezone=None)
    full = fields.Boolean(load_default=False)


class ServiceArgs(ServiceFilterArgs):
    """Parameters of /hsds/services."""

    minimal = fields.Boolean(load_default=False)


class ServiceAtLocationArgs(ServiceFilterArgs):
    """Parameters of /hsds/service_at_locations."""

    postcode = fields.String(load_default=None, validate=validate.Length(max=20))
    proximity = fields.String(load_default=None)


class OrganizationArgs(PageArgs):
    """Parameters of /hsds/organizations (taxonomy filters as in HSDS 3.1)."""

    full = fields.Boolean(load_default=False)
    full_service = fields.Boolean(load_default=False)
    minimal = fields.Boolean(load_default=False)
    taxonomy_term_id = fields.String(load_default=None)
    taxonomy_id = fields.String(load_default=None)


class OrganizationDetailArgs(GermanSchema):
    """Parameters of /hsds/organizations/{id}: the services come fully nested unless full_service=false."""

    full_service = fields.Boolean(load_default=True)


class TermArgs(PageArgs):
    """Parameters of /hsds/taxonomy_terms."""

    taxonomy_id = fields.String(load_default=None)
    parent_id = fields.String(load_default=None)
    top_only = fields.Boolean(load_default=False)


class NoArgs(GermanSchema):
    """Single records take no query parameters."""


def load_hsds_args(schema: Schema) -> dict[str, Any]:
    """Load the query string; unknown parameters get a 422 that names them instead of being ignored."""
    try:
        args: dict[str, Any] = schema.load(request.args.to_dict(), unknown=RAISE)
    except ValidationError as error:
        messages = error.messages if isinstance(error.messages, dict) else {"_schema": error.messages}
        unknown = sorted(k for k in messages if k not in schema.fields)
        if unknown:
            allowed = ", ".join(sorted(schema.fields))
            raise APIError(
                422,
                f"Unbekannte Parameter: {', '.join(unknown)}. Erlaubt sind hier: {allowed or 'keine'}.",
                code="unknown_parameter",
                fields={k: "Unbekannter Parameter." for k in unknown},
            ) from error
        raise
    if "per_page" in args:
        args["per_page"] = min(args["per_page"], MAX_PER_PAGE)
    return args
