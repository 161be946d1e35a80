"""Loading query strings and JSON bodies through marshmallow schemas."""

from __future__ import annotations

from typing import Any

from flask import request
from marshmallow import EXCLUDE, Schema

from lotse.web.errors import APIError


def load_args(schema: Schema) -> dict[str, Any]:
    """Load the query string through a schema (repeated keys keep their last value)."""
    return schema.load(request.args.to_dict(), unknown=EXCLUDE)  # type: ignore[no-any-return]


def load_json(schema: Schema, *, partial: bool = False) -> dict[str, Any]:
    """Load a JSON object body through a schema; a body that is not JSON gets a German 400/415."""
    if not request.is_json:
        raise APIError(415)
    body = request.get_json(silent=True)
    if body is None:
        raise APIError(400, "Der Inhalt ist kein gültiges JSON.")
    if not isinstance(body, dict):
        raise APIError(422, "Erwartet wird ein JSON-Objekt.", fields={"_schema": "Muss ein Objekt sein."})
    return schema.load(body, partial=partial)  # type: ignore[no-any-return]
