"""Lotse: a service directory and referral-routing engine for social services."""

from __future__ import annotations

from typing import Any

from flask import Flask

from lotse.config import load_config
from lotse.giving_way import CountingRequests
from lotse.services import Services


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask app: defaults, then the environment, then `config` (tests) wins."""
    app = Flask(__name__)
    app.config.update(load_config(config))
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    services = Services(app.config)
    app.extensions["lotse"] = services

    from lotse.web import register

    register(app)
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies:
        # Behind nginx every request comes from the proxy; trust exactly as many X-Forwarded-For entries as
        # there are proxies, so rate limits count real clients and nobody can pose as another by the header.
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    # Background threads (the index writer, the offer pool) wait while a request is answered.
    app.wsgi_app = CountingRequests(app.wsgi_app)  # type: ignore[method-assign]
    return app
