"""Keeping an index in step with the database: the one writer per instance directory follows the change log.

Every change of an offer adds a change-log row in the same transaction. The writer applies the rows after
the position its index has seen (stored in the index's meta document, so it commits together with the
documents). On PostgreSQL a sequence number may become visible after a higher one (transactions commit
out of order): such gaps are remembered and looked at again for a while, and a periodic reconciliation of
ids and versions catches anything still missed. SQLite serialises writers, so it has no such gaps.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, or_, select
from whoosh.writing import MERGE_SMALL

from lotse.db import Database
from lotse.giving_way import give_way
from lotse.models import ChangeLog
from lotse.search import fields as F
from lotse.search.documents import (
    OfferFacts,
    active_versions,
    all_district_ids,
    district_names,
    load_offers,
    prepare,
    surface_words,
)
from lotse.search.index import (
    COMPOUND,
    WRITER_LOCK,
    IndexUnavailable,
    current_generation,
    meta_document,
    offer_document,
    open_generation,
    read_meta,
    read_vocabulary,
)

log = logging.getLogger(__name__)

#: Seconds a Whoosh writer waits for the index lock of its generation (only this process writes it).
WRITER_TIMEOUT = 10.0
#: How long a gap in the change log is looked at again before reconciliation alone covers it.
GAP_FORGET_SECONDS = 600.0
#: Change-log rows applied per commit; a long backlog is applied in several commits.
APPLY_BATCH = 2000
#: Documents written, and ids and versions read, between two pauses for requests (lotse.giving_way).
GIVE_WAY_DOCUMENTS = 20
GIVE_WAY_ROWS = 2000


@dataclass
class IndexDiff:
    """How an index differs from the active offers of the database."""

    missing: list[str] = field(default_factory=list)  # active in the database, not in the index
    extra: list[str] = field(default_factory=list)  # in the index, not active in the database
    stale: list[tuple[str, int, int]] = field(default_factory=list)  # id, index version, database version

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra or self.stale)

    @property
    def ids(self) -> list[str]:
        """Every offer id that differs."""
        return sorted({*self.missing, *self.extra, *(s[0] for s in self.stale)})


def indexed_versions(searcher: Any) -> dict[str, int]:
    """Id -> version of every offer in an index, read from the facts column without decoding the rest."""
    found: dict[str, int] = {}
    for reader, _offset in searcher.reader().leaf_readers():
        if not reader.has_column(F.FACTS):
            continue
        column = reader.column_reader(F.FACTS)
        for docnum in range(reader.doc_count_all()):
            if docnum % GIVE_WAY_ROWS == 0:
                give_way()
            raw = column[docnum]
            if raw and not reader.is_deleted(docnum):
                ident, version = OfferFacts.head(raw)
                found[ident] = version
    return found


def diff(index: dict[str, int], database: dict[str, int]) -> IndexDiff:
    """Compare id -> version of the index with those of the active offers."""
    missing = sorted(database.keys() - index.keys())
    give_way()  # at 100,000 offers each comparison takes tens of milliseconds
    extra = sorted(index.keys() - database.keys())
    give_way()
    stale = sorted(
        (i, v, database[i]) for i, v in index.items() if (d := database.get(i)) is not None and v != d
    )
    return IndexDiff(missing=missing, extra=extra, stale=stale)


_MAX_SEQ = select(func.max(ChangeLog.seq))


def _merge_small_giving_way(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh's default merge of small segments, giving way to requests before each segment it reads."""
    return list(MERGE_SMALL(_GivingWay(writer), segments))


class _GivingWay:
    """A segment writer whose add_reader (one segment merged) first gives way to requests."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def add_reader(self, reader: Any) -> None:
        give_way()
        self._writer.add_reader(reader)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._writer, name)


@dataclass
class _Gap:
    low: int
    high: int
    seen_at: float


class IndexWriter:
    """The writing side of one instance directory's index; only the holder of the writer lock writes."""

    def __init__(self, db: Database, root: Path) -> None:
        self.db = db
        self.root = root
        self._handle: IO[bytes] | None = None
        self._mutex = threading.RLock()
        self._ix: Any = None
        self._path: Path | None = None
        self._seq = 0
        self._gaps: list[_Gap] = []
        self._gap_done: set[int] = set()
        self._vocabulary: set[str] = set()
        self._new_words: set[str] = set()
        self.reconciled_at = 0.0

    # --- the lock ----------------------------------------------------------------------------------

    @property
    def is_writer(self) -> bool:
        """Whether this process holds the writer lock."""
        return self._handle is not None

    def try_acquire(self) -> bool:
        """Take the writer lock if no other process holds it (never waits)."""
        with self._mutex:
            if self._handle is not None:
                return True
            self.root.mkdir(parents=True, exist_ok=True)
            handle = open(self.root / WRITER_LOCK, "a+b")  # noqa: SIM115 - held for the writer's lifetime
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                return False
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n".encode())
            handle.flush()
            self._handle = handle
            self.reconciled_at = 0.0
            return True

    def close(self) -> None:
        """Close the index and give up the writer lock."""
        with self._mutex:
            self._close_index()
            if self._handle is not None:
                fcntl.flock(self._handle, fcntl.LOCK_UN)
                self._handle.close()
                self._handle = None

    # --- following the change log --------------------------------------------------------------------

    @property
    def seq(self) -> int:
        """The change-log position of the index this writer keeps."""
        return self._seq

    def behind(self) -> bool:
        """Whether the change log has entries the index has not seen (one cheap query)."""
        if self._ix is None or self._gaps:
            return True
        with self.db.engine.connect() as connection:
            newest = connection.execute(_MAX_SEQ).scalar()
        return int(newest or 0) > self._seq

    def catch_up(self, limit: int | None = None) -> int:
        """Apply the change log since the index's position; returns how many offers were written.

        With a limit, a larger backlog is left alone (returns -1): a request must not wait for a big import.
        """
        with self._mutex:
            self._ensure_open()
            rows = self._pending(None if limit is None else limit + 1)
            if limit is not None and len(rows) > limit:
                return -1
            written = 0
            for start in range(0, len(rows), APPLY_BATCH):
                batch = rows[start : start + APPLY_BATCH]
                self._note_gaps([seq for seq, _ in batch])
                seq = max(self._seq, *(s for s, _ in batch))
                written += self._apply({ident for _, ident in batch}, seq)
                self._gap_done.update(s for s, _ in batch if s <= self._seq)
                self._seq = seq
            return written

    def reconcile(self) -> int:
        """Compare ids and versions with the database and rewrite every offer that differs."""
        with self._mutex:
            self._ensure_open()
            found = diff(self._index_versions(), self._database_versions())
            give_way()
            self.reconciled_at = time.monotonic()
            if not found:
                return 0
            log.warning("Index wich von der Datenbank ab (%d Angebote); wird angeglichen.", len(found.ids))
            return self._apply(set(found.ids), self._seq)

    def _pending(self, limit: int | None) -> list[tuple[int, str]]:
        now = time.monotonic()
        self._gaps = [g for g in self._gaps if now - g.seen_at < GAP_FORGET_SECONDS]
        self._gap_done = {s for s in self._gap_done if any(g.low <= s <= g.high for g in self._gaps)}
        condition = ChangeLog.seq > self._seq
        if self._gaps:
            condition = or_(condition, *(ChangeLog.seq.between(g.low, g.high) for g in self._gaps))
        query = select(ChangeLog.seq, ChangeLog.service_id).where(condition).order_by(ChangeLog.seq)
        if limit is not None:
            query = query.limit(limit + len(self._gap_done))
        with self.db.session() as session:
            rows = [(int(s), str(i)) for s, i in session.execute(query).tuples() if s not in self._gap_done]
        return rows[:limit] if limit is not None else rows

    def _note_gaps(self, seqs: list[int]) -> None:
        expected = self._seq + 1
        for seq in sorted(s for s in seqs if s > self._seq):
            if seq > expected:
                self._gaps.append(_Gap(expected, seq - 1, time.monotonic()))
            expected = seq + 1

    def _apply(self, ids: Iterable[str], seq: int) -> int:
        ids = sorted(set(ids))
        give_way()
        with self.db.session() as session:
            offers = load_offers(session, ids)
            district_ids = all_district_ids(session)
            names = district_names(session)
            documents = {}
            for ident, offer in offers.items():
                give_way()  # each offer's analysis is a step of its own
                if offer.is_active:
                    documents[ident] = offer_document(prepare(offer, district_ids, names))
        if F.DERIVED not in self._ix.schema.names():
            # A generation built before derived words were stored: routing analyses those itself.
            for document in documents.values():
                document.pop(F.DERIVED, None)
        give_way()
        writer = self._ix.writer(timeout=WRITER_TIMEOUT, compound=COMPOUND)
        try:
            for done, ident in enumerate(ids, 1):
                if done % GIVE_WAY_DOCUMENTS == 0:
                    give_way()
                if ident in documents:
                    writer.update_document(**documents[ident])
                    self._learn(documents[ident][F.TEXT])
                else:
                    writer.delete_by_term(F.ID, ident)
            writer.update_document(**meta_document(seq, self._new_words))
        except BaseException:
            writer.cancel()
            raise
        give_way()
        writer.commit(mergetype=_merge_small_giving_way)
        return len(ids)

    def _learn(self, text: str) -> None:
        """Remember words the build's vocabulary lacks (stored in the meta document for every reader)."""
        new = surface_words(text) - self._vocabulary
        self._new_words |= new
        self._vocabulary |= new

    # --- the generation ------------------------------------------------------------------------------

    def _ensure_open(self) -> None:
        """Open the current generation (again, when a rebuild switched to a new one)."""
        path = current_generation(self.root)
        if path is None:
            self._close_index()
            raise IndexUnavailable("kein Index vorhanden")
        if path == self._path and self._ix is not None:
            return
        self._close_index()
        ix = open_generation(path)
        with ix.searcher() as searcher:
            meta = read_meta(searcher)
        self._ix, self._path, self._seq = ix, path, meta.seq
        self._new_words = set(meta.words)
        self._vocabulary = set(read_vocabulary(path)) | self._new_words
        self._gaps, self._gap_done = [], set()
        # A new generation may have missed transactions that committed late: compare soon.
        self.reconciled_at = 0.0

    def _close_index(self) -> None:
        self._ix, self._path = None, None

    def _index_versions(self) -> dict[str, int]:
        with self._ix.searcher() as searcher:
            return indexed_versions(searcher)

    def _database_versions(self) -> dict[str, int]:
        give_way()
        with self.db.session() as session:
            return active_versions(session, step=give_way)
