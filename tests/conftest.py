"""Shared fixtures: databases on SQLite (always) and PostgreSQL (when configured), apps, bundles."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from lotse import create_app
from lotse.db import Database
from lotse.models import Base
from lotse.schema import upgrade

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LOTSE_SHARED_DIR", ROOT.parent / "shared"))
MUSTERHAUSEN = SHARED / "devset" / "musterhausen"
SEED = ROOT / "seed_data"
POSTGRES_URL = os.environ.get("LOTSE_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgres"] if POSTGRES_URL else [])


def requires_shared() -> pytest.MarkDecorator:
    """Skip a test when the project's shared/ folder is not beside the repository."""
    return pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared/ fehlt unter {SHARED}")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite database file, copied for each test."""
    path = tmp_path_factory.mktemp("template") / "lotse.sqlite3"
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_schema_url() -> Iterator[str]:
    """A private schema in the PostgreSQL test database, migrated once and dropped at the end."""
    assert POSTGRES_URL
    schema = f"lotse_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    rendered = url.render_as_string(hide_password=False)
    db = Database(rendered)
    upgrade(db)
    db.dispose()
    yield rendered
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


#: Test modules about the database itself (import, export, schema, writes, locking, accounts, sync across
#: servers) run on PostgreSQL as well; everything else (HTTP, pages, search, routing) runs on SQLite only.
POSTGRES_TEST_PATHS = (
    "tests/directory/",
    "tests/accounts/",
    "tests/test_schema.py",
    "tests/test_cli.py",
    "tests/test_concurrency.py",
    "tests/search/test_sync.py",
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run database tests on every configured backend, the others on SQLite."""
    if "database_url" not in metafunc.fixturenames:
        return
    path = metafunc.definition.path.relative_to(ROOT).as_posix()
    backends = BACKENDS if path.startswith(POSTGRES_TEST_PATHS) else ["sqlite"]
    metafunc.parametrize("database_url", backends, indirect=True)


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """An empty, migrated database for one test, on the backend the test is parametrized with."""
    if getattr(request, "param", "sqlite") == "sqlite":
        path = tmp_path / "lotse.sqlite3"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("postgres_schema_url")
    yield url
    engine = create_engine(url)
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """The test's database."""
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def app_config(database_url: str, tmp_path: Path) -> dict[str, object]:
    """Configuration of a test app on the test's database and its own instance directory."""
    return {
        "DATABASE_URL": database_url,
        "INSTANCE_DIR": str(tmp_path / "instance"),
        "SECRET_KEY": "test-secret",
        "TESTING": True,
    }


@pytest.fixture
def app(app_config: dict[str, object]):  # type: ignore[no-untyped-def]
    """A Lotse app on the test's database."""
    application = create_app(app_config)
    yield application
    application.extensions["lotse"].close()


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    """A test client of the app."""
    return app.test_client()
