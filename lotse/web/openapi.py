"""/openapi.json: the API description generated from the views' docstrings and marshmallow schemas."""

from __future__ import annotations

from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec_webframeworks.flask import FlaskPlugin
from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue

from lotse.web.api.schemas import ErrorSchema

bp = Blueprint("openapi", __name__)

#: The error answers views refer to, each in the one error shape with a German message.
ERROR_RESPONSES = {
    400: "Fehlerhafte Anfrage (z. B. kein gültiges JSON)",
    401: "Anmeldung fehlt oder ist ungültig",
    403: "Keine Berechtigung (z. B. Angebot einer anderen Organisation)",
    404: "Nicht gefunden",
    409: "Veraltete Version: jemand anderes hat inzwischen geändert",
    415: "Kein JSON gesendet",
    422: "Ungültige Angaben; die Meldungen je Feld stehen in fields",
    428: "Version fehlt (If-Match)",
    429: "Zu viele Anfragen",
}

#: Blueprints whose routes the description covers.
DESCRIBED = ("api", "hsds")


def build_spec() -> dict[str, Any]:
    """Build the OpenAPI 3.1 document for all API and HSDS routes."""
    spec = APISpec(
        title="Lotse API",
        version="1.0.0",
        openapi_version="3.1.0",
        info={
            "description": "Wegweiser zu sozialen Hilfsangeboten: Verzeichnis, Suche, Lotsenfrage "
            "und HSDS 3.0."
        },
        plugins=[FlaskPlugin(), MarshmallowPlugin()],
    )
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    # One response component per error status: the views name it ("404: Error404") instead of repeating it.
    for status, description in ERROR_RESPONSES.items():
        spec.components.response(
            f"Error{status}",
            {"description": description, "content": {"application/json": {"schema": ErrorSchema}}},
        )
    for rule in sorted(current_app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.endpoint.split(".")[0] in DESCRIBED:
            view = current_app.view_functions[rule.endpoint]
            if view.__doc__ and "---" in view.__doc__:
                spec.path(view=view, app=current_app)
    return spec.to_dict()


@bp.get("/openapi.json")
def spec() -> ResponseReturnValue:
    """The OpenAPI description of the whole API."""
    if "LOTSE_OPENAPI" not in current_app.config:
        current_app.config["LOTSE_OPENAPI"] = build_spec()
    return jsonify(current_app.config["LOTSE_OPENAPI"])
