"""The services one app (or one CLI command) works with, built once from the configuration."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lotse.db import Database

log = logging.getLogger(__name__)

#: What a serving process asks itself before it takes requests (never a real person's situation).
WARM_UP_SITUATION = "Wir haben Schulden und Mietrückstände, der Strom soll abgestellt werden."
WARM_UP_SEARCH = "Schuldnerberatung"

if TYPE_CHECKING:
    from lotse.routing.proximity import DistrictMap
    from lotse.routing.service import Router
    from lotse.search.service import SearchService


@dataclass
class Services:
    """The database and the parts of Lotse built on it, shared by views and commands."""

    config: dict[str, Any]
    db: Database = field(init=False)
    _search: SearchService | None = field(init=False, default=None, repr=False)
    _router: Router | None = field(init=False, default=None, repr=False)
    _districts: Callable[[], DistrictMap] | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.db = Database(self.config["DATABASE_URL"])

    @property
    def search(self) -> SearchService:
        """Return the search service, opening the index on first use (commands that don't search never do)."""
        if self._search is None:
            from lotse.search.service import SearchService

            self._search = SearchService(
                self.db, self.instance_dir, sync_interval=float(self.config["SEARCH_SYNC_INTERVAL"])
            )
        return self._search

    @property
    def districts(self) -> Callable[[], DistrictMap]:
        """The districts, re-read from the database only every few seconds (shared by routing and search)."""
        if self._districts is None:
            from lotse.routing.sources import district_source

            check = float(self.config["ROUTING_CHECK_SECONDS"])
            self._districts = district_source(self.db, check_seconds=check)
        return self._districts

    @property
    def infer_needs(self) -> Callable[[str], Sequence[tuple[str, float]]]:
        """Lotse's recogniser of needs in an offer's own text (for the directory's writes and imports)."""
        from lotse.routing.inference import infer_needs

        return infer_needs

    @property
    def router(self) -> Router:
        """Return the Router of the Lotse question (built on first use with the rules in force)."""
        if self._router is None:
            from lotse.routing.sources import build_router

            self._router = build_router(self)
        return self._router

    def warm_up(self) -> None:
        """Prepare a serving process before it takes requests: read the offers (and follow them in the
        background), answer one fixed question and one search so every table read on first use is
        loaded, then move what now lives for good out of the garbage collector's sight.

        Without the last step a full collection walks every object of the index, the offers and the
        recogniser: 50 ms at 10,000 offers, in whichever request it happens to fall.
        """
        from lotse.routing.service import RouteRequest
        from lotse.search.service import SearchQuery

        self.router.start()
        try:
            self.router.route(RouteRequest(WARM_UP_SITUATION))
            self.search.search(SearchQuery(text=WARM_UP_SEARCH, facets=True, highlight=True))
        except Exception:  # noqa: BLE001 - a failed warm-up leaves the tables to the first request
            log.warning("Aufwärmen vor dem ersten Request fehlgeschlagen.", exc_info=True)
        gc.collect()
        gc.freeze()

    def check_rules(self) -> int:
        """Load the routing rules in force now; raise RulesError (German) when none can be used.

        Servers call this before they take requests: emergency rules that cannot be read must stop the
        start, not leave the Lotse question quietly without them. Returns the number of rules.
        """
        return len(self.router.rules_in_force())

    def refresh_index(self, *, rebuild: bool = False) -> str:
        """Bring the search index up to date after data changed (rebuild: a new generation); say what."""
        search = self.search
        try:
            return search.refresh(rebuild=rebuild)
        finally:
            # A one-off refresh (a command) must not keep the writer lock a server needs; the next
            # search opens the index again.
            search.close()
            self._search = None

    @property
    def instance_dir(self) -> Path:
        """Return the instance directory (database file, index, secret key)."""
        return Path(self.config["INSTANCE_DIR"])

    def close(self) -> None:
        """Stop the router's and the search service's background work and release database connections."""
        if self._router is not None:
            self._router.stop()
        if self._search is not None:
            self._search.close()
            self._search = None
        self.db.dispose()
