"""One error shape for the whole API, German messages, and never a stack trace."""

from __future__ import annotations

import logging
import traceback
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

#: German messages for the HTTP errors Lotse answers with.
MESSAGES = {
    400: ("bad_request", "Die Anfrage ist fehlerhaft (zum Beispiel kein gültiges JSON)."),
    401: ("unauthorized", "Bitte melden Sie sich an."),
    403: ("forbidden", "Dafür fehlt Ihnen die Berechtigung."),
    404: ("not_found", "Diese Adresse oder dieser Eintrag existiert nicht."),
    405: ("method_not_allowed", "Diese Methode ist hier nicht erlaubt."),
    409: ("conflict", "Der Eintrag wurde inzwischen geändert."),
    413: ("too_large", "Die Anfrage ist zu groß."),
    415: ("unsupported_media_type", "Bitte senden Sie JSON (Content-Type: application/json)."),
    422: ("invalid", "Die Angaben sind nicht gültig."),
    428: ("precondition_required", "Bitte senden Sie die Version (If-Match) mit."),
    429: ("too_many_requests", "Zu viele Anfragen. Bitte versuchen Sie es gleich noch einmal."),
    500: ("internal_error", "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut."),
}


class APIError(Exception):
    """An error with a status, a slug, a German message and optional field messages."""

    def __init__(
        self,
        status: int,
        message: str | None = None,
        code: str | None = None,
        fields: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        default_code, default_message = MESSAGES.get(status, MESSAGES[400])
        super().__init__(message or default_message)
        self.status = status
        self.code = code or default_code
        self.message = message or default_message
        self.fields = fields or {}
        #: Headers the answer carries (e.g. Retry-After with a 429).
        self.headers = headers or {}


def wants_json() -> bool:
    """Tell whether the request should be answered with JSON rather than an HTML page."""
    path = request.path
    if path.startswith(("/api/", "/hsds", "/openapi.json", "/widget")):
        return True
    accept = request.accept_mimetypes
    return accept.best_match(["application/json", "text/html"]) == "application/json"


def error_response(error: APIError) -> Response | tuple[Any, int, dict[str, str]]:
    """Render an error as JSON (API) or as a German page."""
    if wants_json():
        body = {"error": {"code": error.code, "message": error.message, "fields": error.fields}}
        return jsonify(body), error.status, error.headers
    return render_template("error.html", error=error), error.status, error.headers


def field_messages(messages: Any) -> dict[str, Any]:
    """Flatten marshmallow messages to field -> German message(s)."""
    if isinstance(messages, dict):
        return {str(k): field_messages(v) for k, v in messages.items()}
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return " ".join(messages)  # type: ignore[return-value]
    return messages  # type: ignore[no-any-return]


def register_error_handlers(app: Flask) -> None:
    """Install the handlers that turn every error into the one error shape."""

    @app.errorhandler(APIError)
    def _api_error(error: APIError):  # type: ignore[no-untyped-def]
        return error_response(error)

    @app.errorhandler(ValidationError)
    def _validation_error(error: ValidationError):  # type: ignore[no-untyped-def]
        fields = field_messages(error.messages)
        return error_response(APIError(422, _first_message(fields), fields=fields))

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):  # type: ignore[no-untyped-def]
        status = error.code or 500
        response = error_response(APIError(status if status in MESSAGES else 400))
        if status == 405 and error.valid_methods:  # type: ignore[attr-defined]
            resp = app.make_response(response)
            resp.headers["Allow"] = ", ".join(error.valid_methods)  # type: ignore[attr-defined]
            return resp
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):  # type: ignore[no-untyped-def]
        # Only the exception type and the code lines: an exception's message may quote user input
        # (a situation text), which must never reach a log.
        log.error(
            "Unerwarteter Fehler bei %s %s: %s\n%s",
            request.method,
            request.path,
            type(error).__name__,
            "".join(traceback.format_tb(error.__traceback__)),
        )
        return error_response(APIError(500))


def _first_message(fields: dict[str, Any]) -> str:
    for name, message in fields.items():
        if isinstance(message, str):
            return f"{name}: {message}"
        if isinstance(message, dict):
            return f"{name}.{_first_message(message)}"
    return MESSAGES[422][1]
