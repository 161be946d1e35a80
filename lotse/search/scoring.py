"""BM25 over the qualifying offers only, from posting maps cached per snapshot.

Whoosh scores by walking matchers and skips inside a posting block one entry at a time; for a few hundred
candidates and a dozen terms that costs tens of milliseconds in pure Python. Here each term's postings
are read once into a map document -> term frequency and into arrays (kept while the snapshot lives, least
recently used first out), and the scores of all candidates are a few numpy operations per term (a common
word has tens of thousands of postings at 100,000 offers). The formula and statistics are Whoosh's
own (whoosh.scoring.bm25 with its idf and average field length), so scores equal what Whoosh computes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from typing import Any

import numpy as np

#: BM25 parameters (Whoosh's defaults: length normalisation B, term-frequency saturation K1).
B = 0.75
K1 = 1.2
#: Posting entries kept in memory per snapshot (about 70 bytes each), at least this many...
MIN_CACHED_POSTINGS = 400_000
#: ...or this many per indexed offer: enough for the common words of a large directory.
CACHED_POSTINGS_PER_OFFER = 20


@dataclass(frozen=True)
class WeightedTerm:
    """One term of a ranked query: field, text and its weight (boost)."""

    field: str
    text: str
    weight: float


class Postings:
    """Per-snapshot cache: (field, term) -> {document number: term frequency}, and field lengths."""

    def __init__(
        self,
        searcher: Any,
        leaves: list[tuple[Any, int]],
        lengths: dict[tuple[str, str], np.ndarray] | None = None,
    ) -> None:
        self.searcher = searcher
        self.leaves = leaves
        self._maps: OrderedDict[tuple[str, str], dict[int, int]] = OrderedDict()
        self._arrays: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        self._size = 0
        self._limit = max(MIN_CACHED_POSTINGS, CACHED_POSTINGS_PER_OFFER * searcher.doc_count_all())
        self._norms: dict[str, np.ndarray] = {}
        #: Field lengths per (segment, field): segments never change, so later snapshots reuse them.
        self.lengths = lengths if lengths is not None else {}

    def get(self, field: str, term: str) -> dict[int, int]:
        """Document -> frequency of a term (deleted documents left out)."""
        key = (field, term)
        found = self._maps.get(key)
        if found is not None:
            self._maps.move_to_end(key)
            return found
        found = {}
        for reader, offset in self.leaves:
            if (field, term) in reader:
                read_postings(reader.postings(field, term), offset, found)
        self._maps[key] = found
        self._size += len(found)
        while self._size > self._limit and len(self._maps) > 1:
            evicted_key, evicted = self._maps.popitem(last=False)
            self._arrays.pop(evicted_key, None)
            self._size -= len(evicted)
        return found

    def arrays(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """The documents holding a term and its frequency in each, as arrays (kept with `get`'s map)."""
        tfs = self.get(field, term)
        found = self._arrays.get((field, term))
        if found is None:
            docs = np.fromiter(tfs.keys(), dtype=np.int64, count=len(tfs))
            counts = np.fromiter(tfs.values(), dtype=np.float64, count=len(tfs))
            found = self._arrays[(field, term)] = (docs, counts)
        return found

    def norms(self, field: str) -> np.ndarray:
        """Per document of the snapshot, BM25's length normalisation K1 * (1 - B + B * length / average)
        of a field (the lengths read once per segment)."""
        found = self._norms.get(field)
        if found is None:
            parts = [self._segment_lengths(reader, field) for reader, _offset in self.leaves]
            lengths = np.concatenate(parts) if parts else np.zeros(0)
            average = self.searcher.avg_field_length(field) or 1
            found = self._norms[field] = K1 * (1 - B + B * lengths / average)
        return found

    def _segment_lengths(self, reader: Any, field: str) -> np.ndarray:
        key = (reader.segment().segment_id(), field)
        found = self.lengths.get(key)
        if found is None:
            total = reader.doc_count_all()
            lengths = (reader.doc_field_length(d, field, 1) or 1 for d in range(total))
            found = self.lengths[key] = np.fromiter(lengths, dtype=np.float64, count=total)
        return found


def read_postings(matcher: Any, offset: int, into: dict[int, int]) -> None:
    """Add document -> frequency of one segment's posting list to `into`.

    Whoosh's leaf matcher of the pinned 2.7.4 holds each block's ids and weights as arrays; reading them
    a block at a time is twenty times faster than one posting at a time (a common word has tens of
    thousands of postings in a large directory). Anything else (a matcher filtering deleted documents)
    is read one posting at a time.
    """
    if type(matcher).__name__ == "W3LeafMatcher" and hasattr(matcher, "_read_ids"):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            start = matcher._i
            into.update(
                zip(
                    [i + offset for i in matcher._ids[start:]],
                    map(int, matcher._weights[start:]),
                    strict=False,
                )
            )
            matcher._next_block()
        return
    while matcher.is_active():
        into[matcher.id() + offset] = int(matcher.weight())
        matcher.next()


def scores(
    postings: Postings, terms: Iterable[WeightedTerm], candidates: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """BM25 of every document (0 where none of the terms is) and which documents hold at least one term,
    among the `candidates` (a mask over the snapshot's documents)."""
    size = len(candidates)
    found = np.zeros(size)
    hit = np.zeros(size, dtype=np.bool_)
    searcher = postings.searcher
    for term in terms:
        docs, tfs = postings.arrays(term.field, term.text)
        if not len(docs):
            continue
        # bm25(idf, tf, ...) = idf * tf * (K1 + 1) / (tf + norm): the constant part once per term.
        factor = term.weight * searcher.idf(term.field, term.text) * (K1 + 1)
        keep = candidates[docs]
        docs, tfs = docs[keep], tfs[keep]
        found[docs] += factor * tfs / (tfs + postings.norms(term.field)[docs])
        hit[docs] = True
    return found, hit


def coordinate(found: np.ndarray, clauses: Sequence[Set[int]]) -> None:
    """Scale each score by the share of the query's words the document has (all words: unchanged).

    An offer with every word of "Pflegeberatung für Ältere" ranks before one with only some, yet a
    strong match of one word still counts (the classic coordination factor of Lucene's scoring).
    """
    counts = np.zeros(len(found))
    for clause in clauses:
        counts[np.fromiter(clause, dtype=np.int64, count=len(clause))] += 1
    found *= counts / len(clauses)


def matching(postings: Postings, terms: Iterable[WeightedTerm], docnum: int) -> set[str]:
    """The term texts a document contains."""
    return {t.text for t in terms if docnum in postings.get(t.field, t.text)}
