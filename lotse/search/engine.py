"""The index of one process: the reader's snapshot, the writer role, rebuilds and the background follower.

Every process that searches has one engine. Whichever process holds the instance directory's writer lock
applies the change log (in a background thread every `sync_interval` seconds; without that thread, before
its own searches); the others only read and pick up new commits and generations before each search. A missing
or broken index is rebuilt by the writer while searches are answered from the database.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from lotse.db import Database
from lotse.giving_way import give_way, giving_way
from lotse.search import index
from lotse.search.documents import active_count, active_versions
from lotse.search.index import IndexUnavailable
from lotse.search.snapshot import Snapshot
from lotse.search.sync import IndexDiff, IndexWriter, diff

log = logging.getLogger(__name__)

#: Backlog (change-log rows) a search applies itself before answering; a bigger one is left to the
#: background thread, so no request waits for a whole import.
SEARCH_CATCH_UP_LIMIT = 200
#: Up to this many active offers a missing index is built at once, during the first search.
SYNC_BUILD_LIMIT = 3000
#: A failed rebuild is tried again after this many seconds, not in a tight loop.
REBUILD_RETRY_SECONDS = 30.0
#: Seconds between comparisons of all ids and versions with the database (catches what the log missed).
RECONCILE_SECONDS = 60.0
#: Seconds the background thread waits after an unexpected error before it tries again.
ERROR_PAUSE_SECONDS = 5.0


class IndexEngine:
    """Search snapshots, the writer role and the background follower of one instance directory's index."""

    def __init__(self, db: Database, root: Path, *, sync_interval: float = 0.5) -> None:
        self.db = db
        self.root = root
        self.interval = sync_interval
        self.writer = IndexWriter(db, root)
        self._lock = threading.RLock()
        self._snapshot: Snapshot | None = None
        self._broken: Path | None = None
        self._rebuild_tried = float("-inf")
        self._building = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    # --- reading ----------------------------------------------------------------------------------

    @contextlib.contextmanager
    def reading(self) -> Iterator[Snapshot | None]:
        """The current snapshot (None while the index cannot answer), held for one search."""
        with self._lock:
            self._catch_up_quietly()
            yield self._current()

    def drop_snapshot(self) -> None:
        """Forget the open snapshot; the next search opens the index afresh."""
        with self._lock:
            if self._snapshot is not None:
                with contextlib.suppress(Exception):
                    self._snapshot.close()
                self._snapshot = None

    def report_broken(self) -> None:
        """A freshly opened index failed: rebuild it (now when this process writes, else ask the writer)."""
        with self._lock:
            if self._snapshot is not None:
                self._broken = self._snapshot.path
            self.drop_snapshot()
            self._need_rebuild()

    def _current(self) -> Snapshot | None:
        path = index.current_generation(self.root)
        if path is None:
            self.drop_snapshot()
            self._need_rebuild()
            path = index.current_generation(self.root)
            if path is None:
                return None
        snapshot = self._snapshot
        failed = index.FailedReads()
        if snapshot is not None and snapshot.path == path:
            # Files of the open generation can vanish under it (deleted, a disk replaced): then even
            # asking for a newer commit fails, and the database answers until the index is rebuilt.
            try:
                if not snapshot.up_to_date():
                    self._snapshot = snapshot.refreshed()
                    snapshot.close()
            except Exception as exc:  # noqa: BLE001 - whatever broke the index must not fail a search
                failed.keep(exc)
            if failed:
                self._unreadable(path, failed)
            return self._snapshot
        if path == self._broken:
            self._need_rebuild()
            return None
        self.drop_snapshot()
        try:
            self._snapshot = Snapshot.open(path)
        except Exception as exc:  # noqa: BLE001 - as above
            failed.keep(exc)
        if failed:
            self._unreadable(path, failed)
        return self._snapshot

    def _unreadable(self, path: Path, failed: index.FailedReads) -> None:
        """The generation at `path` cannot be read: forget it, arrange a rebuild; the database answers."""
        log.error(
            "Suchindex %s ist nicht lesbar; Suchen gehen an die Datenbank.",
            path.name,
            exc_info=failed.first(),
        )
        self.drop_snapshot()
        failed.release()
        self._broken = path
        self._need_rebuild()

    def _catch_up_quietly(self) -> None:
        """Apply a small backlog before a search when this process writes (read your own writes).

        Not while the background thread follows the log: it applies each change within `interval`, and a
        request must not wait for a commit (nor for the thread's, on the writer's lock)."""
        if self.following() or not self.writer.try_acquire():
            return
        try:
            if self.writer.behind():
                self.writer.catch_up(limit=SEARCH_CATCH_UP_LIMIT)
        except IndexUnavailable:
            pass  # _current() sees the same and arranges the rebuild
        except SQLAlchemyError:
            log.warning("Änderungsprotokoll nicht lesbar; es wird später nachgeholt.", exc_info=True)
        except Exception:
            log.exception("Suchindex nicht beschreibbar; er wird neu aufgebaut.")
            self._broken = index.current_generation(self.root)
            self.drop_snapshot()

    def _need_rebuild(self) -> None:
        if not self.writer.try_acquire():
            index.request_rebuild(self.root)
            return
        if time.monotonic() - self._rebuild_tried < REBUILD_RETRY_SECONDS:
            return
        with self.db.session() as session:
            small = active_count(session) <= SYNC_BUILD_LIMIT
        if small:
            self._rebuild()
        else:
            index.request_rebuild(self.root)
            self.start()

    def _rebuild(self) -> index.BuildResult | None:
        # The follower thread and a search may both find the index missing: one build is enough.
        if not self._building.acquire(blocking=False):
            return None
        try:
            self._rebuild_tried = time.monotonic()
            index.clear_rebuild_request(self.root)
            try:
                result = index.build(self.db, self.root)
            except Exception:
                log.exception("Neuaufbau des Suchindex fehlgeschlagen.")
                return None
        finally:
            self._building.release()
        self._broken = None
        log.info(
            "Suchindex %s gebaut: %d Angebote in %.1f s.", result.path.name, result.offers, result.seconds
        )
        with contextlib.suppress(IndexUnavailable):
            self.writer.catch_up()
        return result

    # --- commands ---------------------------------------------------------------------------------

    def refresh(self, *, rebuild: bool = False) -> str:
        """Bring the index up to date now; returns a German line saying what happened."""
        with self._lock:
            built = None
            if rebuild or not self._usable():
                built = index.build(self.db, self.root, procs=index.CLI_BUILD_PROCS)
                self._broken = None
            lines = []
            if built is not None:
                lines.append(
                    f"Suchindex {built.path.name} gebaut: {built.offers} Angebote in {built.seconds:.1f} s."
                )
            if self.writer.try_acquire():
                written = self.writer.catch_up()
                written += self.writer.reconcile()
                if written or built is None:
                    lines.append(f"Suchindex nachgeführt: {written} Angebote geändert.")
            else:
                lines.append("Ein laufender Server schreibt den Suchindex und übernimmt die Änderungen.")
            return " ".join(lines)

    def check(self) -> IndexDiff:
        """How the current generation differs from the active offers (ids and versions)."""
        with self._lock:
            path = index.current_generation(self.root)
            if path is None:
                raise IndexUnavailable("kein Index vorhanden")
            snapshot = Snapshot.open(path)
            try:
                versions = snapshot.versions()
            finally:
                snapshot.close()
            with self.db.session() as session:
                return diff(versions, active_versions(session))

    def _usable(self) -> bool:
        path = index.current_generation(self.root)
        if path is None:
            return False
        failed = index.FailedReads()
        try:
            Snapshot.open(path).close()
        except Exception as exc:  # noqa: BLE001 - unreadable is unusable
            failed.keep(exc)
        usable = not failed
        failed.release()
        return usable

    # --- background -------------------------------------------------------------------------------

    def start(self) -> None:
        """Follow the change log in a daemon thread (idempotent)."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="lotse-index", daemon=True)
            self._thread.start()

    def following(self) -> bool:
        """Whether the background thread follows the change log."""
        thread = self._thread
        return thread is not None and thread.is_alive() and not self._stop.is_set()

    def close(self) -> None:
        """Stop the thread, close the snapshot and give up the writer role."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=30)
        self._thread = None
        with self._lock:
            self.drop_snapshot()
            self.writer.close()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                with giving_way():
                    self.tick()
            except Exception:
                log.exception("Nachführen des Suchindex fehlgeschlagen.")
                self._stop.wait(ERROR_PAUSE_SECONDS)

    def tick(self) -> None:
        """One round of the follower: take the writer role if free, rebuild or apply the log, reconcile."""
        if not self.writer.try_acquire():
            return
        path = index.current_generation(self.root)
        if path is None or path == self._broken or index.rebuild_requested(self.root):
            if time.monotonic() - self._rebuild_tried >= REBUILD_RETRY_SECONDS:
                self._rebuild()
            return
        try:
            if self.writer.catch_up():
                # Open the new commit here, so the next request finds it read.
                give_way()
                with self._lock:
                    self._current()
            if time.monotonic() - self.writer.reconciled_at >= RECONCILE_SECONDS:
                self.writer.reconcile()
                index.remove_old_generations(self.root)
                index.remove_abandoned_builds(self.root)
        except SQLAlchemyError:
            raise
        except Exception:
            log.exception("Suchindex %s nicht beschreibbar; er wird neu aufgebaut.", path.name)
            self._broken = path
            self._rebuild()
