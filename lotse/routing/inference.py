"""Needs of offers that come without codes, recognised from their own text (the directory's writes get
this function from the service container, so lotse.directory never imports routing)."""

from __future__ import annotations

from collections.abc import Sequence

from lotse.routing.needs import infer_offer_needs


def infer_needs(text: str) -> Sequence[tuple[str, float]]:
    """Return (need code, score) pairs the recogniser finds in an offer's name and description."""
    return [(match.code, match.score) for match in infer_offer_needs(text)]
