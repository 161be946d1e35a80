"""The Router's inputs, kept current cheaply: the offer pool, the districts and the rules file.

Each source answers from memory and looks for changes at most every few seconds: the change log's last
sequence number for offers, the district rows for districts, the file's modification time for rules.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import func, select

from lotse.db import Database
from lotse.models import ChangeLog, District, Offer, OfferTerm, Schedule
from lotse.routing.offers import OfferFacts, facts_of
from lotse.routing.proximity import DistrictMap, Place
from lotse.routing.relevance import TextIndex
from lotse.routing.rules import RuleSet, load_rules
from lotse.routing.rules_schema import Problem, RulesError
from lotse.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from lotse.routing.service import Router

log = logging.getLogger(__name__)

RULES_FILE = "rules.yaml"
#: Seconds between two looks at the database for changed offers or districts: a change shows in the
#: answers within this time, and a busy server asks the database at most this often.
CHECK_SECONDS = 2.0
#: Seconds between two looks at the rules file's modification time.
RULES_CHECK_SECONDS = 1.0


T = TypeVar("T")


class OfferPool:
    """The active offers, by id and by need (a need lists every offer carrying it, given or inferred)."""

    def __init__(self, offers: Iterable[OfferFacts]) -> None:
        self.all = sorted(offers, key=lambda o: (o.name.casefold(), o.id))
        self._by_id = {o.id: o for o in self.all}
        self._by_need: dict[str, list[OfferFacts]] = {}
        self._by_area: dict[str, list[OfferFacts]] = {}
        areas = load_taxonomy().need_area
        for offer in self.all:
            for code in offer.needs:
                self._by_need.setdefault(code, []).append(offer)
            for area in sorted({areas[c] for c in offer.needs if c in areas}):
                self._by_area.setdefault(area, []).append(offer)
        self.text = TextIndex(self.all)
        #: Offers without any need code: only their text can bring them to a question.
        self.uncoded = [o for o in self.all if not o.needs]

    @classmethod
    def of(
        cls,
        summaries: Iterable[dict[str, Any]],
        inferred: dict[str, dict[str, float]] | None = None,
        schedules: dict[str, tuple[Schedule, ...]] | None = None,
    ) -> OfferPool:
        """A pool of OfferSummary dicts, with inferred needs' scores and opening hours per offer id."""
        inferred, schedules = inferred or {}, schedules or {}
        return cls(
            facts_of(s, inferred.get(str(s["id"])), schedules.get(str(s["id"]), ())) for s in summaries
        )

    def __len__(self) -> int:
        return len(self.all)

    def get(self, offer_id: str) -> OfferFacts | None:
        """Return the offer with this id, or None."""
        return self._by_id.get(offer_id)

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


def pool_source(
    db: Database,
    summaries: Callable[[], list[dict[str, Any]]],
    districts: Callable[[], DistrictMap],
    **options: Any,
) -> Callable[[], OfferPool]:
    """Active offers, rebuilt when the change log moves or the districts change (they alter "city-wide")."""

    def version() -> object:
        return (last_change(db), tuple(districts().ids()))

    return Cached(
        version, lambda: OfferPool.of(summaries(), inferred_scores(db), opening_hours(db)), **options
    )


def opening_hours(db: Database) -> dict[str, tuple[Schedule, ...]]:
    """Return the schedule rows of every active offer, per offer id (detached, read-only)."""
    query = (
        select(Schedule)
        .join(Offer, Offer.id == Schedule.service_id)
        .where(Offer.status == "active")
        .order_by(Schedule.pk)
    )
    found: dict[str, list[Schedule]] = {}
    with db.session() as session:
        for row in session.scalars(query):
            found.setdefault(row.service_id, []).append(row)
    return {k: tuple(v) for k, v in found.items()}


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
    """Build the Router of an app or command: offers (from the search service), districts, rules in force."""
    from lotse.routing.service import Router

    configured = services.config.get("RULES_PATH") or os.environ.get("LOTSE_RULES")
    check = float(services.config.get("ROUTING_CHECK_SECONDS", CHECK_SECONDS))
    districts = district_source(services.db, check_seconds=check)
    pool = pool_source(services.db, services.search.all_active, districts, check_seconds=check)
    rules = RulesFile(rules_paths(configured, services.instance_dir, DEFAULT_RULES))
    return Router(pool, districts, rules)
