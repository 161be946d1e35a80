"""Optimistic locking under load: 200 concurrent edits against `lotse serve --workers 4` over real HTTP.

Every edit reads the offer's ETag and writes with If-Match. Whoever loses a race must get 409 with the
German message; nobody may get a server error, SQLite must never answer "database is locked", and the
final version must equal the number of successful writes (no lost and no double update).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from lotse.db import Database
from lotse.models import ChangeLog, OfferRevision
from tests import builders
from tests.conftest import BACKENDS, POSTGRES_URL
from tests.live_server import LiveServer, live_server, postgres_schema
from tests.staff import OWN_OFFER, OWN_ORG

pytestmark = pytest.mark.slow

EDITS = 200
#: Client threads: more than the 4 workers, so requests really overlap.
CLIENTS = 16
#: The search pipeline must show an edit within this many seconds (issue 6).
SEARCH_DELAY = 2.0


@pytest.fixture(scope="module", params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    workdir = tmp_path_factory.mktemp(f"live-{request.param}")
    bundle = builders.write_bundle(
        workdir / "bundle",
        [
            builders.organization(
                builders.service("Schuldnerberatung", id=OWN_OFFER), id=OWN_ORG, name="Träger"
            )
        ],
    )
    env = {"LOTSE_RATELIMIT_API": "100000 per minute"}
    if request.param == "sqlite":
        with live_server(f"sqlite:///{workdir / 'lotse.sqlite3'}", workdir, bundle, env=env) as running:
            yield running
        return
    assert POSTGRES_URL
    with postgres_schema(POSTGRES_URL) as url, live_server(url, workdir, bundle, env=env) as running:
        yield running


def _edit(server: LiveServer, number: int) -> tuple[int, str]:
    status, headers, _body = server.request("GET", f"/api/v1/offers/{OWN_OFFER}")
    assert status == 200
    status, _headers, body = server.request(
        "PATCH",
        f"/api/v1/offers/{OWN_OFFER}",
        {"description": f"Bearbeitung Nummer {number}"},
        {**server.auth(), "If-Match": headers["etag"]},
    )
    code = body["error"]["code"] if isinstance(body, dict) and "error" in body else ""
    message = body["error"]["message"] if code else ""
    return status, f"{code}: {message}" if code else ""


def _version(server: LiveServer) -> int:
    return int(server.request("GET", f"/api/v1/offers/{OWN_OFFER}")[2]["version"])


def test_concurrent_edits_lose_no_update(server: LiveServer) -> None:
    first = _version(server)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = list(pool.map(lambda n: _edit(server, n), range(EDITS)))
    seconds = time.monotonic() - started
    statuses = Counter(status for status, _ in results)
    final = _version(server)
    others = {status: count for status, count in statuses.items() if status not in (200, 409)}
    print(
        f"\nNebenläufigkeit: {EDITS} Versuche in {seconds:.1f} s: {statuses[200]} gespeichert, "
        f"{statuses[409]} mit 409 abgewiesen, andere {others}; Version {first} -> {final}"
    )
    assert set(statuses) <= {200, 409}, statuses
    assert final - first == statuses[200]
    assert all("Jemand anderes hat dieses Angebot" in reason for status, reason in results if status == 409)
    logs = server.logs()
    assert "database is locked" not in logs and "Unerwarteter Fehler" not in logs


def test_every_successful_edit_is_in_history_and_change_log(server: LiveServer) -> None:
    version = _version(server)
    db = Database(server.database_url)
    with db.session() as session:
        revisions = session.scalar(
            select(func.count()).select_from(OfferRevision).where(OfferRevision.action == "update")
        )
        changes = session.scalar(select(func.max(ChangeLog.version)).where(ChangeLog.service_id == OWN_OFFER))
    db.dispose()
    assert revisions == version - 1 and changes == version


def test_an_edit_is_found_by_search_within_two_seconds(server: LiveServer) -> None:
    # A running server has been searched before: every worker has its index open (as in production).
    for _ in range(12):
        assert server.request("GET", "/api/v1/search?q=Beratung")[0] == 200
    status, headers, _ = server.request("GET", f"/api/v1/offers/{OWN_OFFER}")
    status, _, _ = server.request(
        "PATCH",
        f"/api/v1/offers/{OWN_OFFER}",
        {"description": "Jetzt auch Beratung zum Pfändungsschutzkonto"},
        {**server.auth(), "If-Match": headers["etag"]},
    )
    assert status == 200
    written = time.monotonic()
    found_after = None
    while time.monotonic() - written < SEARCH_DELAY + 3:
        body = server.request("GET", "/api/v1/search?q=Pf%C3%A4ndungsschutzkonto")[2]
        if OWN_OFFER in [item["id"] for item in body.get("items", [])]:
            found_after = time.monotonic() - written
            break
        time.sleep(0.1)
    print(
        f"\nSuche findet die Änderung nach {found_after if found_after is None else round(found_after, 2)} s"
    )
    assert found_after is not None and found_after <= SEARCH_DELAY
