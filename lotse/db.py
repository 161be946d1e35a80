"""Database engine and sessions: SQLite (WAL, foreign keys, immediate write transactions) or PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

#: Milliseconds a SQLite connection waits for a lock before giving up.
SQLITE_BUSY_TIMEOUT_MS = 30_000


class Database:
    """One database: an engine plus a reading and a writing session factory."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.engine = _make_engine(url, self.is_sqlite)
        # Writes on SQLite start with BEGIN IMMEDIATE so concurrent writers queue on the busy
        # timeout instead of failing with "database is locked" when they upgrade a read lock.
        self.write_engine = self.engine.execution_options(lotse_write=True)
        #: Writes that may be left for later: on SQLite, when another connection holds the write lock, BEGIN
        #: fails at once (OperationalError) instead of waiting. SQLite's busy handler waits in growing steps
        #: (1, 2, 5, 10, 15, 20, 25 ms, …), so even a lock held for a millisecond costs a waiter 50-100 ms.
        #: On PostgreSQL such a write waits as any other (row locks are held only for the other transaction).
        self.write_if_free_engine = self.engine.execution_options(lotse_write=True, lotse_no_wait=True)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)

    def session(self) -> Session:
        """Return a new session for reading (deferred transactions)."""
        return self._read()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """Yield a session in a write transaction that commits on success and rolls back on error."""
        with self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        """Close all pooled connections."""
        self.engine.dispose()


def _make_engine(url: str, is_sqlite: bool) -> Engine:
    if not is_sqlite:
        return create_engine(url, pool_pre_ping=True, future=True)
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite would otherwise defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        options = conn.get_execution_options()
        if not options.get("lotse_write", False):
            conn.exec_driver_sql("BEGIN")
        elif not options.get("lotse_no_wait", False):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("PRAGMA busy_timeout=0")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                conn.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")

    return engine
