"""A reader's view of one index state: a Whoosh searcher plus what it caches about it.

Searching works in two steps, both kept cheap in pure Python:
1. Which offers qualify: sets of document numbers from posting lists (text words, filter values),
   intersected as Python sets. Filter sets are cached per snapshot.
2. How they rank: BM25 of the weighted text terms over the qualifying offers only (lotse.search.scoring).

Segments are immutable, so the facts read from a segment are cached by its id and reused when the
searcher is refreshed after a commit: only new segments are read.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from lotse.directory.schedule import is_open
from lotse.directory.summary import OfferSummary
from lotse.search import fields as F
from lotse.search.analysis import lexicon_vocabulary
from lotse.search.documents import Derived, OfferFacts, StoredOffer
from lotse.search.highlight import highlights
from lotse.search.index import open_generation, read_vocabulary
from lotse.search.meta import read_meta
from lotse.search.query import Filters, QueryPlan, TextQuery, plan, text_query
from lotse.search.results import Hit, SearchQuery, SearchResult, count_facets
from lotse.search.scoring import Postings, coordinate, matching, scores
from lotse.search.vocabulary import Vocabulary


class Snapshot:
    """One generation at one commit, searchable; refreshed() returns the newer state."""

    def __init__(self, path: Path, ix: Any, previous: Snapshot | None = None) -> None:
        self.path = path
        self.ix = ix
        self.searcher = ix.searcher()
        self.lock = threading.RLock()
        old = previous.segments if previous is not None else {}
        old_summaries = previous._segment_summaries if previous is not None else {}
        self.segments: dict[str, list[OfferFacts | None]] = {}
        self.facts: list[OfferFacts | None] = []
        self.leaves: list[tuple[Any, int]] = list(self.searcher.reader().leaf_readers())
        #: Summaries read so far, per segment (filled on first read, shared with later snapshots and with
        #: the routing pool, which reads them from here: one object per offer in a worker).
        self._segment_summaries: dict[str, list[OfferSummary | None]] = {}
        self._summary_lists: list[list[OfferSummary | None]] = []
        self._segment_facts: list[list[OfferFacts | None]] = []
        self._offers: frozenset[int] | None = None
        self._offsets: list[int] = []
        #: Per segment, the documents deleted in it (what an edit changes in a segment it keeps).
        self._deleted: dict[str, frozenset[int]] = {}
        for reader, offset in self.leaves:
            key = reader.segment().segment_id()
            self._deleted[key] = (
                frozenset(reader.segment().deleted_docs()) if reader.has_deletions() else _NONE
            )
            facts = old.get(key)
            if facts is None:
                facts = _read_facts(reader)
            self.segments[key] = facts
            self._segment_facts.append(facts)
            self.facts.extend(facts)
            summaries = old_summaries.get(key) or [None] * len(facts)
            self._segment_summaries[key] = summaries
            self._summary_lists.append(summaries)
            self._offsets.append(offset)
        self.meta = read_meta(self.searcher)
        self.seq = self.meta.seq
        self.doc_count = self.searcher.doc_count()
        self.vocabulary: Vocabulary
        if previous is not None and previous.path == path and previous.meta.words <= self.meta.words:
            # Offers indexed since the build add words (an edit's new word): only those are added.
            self.vocabulary = previous.vocabulary.extended(self.meta.words)
        else:
            self.vocabulary = Vocabulary(read_vocabulary(path) | self.meta.words | lexicon_vocabulary())
        self._doc_freq: dict[str, int] = {}
        self._filter_sets: dict[tuple[str, str], frozenset[int]] = {}
        self.postings: Postings = Postings(
            self.searcher, self.leaves, _kept_lengths(previous, self.segments.keys())
        )
        self._open: tuple[str, frozenset[int]] | None = None
        self._ages: dict[int, frozenset[int]] = {}
        self._by_name: list[int] | None = None
        self._summaries: list[tuple[int, OfferSummary]] | None = None
        self._versions: dict[str, int] | None = None
        #: (key of an earlier snapshot, ids of the offers whose documents changed since then), newest first.
        self._history: tuple[tuple[tuple[str, int, int], frozenset[str]], ...] = ()
        if previous is not None and previous.ix is ix:
            self._history = _history(previous, self)

    @classmethod
    def open(cls, path: Path) -> Snapshot:
        """Open a generation (raises IndexUnavailable or Whoosh's errors when it is unreadable)."""
        return cls(path, open_generation(path))

    def up_to_date(self) -> bool:
        """Whether no commit happened since this snapshot was taken."""
        return bool(self.searcher.up_to_date())

    def refreshed(self) -> Snapshot:
        """A snapshot of the newest commit of the same generation, reusing what it read of unchanged segments.

        A new searcher rather than Searcher.refresh(): that one closes readers the old snapshot may still use.
        """
        return Snapshot(self.path, self.ix, self)

    def close(self) -> None:
        """Close the searcher (waits for a search still running on it)."""
        with self.lock:
            self.searcher.close()

    # --- statistics and sets ------------------------------------------------------------------------

    def doc_frequency(self, term: str) -> int:
        """In how many offers a text term occurs (cached)."""
        found = self._doc_freq.get(term)
        if found is None:
            found = self._doc_freq[term] = int(self.searcher.doc_frequency(F.TEXT, term))
        return found

    def _postings(self, fieldname: str, term: str) -> frozenset[int]:
        ids: set[int] = set()
        for reader, offset in self.leaves:
            if (fieldname, term) in reader:
                ids.update(d + offset for d in reader.postings(fieldname, term).all_ids())
        return frozenset(ids)

    def _term_docs(self, term: str) -> Set[int]:
        return self.postings.get(F.TEXT, term).keys()

    def _filter_docs(self, fieldname: str, value: str) -> frozenset[int]:
        key = (fieldname, value)
        found = self._filter_sets.get(key)
        if found is None:
            found = self._filter_sets[key] = self._postings(fieldname, value)
        return found

    def offer_docs(self) -> frozenset[int]:
        """Every offer document (not the meta document, not deleted ones), from the facts column: only
        offers have facts (walking the kind's postings cost 15 ms at 10,000 offers per new snapshot)."""
        if self._offers is None and not all(reader.has_column(F.FACTS) for reader, _o in self.leaves):
            self._offers = self._filter_docs(F.KIND, F.KIND_OFFER)
        if self._offers is None:
            found: set[int] = set()
            for (reader, offset), facts in zip(self.leaves, self._segment_facts, strict=True):
                deleted = set(reader.segment().deleted_docs()) if reader.has_deletions() else ()
                found.update(offset + d for d, f in enumerate(facts) if f is not None and d not in deleted)
            self._offers = frozenset(found)
        return self._offers

    def age_docs(self, age: int) -> frozenset[int]:
        """Documents of offers whose age bounds include the age (cached per age)."""
        found = self._ages.get(age)
        if found is None:
            found = frozenset(d for d, f in enumerate(self.facts) if f is not None and f.fits_age(age))
            self._ages[age] = found
        return found

    def open_docs(self, moment: datetime) -> frozenset[int]:
        """Documents of offers open at the moment (cached per minute)."""
        minute = moment.strftime("%Y-%m-%d %H:%M")
        if self._open is None or self._open[0] != minute:
            found = frozenset(d for d, f in enumerate(self.facts) if f is not None and _is_open(f, moment))
            self._open = (minute, found)
        return self._open[1]

    def _allowed(self, filters: Filters, moment: datetime, open_now: bool) -> frozenset[int] | None:
        """Documents passing all filters; None when there is no filter (every offer)."""
        allowed: frozenset[int] | None = None
        for group in filters.term_groups():
            union = frozenset().union(*(self._filter_docs(f, v) for f, v in group))
            allowed = union if allowed is None else allowed & union
        if filters.age is not None:
            allowed = self.age_docs(filters.age) if allowed is None else allowed & self.age_docs(filters.age)
        if open_now:
            allowed = self.open_docs(moment) if allowed is None else allowed & self.open_docs(moment)
        return allowed

    # --- searching --------------------------------------------------------------------------------

    def plan(self, text: str) -> QueryPlan:
        """Analyse a search text against this index's vocabulary."""
        return plan(text, self.vocabulary, lambda term: self.doc_frequency(term) > 0)

    def search(self, query: SearchQuery, filters: Filters, moment: datetime) -> SearchResult:
        """Run a search on this snapshot."""
        with self.lock:
            return self._search(query, filters, moment)

    def _search(self, query: SearchQuery, filters: Filters, moment: datetime) -> SearchResult:
        plan_ = self.plan(query.text)
        allowed = self._allowed(filters, moment, query.open_now)
        everything = allowed if allowed is not None else self.offer_docs()
        text = text_query(plan_, self.doc_frequency, self.doc_count) if plan_ else None
        end = query.page * query.per_page
        if text is None:
            docs = everything
            ranked = [(d, 0.0) for d in self._by_name_within(docs, end)]
        else:
            clauses = self._clauses(text, allowed)
            docs = _union(clauses) if query.text_required else everything
            ranked = self._rank(text, docs, clauses, end, fill=not query.text_required)
        page = ranked[(query.page - 1) * query.per_page : end]
        matched = self._matched_terms(text, [d for d, _ in page]) if text is not None else {}
        hits = [self._hit(d, s, plan_, matched.get(d, set()), query, moment) for d, s in page]
        facets = self._facets(docs) if query.facets else {}
        return SearchResult(len(docs), hits, facets, plan_.corrections)

    def _clauses(self, text: TextQuery, allowed: frozenset[int] | None) -> list[frozenset[int]]:
        """Per discriminative word, the offers (within the filters) that have it."""
        clauses = [_union(self._term_docs(t) for t in terms) for terms in text.clauses]
        return [c & allowed for c in clauses] if allowed is not None else clauses

    def _rank(
        self,
        text: TextQuery,
        docs: frozenset[int],
        clauses: list[frozenset[int]],
        limit: int,
        *,
        fill: bool,
    ) -> list[tuple[int, float]]:
        """The best `limit` documents by text score; with `fill`, unmatched ones follow by name."""
        size = len(self.facts)
        candidates = np.zeros(size, dtype=np.bool_)
        candidates[np.fromiter(docs, dtype=np.int64, count=len(docs))] = True
        found, hit = scores(self.postings, text.scoring, candidates)
        if len(clauses) > 1:
            coordinate(found, clauses)
        best = np.flatnonzero(hit)
        if len(best) > limit:
            # Every document scoring at least the limit-th best score, ties included: by name below.
            values = found[best]
            best = best[values >= np.partition(values, len(values) - limit)[len(values) - limit]]
        ranked = sorted(
            ((d, float(found[d])) for d in best.tolist()),
            key=lambda item: (-item[1], self._sort_key(item[0])),
        )[:limit]
        if fill and len(ranked) < limit:
            rest = docs - set(np.flatnonzero(hit).tolist())
            ranked += [(d, 0.0) for d in self._by_name_within(rest, limit - len(ranked))]
        return ranked

    def _matched_terms(self, text: TextQuery, docs: Iterable[int]) -> dict[int, set[str]]:
        """For each document, the text terms of the query it contains."""
        return {d: matching(self.postings, text.scoring, d) for d in docs}

    def _sort_key(self, docnum: int) -> tuple[str, str]:
        facts = self.facts[docnum]
        return (facts.sort_key, facts.id) if facts else ("", "")

    def _by_name_within(self, docs: frozenset[int], limit: int) -> list[int]:
        """The first `limit` of the documents in name order."""
        if self._by_name is None:
            self._by_name = sorted(self.offer_docs(), key=self._sort_key)
        found = []
        for docnum in self._by_name:
            if docnum in docs:
                found.append(docnum)
                if len(found) >= limit:
                    break
        return found

    def _hit(
        self,
        docnum: int,
        score: float,
        plan_: QueryPlan,
        matched: set[str],
        query: SearchQuery,
        moment: datetime,
    ) -> Hit:
        summary = self._summary(docnum).at(moment)
        words = tuple(w.original for w in plan_.words if not matched.isdisjoint(w.terms))
        marks = highlights(summary, set(plan_.weights())) if query.highlight and plan_ else {}
        return Hit(summary.id, score, summary, marks, words)

    def _summary(self, docnum: int, stored: dict[str, Any] | None = None) -> OfferSummary:
        """The stored summary of a document with its opening hours (from the facts column), read once."""
        at = bisect.bisect_right(self._offsets, docnum) - 1
        summaries, local = self._summary_lists[at], docnum - self._offsets[at]
        found = summaries[local]
        if found is None:
            stored = stored if stored is not None else self.searcher.stored_fields(docnum)
            facts = self.facts[docnum]
            hours = facts.schedules if facts is not None else ()
            found = summaries[local] = OfferSummary.from_record(stored[F.SUMMARY], hours)
        return found

    def _facets(self, docs: Iterable[int]) -> dict[str, dict[str, int]]:
        return count_facets([f.facets for d in docs if (f := self.facts[d]) is not None])

    # --- reading summaries --------------------------------------------------------------------------

    def summaries(self, ids: Sequence[str], moment: datetime) -> dict[str, OfferSummary]:
        """Summaries of the given offers that are in the index ("open now" at the moment)."""
        found: dict[str, OfferSummary] = {}
        with self.lock:
            for ident in dict.fromkeys(ids):
                if ident == F.META_ID:
                    continue
                docnum = self.searcher.document_number(**{F.ID: ident})
                if docnum is not None:
                    found[ident] = self._summary(docnum).at(moment)
        return found

    def all_summaries(self, moment: datetime) -> list[OfferSummary]:
        """Every offer's summary by name (read once per snapshot, "open now" at the moment)."""
        with self.lock:
            if self._summaries is None:
                docs = self._by_name_within(self.offer_docs(), len(self.facts))
                self._summaries = [(d, self._summary(d)) for d in docs]
            return [s.at(moment) for _d, s in self._summaries]

    def versions(self) -> dict[str, int]:
        """Id -> version of every offer in this snapshot (read once per snapshot; do not change it)."""
        with self.lock:
            if self._versions is None:
                self._versions = {
                    f.id: f.version for d in self.offer_docs() if (f := self.facts[d]) is not None
                }
            return self._versions

    @property
    def key(self) -> tuple[str, int, int]:
        """Which index state this is: generation directory, commit and change-log position."""
        return (self.path.name, int(self.searcher.reader().generation() or 0), self.seq)

    def changes(self, known: Mapping[str, int] | None, since: object = None) -> OfferChanges:
        """The offers that differ from `known` (id -> version; None: every offer), as stored, with hours.

        Nothing is compared when the snapshot is still the state `since` names.
        """
        if known is not None and since == self.key:
            return OfferChanges(self.key, {}, frozenset())
        touched = self.touched_since(since) if known is not None else None
        if known is not None and touched is not None and len(touched) <= LOOKUP_LIMIT:
            # Only the offers whose documents changed since then are looked at (by id: a few term lookups).
            with self.lock:
                docs = {i: d for i in sorted(touched) if (d := self._document(i)) is not None}
                changed = {
                    i: self._stored(d)
                    for i, d in docs.items()
                    if (f := self.facts[d]) is not None and known.get(i) != f.version
                }
            removed = frozenset(i for i in touched if i not in docs and known.get(i) is not None)
            return OfferChanges(self.key, changed, removed)
        with self.lock:
            # Walking the facts column beats looking each id up: no term lookups, no postings.
            wanted = [
                (f.id, d)
                for d in self.offer_docs()
                if (f := self.facts[d]) is not None and (known is None or known.get(f.id) != f.version)
            ]
            changed = {ident: self._stored(d) for ident, d in wanted}
        removed = frozenset(known.keys() - self.versions().keys()) if known is not None else frozenset()
        return OfferChanges(self.key, changed, removed, complete=known is None)

    def touched_since(self, since: object) -> frozenset[str] | None:
        """The ids of the offers whose documents were added, replaced or deleted between the earlier
        snapshot `since` names and this one; None when this snapshot does not go back to it."""
        for key, ids in self._history:
            if key == since:
                return ids
        return None

    def _document(self, ident: str) -> int | None:
        docnum = self.searcher.document_number(**{F.ID: ident})
        return None if docnum is None else int(docnum)

    def _stored(self, docnum: int) -> StoredOffer:
        fields = self.searcher.stored_fields(docnum)
        return StoredOffer(self._summary(docnum, fields), Derived.from_list(fields.get(F.DERIVED)))


@dataclass(frozen=True)
class OfferChanges:
    """What changed in the index since a reader's last look, keyed on the snapshot it was read from."""

    key: tuple[str, int, int]
    changed: dict[str, StoredOffer]
    removed: frozenset[str]
    #: `changed` holds every offer (a first read).
    complete: bool = False


_NONE: frozenset[int] = frozenset()
#: Earlier snapshots a snapshot remembers the changed ids since (a pool is at most a few commits behind).
HISTORY = 16
#: Up to this many changed ids `changes` looks up one by one; more (a big import) walk every offer.
LOOKUP_LIMIT = 2000


def _history(
    previous: Snapshot, current: Snapshot
) -> tuple[tuple[tuple[str, int, int], frozenset[str]], ...]:
    """`current`'s history: the ids changed since `previous` (and since each state `previous` remembers).

    Segments never change but for deletions: an offer written since is in a segment `previous` lacks; one
    replaced or removed is deleted in a segment both have, or was in a segment merged away since.
    """
    touched: set[str] = set()
    for key, facts in current.segments.items():
        old = previous.segments.get(key)
        if old is None:
            touched.update(f.id for f in facts if f is not None)
            continue
        for docnum in current._deleted[key] - previous._deleted.get(key, _NONE):
            if (f := old[docnum]) is not None:
                touched.add(f.id)
    for key, facts in previous.segments.items():
        if key not in current.segments:
            deleted = previous._deleted.get(key, _NONE)
            touched.update(f.id for d, f in enumerate(facts) if f is not None and d not in deleted)
    since_previous = frozenset(touched)
    earlier = tuple((key, ids | since_previous) for key, ids in previous._history[: HISTORY - 1])
    return ((previous.key, since_previous), *earlier)


def _read_facts(reader: Any) -> list[OfferFacts | None]:
    total = reader.doc_count_all()
    facts: list[OfferFacts | None] = [None] * total
    if reader.has_column(F.FACTS):
        column = reader.column_reader(F.FACTS)
        for docnum in range(total):
            raw = column[docnum]
            if raw:
                facts[docnum] = OfferFacts.from_bytes(raw)
    return facts


def _kept_lengths(previous: Snapshot | None, segments: Set[str]) -> dict[tuple[str, str], np.ndarray]:
    """The field lengths a previous snapshot read of segments still in use."""
    lengths = previous.postings.lengths if previous is not None else {}
    return {key: value for key, value in lengths.items() if key[0] in segments}


def _union(sets: Iterable[Set[int]]) -> frozenset[int]:
    found: set[int] = set()
    for ids in sets:
        found.update(ids)
    return frozenset(found)


def _is_open(facts: OfferFacts, moment: datetime | None) -> bool | None:
    return is_open(facts.schedules, moment) if facts.schedules else None
