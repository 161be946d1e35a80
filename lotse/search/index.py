"""The offer index on disk: generations beside each other, a pointer file naming the current one, builds.

Layout of `<instance>/index/`:
  CURRENT            the name of the current generation (switched with os.replace: atomic)
  gen-000007/        a complete Whoosh index, its learned compound parts (parts.txt) and a meta document
                     with the change-log position it has seen
  .build-<pid>-<id>/ a generation being built (renamed to gen-N when complete, so a killed build
                     leaves only this directory behind, which later builds remove)
  writer.lock        flock held by the one process per instance directory that writes
  REBUILD            present when a reader found the index broken and asks the writer to rebuild
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import logging
import os
import re
import shutil
import time
import uuid
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from whoosh import index as windex

from lotse.db import Database
from lotse.models import ChangeLog, Offer
from lotse.search import fields as F
from lotse.search.analysis import STOP_WORDS, add_compound_parts
from lotse.search.documents import IndexedOffer, active_count, folded_words, iter_active, surface_words
from lotse.search.meta import IndexUnavailable, meta_document, read_meta

__all__ = ["IndexUnavailable", "meta_document", "read_meta"]

log = logging.getLogger(__name__)

POINTER = "CURRENT"
WRITER_LOCK = "writer.lock"
SWITCH_LOCK = "switch.lock"
REBUILD_REQUEST = "REBUILD"
PARTS_FILE = "parts.txt"
VOCABULARY_FILE = "vocabulary.txt"
GEN_PREFIX = "gen-"
BUILD_PREFIX = ".build-"
_GEN_RE = re.compile(r"^gen-(\d+)$")
_BUILD_RE = re.compile(r"^\.build-(\d+)-")

#: Generations kept besides the current one: the previous one stays for readers still switching over.
KEEP_PREVIOUS = 1
#: A word becomes a compound part for the splitter when this many offers use it on its own...
PART_MIN_OFFERS = 2
#: ...and it is at least this long (shorter ones split words into nonsense).
PART_MIN_LENGTH = 4
#: Whoosh packs a segment's files into one compound file by default and, when reading it, copies each
#: part into memory (BytesIO over the mmap): the whole index once per open searcher. Separate files are
#: read in place.
COMPOUND = False
#: Memory for one build's posting pool, in MB. Whoosh's default (128) spills 10,000 offers to disk in
#: sorted runs and merges them again, which costs a third of the build time.
BUILD_LIMIT_MB = 512


def max_seq(db: Database) -> int:
    """The newest change-log sequence number (0 when the log is empty)."""
    with db.session() as session:
        return int(session.scalar(select(func.max(ChangeLog.seq))) or 0)


def current_generation(root: Path) -> Path | None:
    """The directory the pointer names, or None when there is none (or it has vanished)."""
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    path = root / name
    return path if _GEN_RE.match(name) and path.is_dir() else None


def generations(root: Path) -> list[tuple[int, Path]]:
    """All complete generation directories, oldest first."""
    if not root.is_dir():
        return []
    found = []
    for child in root.iterdir():
        match = _GEN_RE.match(child.name)
        if match and child.is_dir():
            found.append((int(match.group(1)), child))
    return sorted(found)


def open_generation(path: Path) -> Any:
    """Open a generation's Whoosh index and teach the compound splitter the words it was built with."""
    parts_file = path / PARTS_FILE
    if parts_file.exists():
        add_compound_parts(parts_file.read_text(encoding="utf-8").split())
    failed = FailedReads()
    try:
        ix = windex.open_dir(str(path))
    except Exception as exc:  # noqa: BLE001 - any failure to open means: not usable
        failed.keep(exc)
        message = f"{path.name}: {type(exc).__name__}"
    else:
        # A generation built before a field was added cannot take new documents: rebuild it like a broken one.
        if set(ix.schema.names()) == set(F.schema().names()):
            return ix
        ix.close()
        message = f"{path.name}: built with other fields"
    failed.release()
    raise IndexUnavailable(message)


class FailedReads:
    """Exceptions of failed Whoosh reads, kept until release() frees them and the files they hold.

    Whoosh 2.7.4 does not close a file when reading it fails (a corrupt TOC or segment); the file is
    closed when the exception is freed, with a ResourceWarning. Keeping the exception here moves that
    moment into release(), where the warning is expected and silenced.
    """

    def __init__(self) -> None:
        self._errors: list[BaseException] = []

    def keep(self, error: BaseException) -> None:
        """Hold a failure until release()."""
        self._errors.append(error)

    def __bool__(self) -> bool:
        return bool(self._errors)

    def first(self) -> BaseException | None:
        """The first failure kept (for the log), or None."""
        return self._errors[0] if self._errors else None

    def release(self) -> None:
        """Free the failures (closing what they left open) without ResourceWarnings."""
        if not self._errors:
            return
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            self._errors.clear()
            gc.collect()


@lru_cache(maxsize=4)
def read_vocabulary(path: Path) -> frozenset[str]:
    """The words of the offers a generation was built from (the generation never changes them)."""
    try:
        return frozenset((path / VOCABULARY_FILE).read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


def offer_document(offer: IndexedOffer) -> dict[str, Any]:
    """The Whoosh document of an offer."""
    summary = offer.summary
    return {
        F.ID: summary.id,
        F.KIND: F.KIND_OFFER,
        F.TEXT: offer.text,
        F.NAME: summary.name,
        F.NEEDS: ",".join(summary.needs),
        F.TARGET_GROUPS: ",".join(summary.target_groups),
        F.DISTRICTS: ",".join([*summary.districts, *([F.CITY_WIDE] if summary.city_wide else [])]),
        F.LANGUAGES: ",".join(summary.languages),
        F.ACCESSIBILITY: ",".join(summary.accessibility),
        F.ORGANIZATION: summary.organization.id,
        # Plain values (the format of earlier generations): the hours are in the facts column.
        F.SUMMARY: summary.to_record(),
        F.FACTS: offer.facts.to_bytes(),
        **({F.DERIVED: offer.derived.to_list()} if offer.derived is not None else {}),
    }


@dataclass(frozen=True)
class BuildResult:
    """A finished build: where it is, how many offers, from which change-log position."""

    path: Path
    offers: int
    seq: int
    seconds: float


def learn_parts(db: Database) -> list[str]:
    """Words that several offers use on their own: the compound splitter learns them as parts."""
    counts: Counter[str] = Counter()
    with db.session() as session:
        rows = session.execute(select(Offer.name, Offer.description).where(Offer.status == "active"))
        for name, description in rows.tuples():
            counts.update(set(folded_words(f"{name} {description or ''}")))
    return sorted(
        w
        for w, n in counts.items()
        if n >= PART_MIN_OFFERS and len(w) >= PART_MIN_LENGTH and w.isalpha() and w not in STOP_WORDS
    )


#: Whoosh can analyse documents in several processes: command-line builds (init, reindex) use two cores.
#: A serving worker rebuilds with one, since forking a process that runs threads risks inherited locks.
CLI_BUILD_PROCS = min(2, os.cpu_count() or 1)
#: Below this many offers starting a second process costs more than it saves.
PARALLEL_MIN_OFFERS = 2000


def build(db: Database, root: Path, procs: int = 1) -> BuildResult:
    """Build a new generation from the database beside the current one, then switch to it atomically."""
    started = time.monotonic()
    root.mkdir(parents=True, exist_ok=True)
    remove_abandoned_builds(root)
    # Read the position first: changes made during the build are applied again afterwards.
    seq = max_seq(db)
    if procs > 1:
        with db.session() as session:
            procs = procs if active_count(session) >= PARALLEL_MIN_OFFERS else 1
    tmp = root / f"{BUILD_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        parts = learn_parts(db)
        (tmp / PARTS_FILE).write_text("\n".join(parts), encoding="utf-8")
        add_compound_parts(parts)
        ix = windex.create_in(str(tmp), F.schema())
        writer = ix.writer(limitmb=BUILD_LIMIT_MB, compound=COMPOUND, procs=procs, multisegment=procs > 1)
        count = 0
        vocabulary: set[str] = set()
        try:
            for batch in iter_active(db):
                for offer in batch:
                    writer.add_document(**offer_document(offer))
                    vocabulary |= surface_words(offer.text)
                count += len(batch)
            writer.add_document(**meta_document(seq))
            (tmp / VOCABULARY_FILE).write_text("\n".join(sorted(vocabulary)), encoding="utf-8")
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        path = _switch(root, tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    remove_old_generations(root)
    return BuildResult(path, count, seq, time.monotonic() - started)


@contextlib.contextmanager
def _flocked(path: Path) -> Iterator[None]:
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _switch(root: Path, tmp: Path) -> Path:
    """Give the built directory the next generation number and point CURRENT at it."""
    with _flocked(root / SWITCH_LOCK):
        numbers = [n for n, _ in generations(root)]
        final = root / f"{GEN_PREFIX}{(max(numbers) + 1 if numbers else 1):06d}"
        os.rename(tmp, final)
        write_pointer(root, final.name)
    return final


def write_pointer(root: Path, name: str) -> None:
    """Point CURRENT at a generation: write a temporary file, flush it to disk, rename over."""
    tmp = root / f"{POINTER}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, root / POINTER)


def remove_old_generations(root: Path) -> None:
    """Delete generations older than the current one and the ones kept before it."""
    with _flocked(root / SWITCH_LOCK):
        current = current_generation(root)
        if current is None:
            return
        older = [p for _, p in generations(root) if p.name < current.name]
        for path in older[: max(0, len(older) - KEEP_PREVIOUS)]:
            shutil.rmtree(path, ignore_errors=True)


def remove_abandoned_builds(root: Path) -> None:
    """Delete build directories whose process is gone (a build killed midway)."""
    for child in root.iterdir() if root.is_dir() else ():
        match = _BUILD_RE.match(child.name)
        if match and not _alive(int(match.group(1))):
            shutil.rmtree(child, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def request_rebuild(root: Path) -> None:
    """Ask the writing process to rebuild (a reader found the index broken)."""
    with contextlib.suppress(OSError):
        root.mkdir(parents=True, exist_ok=True)
        (root / REBUILD_REQUEST).touch()


def rebuild_requested(root: Path) -> bool:
    """Whether a reader asked for a rebuild."""
    return (root / REBUILD_REQUEST).exists()


def clear_rebuild_request(root: Path) -> None:
    """Forget a rebuild request (after the rebuild)."""
    with contextlib.suppress(FileNotFoundError):
        (root / REBUILD_REQUEST).unlink()
