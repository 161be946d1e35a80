"""Loading query strings and JSON bodies through marshmallow schemas."""

from __future__ import annotations

import re
from typing import Any

from flask import request
from marshmallow import EXCLUDE, Schema

from lotse.web.errors import APIError

#: Nesting levels a JSON body may have. The deepest body Lotse takes (an offer's `locations`: object, list,
#: object) needs 3; Python's parser fails with a RecursionError at about 1,000, so the body is measured first.
MAX_JSON_DEPTH = 10
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_OPEN, _CLOSE = frozenset(b"[{"), frozenset(b"]}")


def load_args(schema: Schema) -> dict[str, Any]:
    """Load the query string through a schema (repeated keys keep their last value)."""
    return schema.load(request.args.to_dict(), unknown=EXCLUDE)  # type: ignore[no-any-return]


def load_json(schema: Schema, *, partial: bool = False) -> dict[str, Any]:
    """Load a JSON object body through a schema; a body that is not JSON gets a German 400/415."""
    if not request.is_json:
        raise APIError(415)
    if nesting_exceeds(request.get_data(cache=True), MAX_JSON_DEPTH):
        raise APIError(
            400,
            f"Der Inhalt ist zu tief verschachtelt (höchstens {MAX_JSON_DEPTH} Ebenen).",
            code="too_deep",
        )
    body = request.get_json(silent=True)
    if body is None:
        raise APIError(400, "Der Inhalt ist kein gültiges JSON.")
    if not isinstance(body, dict):
        raise APIError(422, "Erwartet wird ein JSON-Objekt.", fields={"_schema": "Muss ein Objekt sein."})
    return schema.load(body, partial=partial)  # type: ignore[no-any-return]


def nesting_exceeds(raw: bytes, limit: int) -> bool:
    """Tell whether a JSON text nests arrays and objects deeper than `limit` (strings do not count)."""
    depth = 0
    for byte in _JSON_STRING.sub(b'""', raw):
        if byte in _OPEN:
            depth += 1
            if depth > limit:
                return True
        elif byte in _CLOSE:
            depth -= 1
    return False
