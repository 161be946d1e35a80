"""Index generations on disk: builds, the atomic switch, a killed build, commands, and row summaries."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import update

from lotse.cli import main
from lotse.db import Database
from lotse.directory.importer import import_bundle
from lotse.directory.reading import offers_query
from lotse.directory.summary import offer_summary
from lotse.models import Offer
from lotse.search import index
from lotse.search.documents import all_district_ids, load_offers, summary_of
from lotse.search.service import SearchQuery, SearchService
from tests.conftest import ROOT, SEED
from tests.search.conftest import offer_id, write_search_bundle

#: Seconds a test waits for a subprocess to reach a point (generous; the work itself takes < 2 s).
WAIT_SECONDS = 60


def test_build_points_current_at_a_new_generation(loaded: Database, tmp_path: Path) -> None:
    root = tmp_path / "index"
    first = index.build(loaded, root)
    second = index.build(loaded, root)
    assert index.current_generation(root) == second.path != first.path
    assert (first.offers, second.offers) == (5, 5)


def test_rebuild_keeps_the_previous_generation_and_removes_older_ones(
    loaded: Database, tmp_path: Path
) -> None:
    root = tmp_path / "index"
    builds = [index.build(loaded, root).path for _ in range(3)]
    assert [p for _, p in index.generations(root)] == builds[1:]


def test_two_process_build_indexes_the_same_offers_as_one(
    loaded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "PARALLEL_MIN_OFFERS", 0)
    searches = []
    for procs in (1, 2):
        root = tmp_path / f"procs-{procs}"
        assert index.build(loaded, root / "index", procs=procs).offers == 5
        search = SearchService(loaded, root)
        result = search.search(SearchQuery(text="Beratung", per_page=50))
        assert result.source == "index"
        searches.append(sorted(hit.offer_id for hit in result.hits))
        search.close()
    assert searches[0] == searches[1] and searches[0]


def test_build_stores_the_change_log_position(loaded: Database, tmp_path: Path) -> None:
    built = index.build(loaded, tmp_path / "index")
    assert built.seq == index.max_seq(loaded) > 0


def _start_killable_build(database_url: str, root: Path, marker: Path) -> subprocess.Popen[bytes]:
    """A `lotse reindex`-like build in another process that stops after its first offer."""
    script = f"""
import sys, time
from pathlib import Path
from lotse.db import Database
from lotse.search import index
original = index.iter_active
def stalled(db, batch_size=1):
    for batch in original(db, batch_size=1):
        yield batch
        Path({str(marker)!r}).touch()
        time.sleep({WAIT_SECONDS})
index.iter_active = stalled
index.build(Database({database_url!r}), Path({str(root)!r}))
"""
    return subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)


def test_killed_rebuild_leaves_searches_on_the_previous_generation(
    service: SearchService, database_url: str, tmp_path: Path
) -> None:
    root = service.engine.root
    before = index.current_generation(root)
    marker = tmp_path / "halfway"
    process = _start_killable_build(database_url, root, marker)
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the build never got halfway"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=WAIT_SECONDS)
    assert index.current_generation(root) == before
    assert any(p.name.startswith(index.BUILD_PREFIX) for p in root.iterdir())
    result = service.search(SearchQuery(text="Schulden"))
    assert (result.source, [h.offer_id for h in result.hits]) == ("index", [offer_id("schulden")])


def test_next_build_removes_what_a_killed_build_left(loaded: Database, tmp_path: Path) -> None:
    root = tmp_path / "index"
    root.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    leftover = root / f"{index.BUILD_PREFIX}{int(dead.stdout)}-abcdef12"
    leftover.mkdir()
    index.build(loaded, root)
    assert not leftover.exists()


def test_index_summaries_from_rows_equal_those_of_the_models(db: Database) -> None:
    import_bundle(db, SEED)
    with db.session() as session:
        district_ids = all_district_ids(session)
        expected = {o.id: offer_summary(o, district_ids) for o in session.scalars(offers_query())}
        rows = load_offers(session, list(expected))
        assert {i: summary_of(o, district_ids) for i, o in rows.items()} == expected
    # The imported records (most of a row) are not read: no summary needs them.
    assert not any(hasattr(o, "original") for o in rows.values())


# --- commands ------------------------------------------------------------------------------------


@pytest.fixture
def env(loaded: Database, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LOTSE_DATABASE_URL", database_url)
    monkeypatch.setenv("LOTSE_INSTANCE_DIR", str(tmp_path / "instance"))
    return tmp_path / "instance" / "index"


def test_reindex_command_builds_a_generation(env: Path) -> None:
    result = CliRunner().invoke(main, ["reindex"])
    assert result.exit_code == 0, result.output
    assert "5 Angebote" in result.output and index.current_generation(env) is not None


def test_check_index_reports_agreement(env: Path) -> None:
    CliRunner().invoke(main, ["reindex"])
    result = CliRunner().invoke(main, ["check-index"])
    assert result.exit_code == 0 and "stimmen überein" in result.output


def test_check_index_finds_planted_differences(env: Path, loaded: Database) -> None:
    CliRunner().invoke(main, ["reindex"])
    # Changes written behind the change log's back: the index cannot know them.
    with loaded.writing() as session:
        session.execute(
            update(Offer).where(Offer.id == offer_id("schulden")).values(version=Offer.version + 1)
        )
        session.execute(update(Offer).where(Offer.id == offer_id("sucht")).values(status="inactive"))
        session.execute(update(Offer).where(Offer.id == offer_id("geschlossen")).values(status="active"))
    result = CliRunner().invoke(main, ["check-index"])
    assert result.exit_code == 1
    assert (
        f"Veraltet im Index: {offer_id('schulden')} (Index Version 1, Datenbank Version 2)" in result.output
    )
    assert f"nicht aktiv in der Datenbank: {offer_id('sucht')}" in result.output
    assert f"Fehlt im Index: {offer_id('geschlossen')}" in result.output


def test_check_index_without_an_index_says_how_to_fix_it(env: Path) -> None:
    result = CliRunner().invoke(main, ["check-index"])
    assert result.exit_code == 1 and "lotse reindex" in result.output


def test_init_builds_the_index(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOTSE_DATABASE_URL", database_url)
    monkeypatch.setenv("LOTSE_INSTANCE_DIR", str(tmp_path / "instance"))
    result = CliRunner().invoke(main, ["init", "--data", str(write_search_bundle(tmp_path / "bundle"))])
    assert result.exit_code == 0, result.output
    assert index.current_generation(tmp_path / "instance" / "index") is not None


def test_rows_of_unknown_ids_are_left_out(loaded: Database) -> None:
    with loaded.session() as session:
        assert set(load_offers(session, [offer_id("schulden"), "gibt-es-nicht"])) == {offer_id("schulden")}


def test_postings_read_by_block_equal_those_read_one_by_one(service: SearchService) -> None:
    from lotse.search import fields as F
    from lotse.search.scoring import read_postings

    with service.engine.reading() as snapshot:
        assert snapshot is not None
        reader, _offset = snapshot.leaves[0]
        by_block: dict[int, int] = {}
        read_postings(reader.postings(F.TEXT, "berat"), 0, by_block)
        matcher, one_by_one = reader.postings(F.TEXT, "berat"), {}
        while matcher.is_active():
            one_by_one[matcher.id()] = int(matcher.weight())
            matcher.next()
    assert by_block == one_by_one and len(by_block) >= 3


def test_a_generation_built_with_other_fields_is_not_used(tmp_path: Path) -> None:
    from whoosh import fields
    from whoosh import index as windex

    from lotse.search.index import IndexUnavailable, open_generation

    windex.create_in(str(tmp_path), fields.Schema(id=fields.ID(stored=True, unique=True)))
    with pytest.raises(IndexUnavailable, match="other fields"):
        open_generation(tmp_path)
