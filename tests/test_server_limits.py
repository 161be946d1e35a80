"""Long request lines reach Lotse through gunicorn and get Lotse's German answers, up to gunicorn's limit."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from lotse.server import LIMIT_REQUEST_LINE
from tests import builders
from tests.live_server import LiveServer, live_server
from tests.staff import OWN_ORG

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    workdir = tmp_path_factory.mktemp("limits")
    organization = builders.organization(builders.service("Schuldnerberatung"), id=OWN_ORG, name="Träger")
    bundle = builders.write_bundle(workdir / "bundle", [organization])
    with live_server(f"sqlite:///{workdir / 'lotse.sqlite3'}", workdir, bundle, workers=1) as running:
        yield running


def _line_length(path: str) -> int:
    return len(f"GET {path} HTTP/1.1")


def _filled(base: str, key: str, value: str, length: int) -> str:
    """The path with as many `key=value` parameters as fit in a request line of `length` characters."""
    count = (length - _line_length(base + "?")) // len(f"{key}={value}&")
    return base + "?" + urlencode([(key, value)] * count)


def test_three_hundred_need_values_get_a_german_422(server: LiveServer) -> None:
    path = "/api/v1/search?" + urlencode([("need", f"GEL.X{i:03d}") for i in range(300)])
    status, _headers, body = server.request("GET", path)
    assert status == 422 and body["error"]["fields"]["need"] == "Höchstens 30 Werte."


def test_three_hundred_times_the_same_need_is_one_need(server: LiveServer) -> None:
    status, _headers, body = server.request("GET", "/api/v1/search?" + urlencode([("need", "GEL")] * 300))
    assert status == 200 and body["total"] == 1


def test_a_five_thousand_character_offer_id_gets_a_german_404(server: LiveServer) -> None:
    status, _headers, body = server.request("GET", "/api/v1/offers/" + "a" * 5000)
    assert status == 404 and body["error"]["code"] == "not_found"


def test_a_laufzettel_as_long_as_gunicorn_allows_gets_a_german_page(server: LiveServer) -> None:
    path = _filled("/laufzettel", "angebot", str(uuid.uuid4()), LIMIT_REQUEST_LINE - 10)
    assert _line_length(path) > 8000
    status, headers, body = server.request("GET", path)
    assert status == 422 and headers["content-type"].startswith("text/html")
    assert "Bitte höchstens 20 Angebote auswählen." in body


def test_the_longest_request_line_gunicorn_allows_is_answered_by_lotse(server: LiveServer) -> None:
    path = _filled("/api/v1/search", "x", "1", LIMIT_REQUEST_LINE - 10)
    path += "&q=" + "a" * (LIMIT_REQUEST_LINE - _line_length(path) - 3)
    assert _line_length(path) == LIMIT_REQUEST_LINE
    status, _headers, body = server.request("GET", path)
    assert status == 200 and isinstance(body, dict) and body["total"] == 0


def test_a_search_text_over_the_limit_gets_a_german_422(server: LiveServer) -> None:
    status, _headers, body = server.request("GET", "/api/v1/search?q=" + "Schulden%20" * 700)
    assert status == 422 and "höchstens 300 Zeichen" in json.dumps(body, ensure_ascii=False)
