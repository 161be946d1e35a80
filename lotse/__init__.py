"""Lotse: a service directory and referral-routing engine for social services."""

from __future__ import annotations

from typing import Any

from flask import Flask

from lotse.config import load_config
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
    return app
