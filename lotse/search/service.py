"""What the rest of Lotse calls to search: SearchService with its query, hit and result types.

The index answers when it is healthy; otherwise the database does (slower, same answers), so a search
never fails because of the index.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from lotse.db import Database
from lotse.directory.schedule import TIMEZONE
from lotse.directory.summary import OfferSummary
from lotse.search import fallback
from lotse.search.analysis import lexicon_vocabulary
from lotse.search.documents import active_count, all_district_ids, load_offers, summary_of
from lotse.search.engine import IndexEngine
from lotse.search.highlight import highlights
from lotse.search.index import FailedReads
from lotse.search.query import MAX_TEXT_LENGTH, Filters, plan
from lotse.search.results import (
    MAX_PER_PAGE,
    Hit,
    SearchQuery,
    SearchResult,
    count_facets,
    filters_of,
    summary_facets,
)
from lotse.search.snapshot import OfferChanges, Snapshot
from lotse.search.sync import IndexDiff

log = logging.getLogger(__name__)
T = TypeVar("T")


class SearchService:
    """Search over the offers: the index when it is healthy, the database otherwise."""

    def __init__(self, db: Database, instance_dir: Path | str, *, sync_interval: float = 0.5) -> None:
        self.db = db
        self.engine = IndexEngine(db, Path(instance_dir) / "index", sync_interval=sync_interval)

    def check(self) -> IndexDiff:
        """How the index differs from the active offers in the database (ids and versions)."""
        return self.engine.check()

    # --- the public interface -------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        """Ranked offers for a text and filters (an empty text lists by the filters, by name)."""
        query = _bounded(query)
        moment = datetime.now(TIMEZONE)
        filters = filters_of(query)
        found = self._from_index(lambda snapshot: snapshot.search(query, filters, moment))
        return found if found is not None else self._search_database(query, moment)

    def offers(self, ids: Sequence[str]) -> dict[str, OfferSummary]:
        """Summaries by id (active ones from the index, the rest from the database; unknown ids left out)."""
        moment = datetime.now(TIMEZONE)
        found = self._from_index(lambda snapshot: snapshot.summaries(ids, moment)) or {}
        missing = [i for i in dict.fromkeys(ids) if i not in found]
        if missing:
            found.update(self._summaries_from_database(missing))
        return found

    def all_active(self) -> list[OfferSummary]:
        """Every active offer's summary, by name."""
        moment = datetime.now(TIMEZONE)
        found = self._from_index(lambda snapshot: snapshot.all_summaries(moment))
        if found is not None:
            return found
        return [summary for summary, _text in fallback.candidates(self.db, Filters(), moment=moment)]

    def offer_changes(self, known: Mapping[str, int] | None, since: object = None) -> OfferChanges | None:
        """The active offers that differ from `known` (id -> version; None: all) in the index state after
        `since`, as the index stores them with their derived words; None when the index cannot answer."""
        return self._from_index(lambda snapshot: snapshot.changes(known, since))

    def _from_index(self, action: Callable[[Snapshot], T]) -> T | None:
        """Run a read on the index; None when the index cannot answer (the caller asks the database)."""
        for attempt in range(2):
            with self.engine.reading() as snapshot:
                if snapshot is None:
                    return None
                failed = FailedReads()
                try:
                    return action(snapshot)
                except Exception as exc:  # noqa: BLE001 - a broken index must never fail a search
                    log.warning("Lesen aus dem Suchindex fehlgeschlagen.", exc_info=True)
                    failed.keep(exc)
                failed.release()
                if attempt == 0:
                    # Perhaps only this snapshot went stale (files merged away): open afresh once.
                    self.engine.drop_snapshot()
                else:
                    log.error("Suchindex defekt; Suchen gehen an die Datenbank, bis er neu gebaut ist.")
                    self.engine.report_broken()
        return None

    # --- index lifecycle --------------------------------------------------------------------------

    def refresh(self, *, rebuild: bool = False) -> str:
        """Bring the index up to date now (rebuild: a new generation from the database); says what it did."""
        return self.engine.refresh(rebuild=rebuild)

    def start(self) -> None:
        """Start following the change log in the background (serving processes)."""
        self.engine.start()

    def close(self) -> None:
        """Stop the background work and close the index."""
        self.engine.close()

    # --- the database path --------------------------------------------------------------------------

    def _search_database(self, query: SearchQuery, moment: datetime) -> SearchResult:
        plan_ = plan(query.text, lexicon_vocabulary(), lambda _term: False)
        items = fallback.candidates(self.db, filters_of(query), active_only=query.active_only, moment=moment)
        if query.open_now:
            items = [(s, t) for s, t in items if s.open_now]
        ranked = fallback.rank(items, plan_, text_required=query.text_required)
        start = (query.page - 1) * query.per_page
        terms = set(plan_.weights())
        hits = [
            Hit(
                summary.id,
                score,
                summary,
                highlights(summary, terms) if query.highlight and plan_ else {},
                matched,
            )
            for summary, score, matched in ranked[start : start + query.per_page]
        ]
        facets = count_facets([summary_facets(s) for s, _score, _m in ranked]) if query.facets else {}
        return SearchResult(len(ranked), hits, facets, plan_.corrections, source="database")

    def _summaries_from_database(self, ids: Sequence[str]) -> dict[str, OfferSummary]:
        with self.db.session() as session:
            district_ids = all_district_ids(session)
            return {i: summary_of(o, district_ids) for i, o in load_offers(session, ids).items()}

    def active_offer_count(self) -> int:
        """Number of active offers in the database."""
        with self.db.session() as session:
            return active_count(session)


def _bounded(query: SearchQuery) -> SearchQuery:
    """The query with text, page size and page number cut to what a search handles."""
    per_page = min(max(query.per_page, 1), MAX_PER_PAGE)
    page = max(query.page, 1)
    text = query.text[:MAX_TEXT_LENGTH]
    if (per_page, page, text) == (query.per_page, query.page, query.text):
        return query
    return replace(query, per_page=per_page, page=page, text=text)


__all__ = ["MAX_PER_PAGE", "Hit", "SearchQuery", "SearchResult", "SearchService"]
