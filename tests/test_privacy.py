"""Privacy: a situation text is never written to the database, the index or any log.

A marker text goes through the route API (and the Lotse page) of a real server; afterwards the SQLite
file with its WAL, every file of the instance directory (the index among them) and everything gunicorn
and the app logged are searched for it. There must be no hit.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import builders
from tests.live_server import LiveServer, live_server
from tests.staff import OWN_OFFER, OWN_ORG

pytestmark = pytest.mark.slow

#: A word nobody else writes; the situation around it makes the router really work on the text.
MARKER = f"Geheimwort{uuid.uuid4().hex[:12]}"
SITUATION = f"Ich habe Schulden und eine Mahnung vom Inkasso bekommen. {MARKER} Meine Miete ist auch offen."


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Path, list[int]]]:
    """A server that received the marker in several ways; it is stopped before anything is searched."""
    workdir = tmp_path_factory.mktemp("privacy")
    bundle = builders.write_bundle(
        workdir / "bundle",
        [
            builders.organization(
                builders.service("Schuldnerberatung", id=OWN_OFFER), id=OWN_ORG, name="Träger"
            )
        ],
    )
    statuses = []
    with live_server(f"sqlite:///{workdir / 'lotse.sqlite3'}", workdir, bundle, workers=2) as server:
        statuses.append(server.request("POST", "/api/v1/route", {"situation": SITUATION, "age": 40})[0])
        # The same text with an invalid field: error paths must not quote it either.
        statuses.append(server.request("POST", "/api/v1/route", {"situation": SITUATION, "age": "alt"})[0])
        statuses.append(server.request("POST", "/api/v1/route", {"situation": SITUATION * 40})[0])
        # The Lotse page of the case workers asks the same router with a form.
        statuses.append(server.post_form("/lotse", {"situation": SITUATION, "age": "40"}))
    yield server, workdir, statuses


def _hits(path: Path) -> bool:
    data = path.read_bytes().lower()
    return MARKER.lower().encode() in data or MARKER[-12:].encode() in data


def test_the_route_api_answered_the_marker_text(sent: tuple[LiveServer, Path, list[int]]) -> None:
    _server, _workdir, statuses = sent
    assert statuses[0] == 200 and statuses[1] == 422 and all(s < 500 for s in statuses)


def test_the_database_file_never_holds_the_text(sent: tuple[LiveServer, Path, list[int]]) -> None:
    _server, workdir, _ = sent
    files = [p for p in workdir.glob("lotse.sqlite3*") if p.is_file()]
    assert files and [p.name for p in files if _hits(p)] == []


def test_the_index_and_instance_directory_never_hold_the_text(
    sent: tuple[LiveServer, Path, list[int]],
) -> None:
    server, _workdir, _ = sent
    files = [p for p in server.instance_dir.rglob("*") if p.is_file()]
    assert any("index" in p.parts for p in files)
    assert [str(p) for p in files if _hits(p)] == []


def test_no_log_holds_the_text(sent: tuple[LiveServer, Path, list[int]]) -> None:
    server, _workdir, _ = sent
    logs = server.logs()
    assert "POST /api/v1/route" in logs  # the access log was captured
    assert MARKER.lower() not in logs.lower() and MARKER[-12:] not in logs
