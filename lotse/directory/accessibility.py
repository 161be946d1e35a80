"""Accessibility of an offer: the features a carrier can tick, with their German labels."""

from __future__ import annotations

from collections.abc import Iterable

#: Code -> German label, in the order a form and a card show them (HSDS `accessibility`, as codes).
FEATURES = {
    "step_free": "stufenloser Zugang",
    "wheelchair_toilet": "rollstuhlgerechtes WC",
    "hearing_loop": "Hörschleife (Induktionsanlage)",
    "sign_language": "Gebärdensprache",
    "easy_language": "Leichte Sprache",
}


def labels(codes: Iterable[str] | None) -> list[str]:
    """Return the German labels of the known codes, in form order."""
    given = set(codes or ())
    return [label for code, label in FEATURES.items() if code in given]


def known(codes: Iterable[str] | None) -> list[str]:
    """Return the known codes among these, in form order (unknown ones are dropped)."""
    given = set(codes or ())
    return [code for code in FEATURES if code in given]
