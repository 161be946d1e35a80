"""Requests of any shape get a German answer from Lotse: nesting, parameter counts, long ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from lotse.web.params import MAX_JSON_DEPTH, nesting_exceeds
from tests.staff import Staff, build


@pytest.fixture
def staff(app: Flask, tmp_path: Path) -> Staff:
    return build(app.extensions["lotse"].db, tmp_path)


def _nested(levels: int) -> str:
    return '{"situation": "Schulden", "x": ' + "[" * levels + "]" * levels + "}"


@pytest.mark.parametrize("levels", [MAX_JSON_DEPTH + 1, 1000, 20_000])
def test_deeply_nested_json_on_the_route_api_gets_a_german_400(client: FlaskClient, levels: int) -> None:
    response = client.post("/api/v1/route", data=_nested(levels), content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["message"].startswith("Der Inhalt ist zu tief verschachtelt")


def test_deeply_nested_json_on_the_offer_api_gets_a_german_400(client: FlaskClient, staff: Staff) -> None:
    body = '{"name": "Neu", "location": ' + '{"name": ' * 1000 + '"x"' + "}" * 1000 + "}"
    response = client.post(
        "/api/v1/offers", data=body, content_type="application/json", headers=staff.auth("carrier")
    )
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "too_deep"


def test_brackets_inside_strings_are_not_nesting() -> None:
    assert not nesting_exceeds(b'{"situation": "[[[[[[[[[[[[[[[[ \\" {{{{{{{{{{{{{{"}', 2)


def test_nesting_is_counted_across_arrays_and_objects() -> None:
    assert nesting_exceeds(b'[{"a": [{"b": []}]}]', 4) and not nesting_exceeds(b'[{"a": [{"b": []}]}]', 5)
