"""The HTML pages: the start page (the full pages for case workers come with their own module)."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from lotse.directory import reading
from lotse.web.deps import session

bp = Blueprint("pages", __name__)


@bp.get("/")
def index() -> ResponseReturnValue:
    """The start page: what Lotse is, with links to the API description."""
    counts = reading.offer_counts(session())
    return render_template(
        "index.html",
        offers=sum(counts.values()),
        organizations=len(counts),
        districts=len(reading.districts(session())),
    )
