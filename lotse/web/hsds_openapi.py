"""The HSDS OpenAPI document of this server: the official 3.0 one, pointed at Lotse, with its extensions.

The official document leaves title, version and server open and references the schemas on GitHub; here it
names this server and references the schema copies Lotse serves itself, so a validator needs nothing else.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from importlib.resources import files
from typing import Any

#: The schemas the official document references (served under /hsds/schema/).
SCHEMAS = (
    "organization",
    "organization_list",
    "service",
    "service_list",
    "service_at_location",
    "service_at_location_list",
    "taxonomy",
    "taxonomy_term",
)
_REMOTE = re.compile(
    r"^https://raw\.githubusercontent\.com/openreferral/specification/3\.0/schema/(?:compiled/)?"
)

#: Lotse's extensions to the official parameters, each documented in the README.
_EXTENSIONS: dict[str, list[dict[str, Any]]] = {
    "/organizations": [
        {
            "name": "minimal",
            "in": "query",
            "required": False,
            "description": "Nur id, name und description je Organisation.",
            "schema": {"type": "boolean"},
        },
        {
            "name": "taxonomy_term_id",
            "in": "query",
            "required": False,
            "description": "Organisationen mit einem Angebot, das diesen Begriff trägt (wie HSDS 3.1).",
            "schema": {"type": "string"},
        },
        {
            "name": "taxonomy_id",
            "in": "query",
            "required": False,
            "description": "Organisationen mit einem Angebot, das einen Begriff dieser Taxonomie trägt "
            "(wie HSDS 3.1).",
            "schema": {"type": "string"},
        },
    ],
}
_ERROR = {
    "description": "Ungültiger oder unbekannter Parameter (deutsche Meldung, das Feld ist benannt); "
    "proximity wird nicht unterstützt.",
    "content": {"application/json": {"schema": {"type": "object", "required": ["error"]}}},
}


@cache
def _official() -> dict[str, Any]:
    return json.loads(files("lotse").joinpath("data/hsds/openapi.json").read_text("utf-8"))  # type: ignore[no-any-return]


def schema(name: str) -> dict[str, Any] | None:
    """Return one of the HSDS schemas the document references, or None."""
    if name not in SCHEMAS:
        return None
    return json.loads(files("lotse").joinpath(f"data/hsds/{name}.json").read_text("utf-8"))  # type: ignore[no-any-return]


def document(base_url: str) -> dict[str, Any]:
    """Return the HSDS OpenAPI document for the HSDS API served at base_url (e.g. https://host/hsds)."""
    spec = copy.deepcopy(_official())
    spec["info"] = {
        "title": "Lotse HSDS API",
        "version": "3.0",
        "summary": "Soziale Hilfsangebote im Open-Referral-Standard HSDS 3.0 (nur lesend, öffentlich).",
        "description": "Das offizielle HSDS-3.0-OpenAPI-Dokument für diesen Server, mit Lotses "
        "Erweiterungen: minimal, taxonomy_term_id und taxonomy_id auf /organizations; per_page über 100 "
        "wird auf 100 gekürzt; unbekannte Parameter ergeben 422.",
        "license": {"name": "Daten: siehe Träger; Schnittstelle: HSDS 3.0 (CC BY-SA 4.0)"},
    }
    spec["servers"] = [{"url": base_url.rstrip("/")}]
    for path, parameters in _EXTENSIONS.items():
        spec["paths"][path]["get"].setdefault("parameters", []).extend(parameters)
    for item in spec["paths"].values():
        operation = item.get("get", {})
        if operation.get("parameters"):
            operation["responses"].setdefault("422", _ERROR)
    return _point_refs(spec, base_url.rstrip("/") + "/schema/")


def _point_refs(node: Any, prefix: str) -> Any:
    if isinstance(node, dict):
        return {
            k: (_REMOTE.sub(prefix, v) if k == "$ref" and isinstance(v, str) else _point_refs(v, prefix))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_point_refs(v, prefix) for v in node]
    return node
