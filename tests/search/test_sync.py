"""Keeping indexes in step with the database: change log, one writer, gaps, reconciliation, processes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from lotse.db import Database
from lotse.directory.importer import import_bundle
from lotse.models import ChangeLog, Offer
from lotse.schema import upgrade
from lotse.search.service import SearchQuery, SearchService
from tests.conftest import POSTGRES_URL, ROOT
from tests.search.conftest import OFFERS, offer_id, write_search_bundle

#: The promise: a saved offer is found everywhere within this many seconds.
VISIBLE_WITHIN = 2.0
#: Seconds a server gets to start answering (gunicorn, imports, opening the index).
START_SECONDS = 60


def _rename(db: Database, key: str, name: str, *, log: bool = True) -> None:
    """Change an offer's name the way every write does: new version, change-log row in one transaction."""
    with db.writing() as session:
        offer = session.get(Offer, offer_id(key))
        assert offer is not None
        offer.name = name
        offer.version += 1
        if log:
            session.add(ChangeLog(service_id=offer.id, version=offer.version))


def _found(search: SearchService, text_: str) -> set[str]:
    return {h.offer_id for h in search.search(SearchQuery(text=text_)).hits}


def test_saved_change_is_found_by_the_next_search(service: SearchService, loaded: Database) -> None:
    _rename(loaded, "sucht", "Suchtberatung Zebrafink")
    assert _found(service, "Zebrafink") == {offer_id("sucht")}


def test_deactivated_offer_vanishes_from_the_index(service: SearchService, loaded: Database) -> None:
    with loaded.writing() as session:
        offer = session.get(Offer, offer_id("sucht"))
        assert offer is not None
        offer.status = "inactive"
        offer.version += 1
        session.add(ChangeLog(service_id=offer.id, version=offer.version))
    assert offer_id("sucht") not in _found(service, "Suchtberatung")
    assert not service.check()


def _set_status(db: Database, key: str, status: str) -> None:
    with db.writing() as session:
        offer = session.get(Offer, offer_id(key))
        assert offer is not None
        offer.status = status
        offer.version += 1
        session.add(ChangeLog(service_id=offer.id, version=offer.version))


def test_changes_since_a_snapshot_are_exactly_the_edited_added_and_removed_offers(
    service: SearchService, loaded: Database
) -> None:
    _set_status(loaded, "sucht", "inactive")
    with service.engine.reading() as before:
        assert before is not None
        known, since = dict(before.versions()), before.key
    _rename(loaded, "jugend", "Jugendtreff Kranichweg")
    with service.engine.reading() as between:
        assert between is not None and between.touched_since(since) == {offer_id("jugend")}
    _set_status(loaded, "sucht", "active")  # added again
    _set_status(loaded, "schulden", "inactive")  # removed
    with service.engine.reading() as after:
        assert after is not None
        # Only the offers written since are looked at, not every offer of the index.
        assert after.touched_since(since) == {offer_id(k) for k in ("jugend", "sucht", "schulden")}
        found = after.changes(known, since)
        walked = after.changes(known, None)  # no history to go by: every offer compared
    assert set(found.changed) == set(walked.changed) == {offer_id("jugend"), offer_id("sucht")}
    assert found.removed == walked.removed == {offer_id("schulden")}
    assert found.changed[offer_id("jugend")].summary.name == "Jugendtreff Kranichweg"
    assert found.changed[offer_id("jugend")] == walked.changed[offer_id("jugend")]
    assert not found.complete


def test_reimported_bundle_updates_the_index(
    service: SearchService, loaded: Database, tmp_path: Path
) -> None:
    renamed = {**OFFERS["jugend"], "name": "Jugendtreff Kranichweg"}
    bundle = write_search_bundle(tmp_path / "again")
    organizations = json.loads((bundle / "organizations.json").read_text(encoding="utf-8"))
    organizations[1]["services"] = [
        s if s["id"] != renamed["id"] else renamed for s in organizations[1]["services"]
    ]
    (bundle / "organizations.json").write_text(json.dumps(organizations), encoding="utf-8")
    import_bundle(loaded, bundle)
    assert _found(service, "Kranichweg") == {offer_id("jugend")}


def test_only_one_engine_per_directory_writes(service: SearchService, loaded: Database) -> None:
    other = SearchService(loaded, service.engine.root.parent)
    try:
        service.search(SearchQuery(text="Schulden"))
        assert service.engine.writer.is_writer
        assert not other.engine.writer.try_acquire()
    finally:
        other.close()


def test_reader_sees_what_the_writer_applied(service: SearchService, loaded: Database) -> None:
    reader = SearchService(loaded, service.engine.root.parent)
    try:
        service.search(SearchQuery())  # the first engine takes the writer role
        _rename(loaded, "sucht", "Suchtberatung Zebrafink")
        assert _found(reader, "Zebrafink") == set()  # nobody has applied the change yet
        service.search(SearchQuery())  # the writer applies it
        assert _found(reader, "Zebrafink") == {offer_id("sucht")}
    finally:
        reader.close()


def test_writer_role_passes_on_when_the_writer_closes(service: SearchService, loaded: Database) -> None:
    other = SearchService(loaded, service.engine.root.parent)
    try:
        service.search(SearchQuery())
        service.close()
        _rename(loaded, "sucht", "Suchtberatung Zebrafink")
        assert _found(other, "Zebrafink") == {offer_id("sucht")}
        assert other.engine.writer.is_writer
    finally:
        other.close()


def test_background_follower_applies_changes_without_searches(
    service: SearchService, loaded: Database
) -> None:
    reader = SearchService(loaded, service.engine.root.parent)
    try:
        service.search(SearchQuery())
        service.engine.interval = 0.05
        service.start()
        _rename(loaded, "sucht", "Suchtberatung Zebrafink")
        deadline = time.monotonic() + 30
        while not _found(reader, "Zebrafink") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _found(reader, "Zebrafink") == {offer_id("sucht")}
    finally:
        reader.close()


def test_change_log_entry_that_commits_late_is_still_applied(
    service: SearchService, loaded: Database
) -> None:
    # On PostgreSQL a transaction can commit after one that took a higher sequence number.
    service.search(SearchQuery())
    with loaded.session() as session:
        newest = int(session.scalar(select(func.max(ChangeLog.seq))) or 0)
    _rename(loaded, "sucht", "Suchtberatung Zebrafink", log=False)
    with loaded.writing() as session:
        session.add(ChangeLog(seq=newest + 5, service_id=offer_id("sucht"), version=2))
    service.search(SearchQuery())
    _rename(loaded, "jugend", "Jugendtreff Kranichweg", log=False)
    with loaded.writing() as session:
        session.add(ChangeLog(seq=newest + 2, service_id=offer_id("jugend"), version=2))
    assert _found(service, "Kranichweg") == {offer_id("jugend")}


def test_reconciliation_repairs_what_the_change_log_missed(service: SearchService, loaded: Database) -> None:
    service.search(SearchQuery())
    _rename(loaded, "sucht", "Suchtberatung Zebrafink", log=False)
    assert service.check().stale
    assert service.engine.writer.reconcile() == 1
    assert _found(service, "Zebrafink") == {offer_id("sucht")}


# --- real servers --------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A `lotse serve` process on 127.0.0.1 with its own instance directory."""

    def __init__(self, database_url: str, instance: Path, workers: int) -> None:
        self.port = _free_port()
        env = {**os.environ, "LOTSE_DATABASE_URL": database_url, "LOTSE_INSTANCE_DIR": str(instance)}
        lotse = Path(sys.executable).with_name("lotse")
        self.process = subprocess.Popen(
            [str(lotse), "serve", "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def search(self, q: str) -> set[str]:
        """Ids of the offers a search through this server finds."""
        url = f"http://127.0.0.1:{self.port}/api/v1/search?q={urllib.parse.quote(q)}&facets=0"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            return {item["id"] for item in json.load(response)["items"]}

    def wait_ready(self) -> None:
        """Wait until the server answers searches from its index."""
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "server exited"
            try:
                if self.search("Schulden"):
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError("server did not start")

    def stop(self) -> None:
        """Stop the server and its workers."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)


def _prepared(database_url: str, instance: Path, tmp_path: Path) -> None:
    db = Database(database_url)
    try:
        upgrade(db)
        import_bundle(db, write_search_bundle(tmp_path / "bundle"))
        search = SearchService(db, instance)
        search.refresh(rebuild=True)
        search.close()
    finally:
        db.dispose()


def _assert_visible_everywhere(servers: list[Server], database_url: str) -> None:
    db = Database(database_url)
    try:
        _rename(db, "sucht", "Suchtberatung Zebrafink")
    finally:
        db.dispose()
    saved = time.monotonic()
    time.sleep(max(0.0, saved + VISIBLE_WITHIN - time.monotonic()))
    # Many requests at once, so every worker of every server answers some of them.
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda s: s.search("Zebrafink"), [s for s in servers for _ in range(8)]))
    assert all(answer == {offer_id("sucht")} for answer in answers), answers


@pytest.mark.slow
def test_saved_offer_is_found_by_every_worker_within_two_seconds(
    tmp_path: Path, sqlite_template: Path
) -> None:
    database = tmp_path / "lotse.sqlite3"
    database.write_bytes(sqlite_template.read_bytes())
    url = f"sqlite:///{database}"
    _prepared(url, tmp_path / "instance", tmp_path)
    server = Server(url, tmp_path / "instance", workers=2)
    try:
        server.wait_ready()
        _assert_visible_everywhere([server], url)
    finally:
        server.stop()


@pytest.fixture
def own_postgres_schema() -> Iterator[str]:
    """A PostgreSQL schema of this test alone (two servers share it), dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("LOTSE_TEST_POSTGRES_URL ist nicht gesetzt")
    schema = f"lotse_sync_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.mark.slow
@pytest.mark.postgres
def test_two_servers_on_one_postgres_stay_in_sync(tmp_path: Path, own_postgres_schema: str) -> None:
    url = own_postgres_schema
    _prepared(url, tmp_path / "a", tmp_path)
    servers = [Server(url, tmp_path / "a", workers=1), Server(url, tmp_path / "b", workers=1)]
    try:
        for server in servers:
            server.wait_ready()
        _assert_visible_everywhere(servers, url)
    finally:
        for server in servers:
            server.stop()
