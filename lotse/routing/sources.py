"""The Router's inputs, kept current cheaply: the offer pool, the districts and the rules file.

Each source answers from memory and looks for changes at most every few seconds: the change log's last
sequence number for offers, the district rows for districts, the file's modification time for rules.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import func, select

from lotse.db import Database
from lotse.directory.summary import OfferSummary
from lotse.giving_way import give_way, giving_way
from lotse.models import ChangeLog, District, OfferTerm
from lotse.routing.offers import OfferFacts, facts_of, facts_of_stored
from lotse.routing.proximity import DistrictMap, Place
from lotse.routing.relevance import TextIndex
from lotse.routing.rules import Problem, RulesError, RuleSet, Selector, load_rules
from lotse.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from lotse.routing.service import Router
    from lotse.search.snapshot import OfferChanges

log = logging.getLogger(__name__)

RULES_FILE = "rules.yaml"
#: Seconds between two looks at the database for changed offers or districts: a change shows in the
#: answers within this time, and a busy server asks the database at most this often.
CHECK_SECONDS = 0.5
#: Seconds between two looks at the rules file's modification time.
RULES_CHECK_SECONDS = 1.0


T = TypeVar("T")
#: Values per need (orders per need × district × day) a pool keeps before it starts afresh.
PER_NEED_VALUES = 5000
#: Rule selections a pool keeps before it starts afresh (a rules file has a few dozen selectors).
SELECTIONS = 500


def _order(offer: OfferFacts) -> tuple[str, str]:
    return (offer.name.casefold(), offer.id)


class OfferPool:
    """The active offers, by id and by need (a need lists every offer carrying it, given or inferred).

    A pool is never changed once built: `patched` returns a new pool sharing everything unchanged, so a
    question keeps the pool it started with while a newer one is swapped in.
    """

    def __init__(self, offers: Iterable[OfferFacts], key: object = None) -> None:
        #: The index state the pool was read from (generation, change-log position), or None.
        self.key = key
        self.all = sorted(offers, key=_order)
        self._by_id = {o.id: o for o in self.all}
        self._by_need: dict[str, list[OfferFacts]] = {}
        self._by_area: dict[str, list[OfferFacts]] = {}
        for offer in self.all:
            for code in offer.needs:
                self._by_need.setdefault(code, []).append(offer)
            for area in _areas(offer):
                self._by_area.setdefault(area, []).append(offer)
        self.text = TextIndex(self.all)
        #: Offers without any need code: only their text can bring them to a question.
        self.uncoded = [o for o in self.all if not o.needs]
        self._per_need: dict[tuple[str, Selector | None, object], Any] = {}
        self._earlier: dict[str, Any] = {}
        self._selected: dict[Selector, list[OfferFacts]] = {}

    @classmethod
    def of(
        cls, summaries: Iterable[OfferSummary], inferred: dict[str, dict[str, float]] | None = None
    ) -> OfferPool:
        """A pool of offer summaries, with the inferred needs' scores per offer id."""
        inferred = inferred or {}
        return cls(facts_of(s, inferred.get(s.id)) for s in summaries)

    def patched(self, changed: Iterable[OfferFacts], removed: Iterable[str], key: object) -> OfferPool:
        """A new pool with the changed offers replaced or added and the removed ones gone.

        Costs the changed offers' terms and needs, plus a few copies of lists of references (at 100,000
        offers each copy takes milliseconds: a background thread gives way to requests between them).
        """
        changed = list(changed)
        old = [o for i in {*removed, *(c.id for c in changed)} if (o := self._by_id.get(i)) is not None]
        gone = {o.id for o in old}
        pool = object.__new__(OfferPool)
        pool.key = key
        by_id = dict(self._by_id)
        for ident in gone:
            del by_id[ident]
        by_id.update((c.id, c) for c in changed)
        pool._by_id = by_id
        give_way()
        pool.all = _replaced(self.all, old, changed)
        pool._by_need = _patched_lists(self._by_need, old, changed, lambda o: o.needs)
        pool._by_area = _patched_lists(self._by_area, old, changed, _areas)
        give_way()
        pool.text = self.text.patched(old, changed)
        give_way()
        pool.uncoded = _replaced(
            self.uncoded, [o for o in old if not o.needs], [c for c in changed if not c.needs]
        )
        touched = {code for o in [*old, *changed] for code in o.needs}
        # A rule's selection changes only by the changed offers: those leave it and come in again if it
        # picks them (the order within a selection does not matter: candidates walk it by score).
        pool._selected = {}
        moved: set[Selector] = set()
        for selector, offers in self._selected.items():
            # A selection holds only offers the selector matches: one that did not match is not in it.
            kept = (
                [o for o in offers if o.id not in gone] if any(selector.matches(o) for o in old) else offers
            )
            added = [c for c in changed if selector.matches(c)]
            pool._selected[selector] = kept + added if added else kept
            if added or len(kept) < len(offers):
                moved.add(selector)
        # Slots are kept for unchanged offers, so what was built for needs (and selections) no changed
        # offer belongs to stays valid.
        pool._per_need = {
            k: v
            for k, v in self._per_need.items()
            if (k[1] is None and k[0] not in touched)
            or (k[1] is not None and k[1] in self._selected and k[1] not in moved)
        }
        # What was built for a touched need from its whole list: a builder may patch it by the rows of the
        # unchanged offers instead of reading every offer again (`earlier`).
        pool._earlier = {
            k[0]: v for k, v in self._per_need.items() if k[1] is None and k[2] is None and k[0] in touched
        }
        return pool

    def earlier(self, need: str) -> Any:
        """The value built for a need of the pool this one was patched from (None if none was)."""
        return self._earlier.get(need)

    def per_need(
        self, need: str, selector: Selector | None, key: object, build: Callable[[list[OfferFacts]], T]
    ) -> T:
        """A value built from the offers of a need (or from those an emergency rule's selector picks),
        kept per `key` (e.g. district and day) until an edit touches the need (or the selection)."""
        found = self._per_need.get((need, selector, key))
        if found is None:
            if len(self._per_need) > PER_NEED_VALUES:
                self._per_need.clear()
            members = self.for_need(need) if selector is None else self.selected(selector)
            found = self._per_need[(need, selector, key)] = build(members)
        return found

    def selected(self, selector: Selector) -> list[OfferFacts]:
        """The offers a rule's selector picks (among those carrying its needs; computed once per pool)."""
        found = self._selected.get(selector)
        if found is None:
            if len(self._selected) > SELECTIONS:
                self._selected.clear()
            found = self._selected[selector] = [
                o for o in self.with_any_need(selector.needs) if selector.matches(o)
            ]
        return found

    def versions(self) -> Mapping[str, int]:
        """Id -> version of every offer in the pool (a view: nothing is copied)."""
        return _Versions(self._by_id)

    def __len__(self) -> int:
        return len(self.all)

    def get(self, offer_id: str) -> OfferFacts | None:
        """Return the offer with this id, or None."""
        return self._by_id.get(offer_id)

    def needs(self) -> list[str]:
        """The need codes some offer of the pool carries."""
        return sorted(self._by_need)

    def for_need(self, code: str) -> list[OfferFacts]:
        """Return the offers carrying a need code."""
        return self._by_need.get(code, [])

    def with_any_need(self, codes: Iterable[str]) -> list[OfferFacts]:
        """Return the offers carrying one of the codes; all offers when no code is given."""
        codes = list(codes)
        if not codes:
            return self.all
        found = {o.id: o for code in codes for o in self.for_need(code)}
        return list(found.values())

    def for_area(self, area: str) -> list[OfferFacts]:
        """Return the offers carrying any need of an area (e.g. "NOT")."""
        return self._by_area.get(area, [])


class _Versions(Mapping[str, int]):
    """The versions of a pool's offers, read from its offers by id."""

    def __init__(self, by_id: dict[str, OfferFacts]) -> None:
        self._by_id = by_id

    def __getitem__(self, ident: str) -> int:
        return self._by_id[ident].version

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


def _areas(offer: OfferFacts) -> list[str]:
    areas = load_taxonomy().need_area
    return sorted({areas[c] for c in offer.needs if c in areas})


def _replaced(
    offers: list[OfferFacts], old: Iterable[OfferFacts], added: Iterable[OfferFacts]
) -> list[OfferFacts]:
    """A copy of a name-ordered list without the `old` offers and with `added` in their places: found
    by binary search, so the cost is one copy of the list however long it is."""
    found = list(offers)
    for offer in old:
        at = bisect.bisect_left(found, _order(offer), key=_order)
        if at < len(found) and found[at].id == offer.id:
            del found[at]
    for offer in added:
        bisect.insort(found, offer, key=_order)
    return found


def _patched_lists(
    lists: dict[str, list[OfferFacts]],
    old: list[OfferFacts],
    new: list[OfferFacts],
    keys: Callable[[OfferFacts], Iterable[str]],
) -> dict[str, list[OfferFacts]]:
    """Per-key lists with the old offers taken out and the new ones put in (only touched lists copied)."""
    found = dict(lists)
    touched = {k for o in [*old, *new] for k in keys(o)}
    for key in touched:
        adding = [o for o in new if key in set(keys(o))]
        leaving = [o for o in old if key in set(keys(o))]
        kept = _replaced(found.get(key, []), leaving, adding)
        if kept:
            found[key] = kept
        else:
            found.pop(key, None)
    return found


class Cached(Generic[T]):
    """A value rebuilt when its version changes; the version is asked at most every `check_seconds`."""

    def __init__(
        self,
        version: Callable[[], object],
        build: Callable[[], T],
        *,
        check_seconds: float = CHECK_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._version = version
        self._build = build
        self._check_seconds = check_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._value: T | None = None
        self._seen: object = None
        self._checked = float("-inf")

    def __call__(self) -> T:
        now = self._clock()
        if self._value is not None and now - self._checked < self._check_seconds:
            return self._value
        with self._lock:
            if self._value is None or now - self._checked >= self._check_seconds:
                version = self._version()
                if self._value is None or version != self._seen:
                    self._value = self._build()
                    self._seen = version
                self._checked = now
            return self._value


def load_places(db: Database) -> tuple[Place, ...]:
    """Read the districts as routing places."""
    query = select(District.id, District.name, District.latitude, District.longitude, District.neighbours)
    with db.session() as session:
        return tuple(
            Place(row.id, row.name, row.latitude, row.longitude, frozenset(row.neighbours or ()))
            for row in session.execute(query.order_by(District.id))
        )


def district_source(db: Database, **options: Any) -> Callable[[], DistrictMap]:
    """Districts from the database, re-read every few seconds and rebuilt only when they changed."""
    latest: dict[str, tuple[Place, ...]] = {}

    def version() -> object:
        latest["places"] = load_places(db)
        return latest["places"]

    return Cached(version, lambda: DistrictMap(latest.get("places") or load_places(db)), **options)


def last_change(db: Database) -> int:
    """Return the last sequence number of the change log (0 when empty)."""
    with db.session() as session:
        return int(session.scalar(select(func.max(ChangeLog.seq))) or 0)


Changes = Callable[[Mapping[str, int] | None, object], "OfferChanges | None"]


@dataclass
class KeeperStats:
    """What a PoolKeeper did: whole pools read and offers re-read one by one (for tests and the bench)."""

    full_reads: int = 0
    patches: int = 0
    offers_patched: int = 0
    seconds_last: float = 0.0


class PoolKeeper:
    """The offer pool of one process, kept current from the search index; no question waits for a rebuild.

    The index stores each offer with its words already analysed (once, when the offer changed). A serving
    process (`start`) looks every `check_seconds` in a background thread: the offers whose version in the
    newest index snapshot differs from the pool's are read and patched into a new pool, swapped in by one
    assignment; the pool is keyed on the snapshot it was read from. Without the thread (commands, tests)
    a question looks itself, at most every `check_seconds`, and also reads only the changed offers. While
    the index cannot answer, the pool comes from the database (analysed here), keyed on the change log.
    """

    def __init__(
        self,
        changes: Changes,
        from_database: Callable[[object], OfferPool | None],
        districts: Callable[[], DistrictMap],
        *,
        check_seconds: float = CHECK_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        prepare: Callable[[OfferPool], None] | None = None,
    ) -> None:
        self._changes = changes
        self._from_database = from_database
        #: Work done on a new pool before it is swapped in (what questions would otherwise do first).
        self._prepare = prepare
        self._districts = districts
        self._check_seconds = check_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._pool: OfferPool | None = None
        self._district_ids: tuple[str, ...] = ()
        self._checked = float("-inf")
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.stats = KeeperStats()

    def __call__(self) -> OfferPool:
        pool = self._pool
        if pool is None or (self._thread is None and self._clock() - self._checked >= self._check_seconds):
            self.update()
            pool = self._pool
        assert pool is not None
        return pool

    def update(self) -> None:
        """Bring the pool up to date with the index now (only the changed offers are read)."""
        with self._lock, _collector_paused():
            started = time.monotonic()
            self._checked = self._clock()
            districts = tuple(self._districts().ids())
            pool = self._pool
            # "City-wide" means every district: a changed district list changes every such offer.
            whole = pool is None or districts != self._district_ids or _from_database(pool)
            known = None if whole or pool is None else pool.versions()
            give_way()
            found = self._changes(known, None if pool is None else pool.key)
            give_way()
            if found is None:
                self._from_db(pool)
            elif whole or found.complete:
                self._swap(OfferPool(map(facts_of_stored, found.changed.values()), found.key))
                self.stats.full_reads += 1
            elif pool is not None and (found.changed or found.removed or found.key != pool.key):
                changed = [facts_of_stored(s) for s in found.changed.values()]
                give_way()
                patched = pool.patched(changed, found.removed, found.key)
                give_way()
                self._swap(patched)
                self.stats.patches += 1
                self.stats.offers_patched += len(changed) + len(found.removed)
            self._district_ids = districts
            self.stats.seconds_last = time.monotonic() - started

    def _swap(self, pool: OfferPool) -> None:
        """Swap a new pool in (called while the collector is paused, see `_collector_paused`).

        What is alive now, the new pool with it, is frozen out of the collector's sight (gc.freeze moves
        the generations aside without walking them). A patched pool's new lists and dictionaries refer to
        every offer: left in sight, the next collection, even of the youngest generation, walks them,
        20-60 ms at 100,000 offers in whichever request it falls; a full collection before a freeze cost
        as much. What dies after a freeze is still freed when it holds no reference cycle (pools and arrays
        do not).
        """
        if self._prepare is not None:
            self._prepare(pool)
        self._pool = pool
        gc.freeze()

    def _from_db(self, pool: OfferPool | None) -> None:
        """The index cannot answer: keep a pool read from the index, else read the database."""
        if pool is not None and not _from_database(pool):
            return
        found = self._from_database(None if pool is None else pool.key)
        if found is not None:
            self._swap(found)
            self.stats.full_reads += 1

    # --- background -------------------------------------------------------------------------------

    def start(self) -> None:
        """Read the pool now (before the process takes questions), then follow changes in a thread."""
        # The pool is a few hundred thousand long-lived objects: swapped in, they are out of the collector's
        # sight (`_swap`). A serving process freezes once more after warming up (Services.warm_up).
        self.update()
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="lotse-routing", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop following changes."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self._check_seconds):
            try:
                with giving_way():
                    self.update()
            except Exception:
                log.exception("Angebote für die Lotsenfrage nicht nachgeführt; neuer Versuch folgt.")


#: The first part of the key of a pool read from the database (the second is the change log's position).
DATABASE_KEY = "database"


def _from_database(pool: OfferPool) -> bool:
    return isinstance(pool.key, tuple) and pool.key[:1] == (DATABASE_KEY,)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a pool is built: building allocates hundreds of thousands
    of objects and nothing cyclic, and each collection in between would walk all of them again.

    The young generations are collected before the pause, while they hold only the garbage of questions:
    a pool swapped in during the pause freezes what is alive then (`PoolKeeper._swap`), not that garbage.
    """
    was = gc.isenabled()
    if was:
        gc.collect(1)
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def database_pool(
    db: Database, summaries: Callable[[], list[OfferSummary]]
) -> Callable[[object], OfferPool | None]:
    """A pool read from the database while the index cannot answer (every offer analysed here); None
    when the change log has not moved since the pool with key `seen` was read."""

    def read(seen: object) -> OfferPool | None:
        key = (DATABASE_KEY, last_change(db))
        if key == seen:
            return None
        pool = OfferPool.of(summaries(), inferred_scores(db))
        pool.key = key
        return pool

    return read


def inferred_scores(db: Database) -> dict[str, dict[str, float]]:
    """Return the confidence of every inferred need code, per offer id."""
    query = select(OfferTerm.service_id, OfferTerm.code, OfferTerm.score).where(
        OfferTerm.kind == "need", OfferTerm.source == "inferred"
    )
    found: dict[str, dict[str, float]] = {}
    with db.session() as session:
        for service_id, code, score in session.execute(query):
            found.setdefault(service_id, {})[code] = float(score)
    return found


class RulesFile:
    """The rules in force: the first existing file of `paths`, reloaded when it changes.

    Emergency rules must never vanish without a word: without a usable file at the first load this raises
    RulesError (a server does not start); later, a file that disappears or breaks keeps the rules that
    worked, with an error in the log.
    """

    def __init__(self, paths: Iterable[Path], *, check_seconds: float = RULES_CHECK_SECONDS) -> None:
        self.paths = [Path(p) for p in paths]
        self._check_seconds = check_seconds
        self._lock = threading.Lock()
        self._rules: RuleSet | None = None
        self._stamp: tuple[str, float, int] | None = None
        self._checked = float("-inf")

    def __call__(self) -> RuleSet:
        now = time.monotonic()
        if self._rules is not None and now - self._checked < self._check_seconds:
            return self._rules
        with self._lock:
            stamp = self._current_stamp()
            if self._rules is None or stamp != self._stamp:
                self._reload(stamp)
            self._checked = now
            assert self._rules is not None  # _reload raised otherwise
            return self._rules

    def _current_stamp(self) -> tuple[str, float, int] | None:
        for path in self.paths:
            try:
                info = path.stat()
            except OSError:
                continue
            return (str(path), info.st_mtime, info.st_size)
        return None

    def _reload(self, stamp: tuple[str, float, int] | None) -> None:
        try:
            if stamp is None:
                searched = ", ".join(str(p) for p in self.paths)
                raise RulesError.single(None, f"Keine Regeldatei gefunden (gesucht: {searched}).")
            rules = load_rules(stamp[0])
        except RulesError as exc:
            if self._rules is None:
                log.critical("Ohne gültige Regeldatei keine Lotsenfrage: %s", exc)
                raise
            # Keep the rules that worked: a broken edit must not switch emergencies off.
            log.error("Regeldatei nicht nutzbar, die bisherigen Regeln bleiben: %s", exc)
            self._stamp = stamp
            return
        self._rules, self._stamp = rules, stamp


def rules_paths(configured: str | None, instance_dir: Path, default: Path) -> list[Path]:
    """The rules file to use: configured, else the one a bundle import installed, else the default."""
    if configured:
        return [Path(configured)]
    return [instance_dir / RULES_FILE, default]


def install_bundle_rules(bundle: Path, instance_dir: Path) -> list[Problem] | None:
    """Validate a bundle's rules.yaml and install it for routing; None when the bundle has none.

    Returns the problems (with lines) when the file is invalid; the rules in force then stay as they are.
    """
    source = Path(bundle) / RULES_FILE
    if not source.is_file():
        return None
    try:
        load_rules(source)
    except RulesError as exc:
        return exc.problems
    instance_dir.mkdir(parents=True, exist_ok=True)
    target = instance_dir / RULES_FILE
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    shutil.copyfile(source, partial)
    os.replace(partial, target)
    return []


#: The rules shipped inside the package (lotse/data/rules.yaml, so an installed Lotse carries them): in
#: force until a bundle brings its own (or LOTSE_RULES names one).
DEFAULT_RULES = Path(str(resources.files("lotse").joinpath("data", RULES_FILE)))


def build_router(services: Any) -> Router:
    """Build the Router of an app or command: offers (from the search index), districts, rules in force."""
    from lotse.routing.candidates import prepare
    from lotse.routing.service import Router

    rules = RulesFile(rules_paths(services.config.get("RULES_PATH"), services.instance_dir, DEFAULT_RULES))

    check = float(services.config["ROUTING_CHECK_SECONDS"])
    districts = services.districts
    search = services.search
    pool = PoolKeeper(
        search.offer_changes,
        database_pool(services.db, search.all_active),
        districts,
        check_seconds=check,
        # The rules in force pick the emergency selections; a broken rules file stops serving elsewhere.
        prepare=lambda offers: prepare(offers, _rules_or_none(rules)),
    )
    return Router(pool, districts, rules)


def _rules_or_none(rules: RulesFile) -> RuleSet | None:
    try:
        return rules()
    except RulesError:
        return None
