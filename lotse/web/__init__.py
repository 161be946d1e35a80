"""The web layer: blueprints, error handlers, CORS and security headers."""

from __future__ import annotations

from flask import Flask, request
from flask_cors import CORS


def register(app: Flask) -> None:
    """Attach all blueprints and handlers to the app."""
    from lotse.web import api, auth, carrier, hsds, openapi, pages, planning, security, widget
    from lotse.web.deps import close_session
    from lotse.web.errors import APIError, register_error_handlers

    for blueprint in (api.bp, hsds.bp, openapi.bp, pages.bp, widget.bp, auth.bp, carrier.bp, planning.bp):
        app.register_blueprint(blueprint)
    register_error_handlers(app)
    security.init_app(app)  # headers, CSRF and rate limits (needs the blueprints registered)

    @app.before_request
    def _limit_body() -> None:
        # Refuse an oversized body before any view (or method check) looks at it.
        limit = app.config["MAX_CONTENT_LENGTH"]
        if request.content_length is not None and request.content_length > limit:
            raise APIError(413, f"Die Anfrage ist zu groß (höchstens {limit // 1024} KB).")

    app.teardown_appcontext(close_session)
    # Public, read-only data may be read from any origin; no cookies travel with these requests.
    CORS(
        app,
        resources={
            r"/hsds/*": {"origins": "*"},
            r"/api/*": {"origins": "*", "expose_headers": ["ETag"]},
            r"/openapi.json": {"origins": "*"},
        },
        send_wildcard=True,
    )
