"""Write routes of offers for carrier staff's scripts: create, change, deactivate, confirm, history, restore.

Each view parses the body through a schema, calls one service of lotse.directory.offers (which checks
authorisation and the version) inside a write transaction, and answers with the OfferSummary and its new
ETag. Authentication is by Bearer token only.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Response, jsonify, request, url_for
from flask.typing import ResponseReturnValue

from lotse.accounts.authorization import editable_organization
from lotse.directory import history, offers
from lotse.models import Offer, User
from lotse.web.api import bp
from lotse.web.api.directory import summary
from lotse.web.api.offer_schemas import (
    HistorySchema,
    OfferCreateArgs,
    OfferPatchSchema,
    OfferWriteSchema,
)
from lotse.web.auth import api_user
from lotse.web.deps import services, session
from lotse.web.errors import APIError, error_response
from lotse.web.params import load_args, load_json

_ETAG = re.compile(r'^(?:W/)?"?(\d{1,9})"?$')

#: How each failure of an offer operation is answered.
_STATUS: dict[type[offers.OfferError], tuple[int, str]] = {
    offers.OfferNotFound: (404, "not_found"),
    offers.VersionRequired: (428, "version_required"),
    offers.VersionConflict: (409, "version_conflict"),
    offers.InvalidOffer: (422, "invalid"),
}


@bp.app_errorhandler(offers.OfferError)
def _offer_error(error: offers.OfferError) -> ResponseReturnValue:
    """Answer a refused offer operation in the one error shape (JSON on the API, a page elsewhere)."""
    status, code = _STATUS.get(type(error), (404, "not_found"))
    response = error_response(APIError(status, error.message, code=code, fields=error.fields))
    if isinstance(error, offers.VersionConflict):
        response = _with_etag(response, error.current)
    return response


def _with_etag(response: Any, version: int) -> Response:
    from flask import make_response

    made = make_response(response)
    made.set_etag(str(version))
    return made


def expected_version(body_version: int | None) -> int | None:
    """Return the version a write is based on: If-Match (the ETag), else the body's `version`."""
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return body_version
    match = _ETAG.match(header.split(",")[0].strip())
    if match is None:
        raise APIError(400, 'If-Match muss das ETag des Angebots sein (z. B. "3").', code="bad_if_match")
    version = int(match.group(1))
    if body_version is not None and body_version != version:
        raise APIError(400, "If-Match und „version“ widersprechen sich.", code="bad_if_match")
    return version


def _editor(offer_id: str) -> User:
    """The caller, if they may change this offer: 401/404/403 come before the body is even read.

    The service checks again inside its transaction; this early check only makes the answer the same
    whatever the body holds.
    """
    user = api_user()
    offers.require_access(session(), user, offer_id)
    return user


def written(offer: Offer, status: int = 200) -> Response:
    """Answer a write with the offer's summary and its new ETag."""
    response = jsonify(summary(offer))
    response.status_code = status
    response.set_etag(str(offer.version))
    return response


@bp.post("/offers")
def create_offer() -> ResponseReturnValue:
    """Create an offer.
    ---
    post:
      summary: Angebot anlegen (Träger für die eigene Organisation, Administration für jede)
      security: [{bearer: []}]
      parameters: [{in: query, schema: OfferCreateArgs}]
      requestBody: {required: true, content: {application/json: {schema: OfferWriteSchema}}}
      responses:
        201:
          description: Angelegt; ETag ist die Version
          content: {application/json: {schema: OfferSummarySchema}}
        400: Error400
        401: Error401
        403: Error403
        415: Error415
        422: Error422
        429: Error429
    """
    user = api_user()
    organization_id = load_args(OfferCreateArgs())["organization_id"]
    editable_organization(user, organization_id)  # refuse before reading the body
    values = load_json(OfferWriteSchema())
    values.pop("version", None)
    with services().db.writing() as writing:
        offer = offers.create_offer(writing, user, values, organization_id, infer=services().infer_needs)
        response = written(offer, 201)
    response.headers["Location"] = url_for("api.get_offer", offer_id=offer.id)
    return response


def _change(offer_id: str, *, partial: bool) -> Response:
    user = _editor(offer_id)
    values = load_json(OfferPatchSchema() if partial else OfferWriteSchema())
    version = expected_version(values.pop("version", None))
    with services().db.writing() as writing:
        offer = offers.update_offer(
            writing, user, offer_id, values, version, replace=not partial, infer=services().infer_needs
        )
        return written(offer)


@bp.put("/offers/<offer_id>")
def replace_offer(offer_id: str) -> ResponseReturnValue:
    """Replace an offer's editable fields.
    ---
    put:
      summary: Angebot ersetzen (fehlende Felder werden geleert)
      security: [{bearer: []}]
      parameters:
        - {in: path, name: offer_id, required: true, schema: {type: string}}
        - in: header
          name: If-Match
          schema: {type: string}
          description: "ETag der Version, auf der die Änderung beruht"
      requestBody: {required: true, content: {application/json: {schema: OfferWriteSchema}}}
      responses:
        200:
          description: Geändert; ETag ist die neue Version
          content: {application/json: {schema: OfferSummarySchema}}
        400: Error400
        401: Error401
        403: Error403
        404: Error404
        409: Error409
        415: Error415
        422: Error422
        428: Error428
        429: Error429
    """
    return _change(offer_id, partial=False)


@bp.patch("/offers/<offer_id>")
def patch_offer(offer_id: str) -> ResponseReturnValue:
    """Change some fields of an offer.
    ---
    patch:
      summary: Einzelne Felder eines Angebots ändern
      security: [{bearer: []}]
      parameters:
        - {in: path, name: offer_id, required: true, schema: {type: string}}
        - in: header
          name: If-Match
          schema: {type: string}
          description: "ETag der Version, auf der die Änderung beruht"
      requestBody: {required: true, content: {application/json: {schema: OfferPatchSchema}}}
      responses:
        200:
          description: Geändert; ETag ist die neue Version
          content: {application/json: {schema: OfferSummarySchema}}
        400: Error400
        401: Error401
        403: Error403
        404: Error404
        409: Error409
        415: Error415
        422: Error422
        428: Error428
        429: Error429
    """
    return _change(offer_id, partial=True)


@bp.delete("/offers/<offer_id>")
def delete_offer(offer_id: str) -> ResponseReturnValue:
    """Deactivate an offer.
    ---
    delete:
      summary: Angebot deaktivieren (es wird nie gelöscht)
      security: [{bearer: []}]
      parameters:
        - {in: path, name: offer_id, required: true, schema: {type: string}}
        - in: header
          name: If-Match
          schema: {type: string}
          description: "ETag der Version, auf der die Änderung beruht"
      responses:
        200:
          description: Geändert; ETag ist die neue Version
          content: {application/json: {schema: OfferSummarySchema}}
        400: Error400
        401: Error401
        403: Error403
        404: Error404
        409: Error409
        415: Error415
        422: Error422
        428: Error428
        429: Error429
    """
    user = _editor(offer_id)
    version = expected_version(None)
    with services().db.writing() as writing:
        return written(offers.deactivate_offer(writing, user, offer_id, version))


@bp.post("/offers/<offer_id>/verify")
def verify_offer(offer_id: str) -> ResponseReturnValue:
    """Confirm that an offer is still correct.
    ---
    post:
      summary: Angebot als weiterhin richtig bestätigen (setzt „zuletzt bestätigt“)
      security: [{bearer: []}]
      parameters:
        - {in: path, name: offer_id, required: true, schema: {type: string}}
        - in: header
          name: If-Match
          schema: {type: string}
          description: "ETag der Version, auf der die Änderung beruht"
      responses:
        200:
          description: Geändert; ETag ist die neue Version
          content: {application/json: {schema: OfferSummarySchema}}
        400: Error400
        401: Error401
        403: Error403
        404: Error404
        409: Error409
        415: Error415
        422: Error422
        428: Error428
        429: Error429
    """
    user = _editor(offer_id)
    version = expected_version(None)
    with services().db.writing() as writing:
        return written(offers.verify_offer(writing, user, offer_id, version))


@bp.get("/offers/<offer_id>/history")
def offer_history(offer_id: str) -> ResponseReturnValue:
    """An offer's history.
    ---
    get:
      summary: Verlauf eines Angebots (wer, wann, welche Felder mit altem und neuem Wert), neueste zuerst
      security: [{bearer: []}]
      parameters: [{in: path, name: offer_id, required: true, schema: {type: string}}]
      responses:
        200: {content: {application/json: {schema: HistorySchema}}}
        401: Error401
        403: Error403
        404: Error404
        429: Error429
    """
    user = api_user()
    if len(offer_id) > 64 or "\x00" in offer_id:
        raise offers.OfferNotFound(offer_id)
    items = [vars(r) for r in history.revisions(session(), user, offer_id)]
    body: dict[str, Any] = HistorySchema().dump({"items": items})
    return body


@bp.post("/offers/<offer_id>/history/<revision_id>/restore")
def restore_offer(offer_id: str, revision_id: str) -> ResponseReturnValue:
    """Restore an earlier version of an offer.
    ---
    post:
      summary: Eine frühere Version wiederherstellen (als neue Änderung)
      security: [{bearer: []}]
      parameters:
        - {in: path, name: offer_id, required: true, schema: {type: string}}
        - in: header
          name: If-Match
          schema: {type: string}
          description: "ETag der Version, auf der die Änderung beruht"
        - {in: path, name: revision_id, required: true, schema: {type: integer}}
      responses:
        200:
          description: Geändert; ETag ist die neue Version
          content: {application/json: {schema: OfferSummarySchema}}
        400: Error400
        401: Error401
        403: Error403
        404: Error404
        409: Error409
        415: Error415
        422: Error422
        428: Error428
        429: Error429
    """
    user = _editor(offer_id)
    if not revision_id.isascii() or not revision_id.isdigit() or len(revision_id) > 18:
        raise APIError(404, f"Diese Version von Angebot „{offer_id[:64]}“ gibt es nicht.")
    version = expected_version(None)
    with services().db.writing() as writing:
        return written(
            offers.restore_offer(
                writing, user, offer_id, int(revision_id), version, infer=services().infer_needs
            )
        )
