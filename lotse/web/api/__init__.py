"""The JSON API under /api/v1: one blueprint, one module per concern."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# Importing the modules registers their routes on the blueprint.
from lotse.web.api import (  # noqa: E402,F401
    directory,
    offers_write,
    route,
    search,
    statistics,
    tokens,
)
