"""BM25 over the qualifying offers only, from posting maps cached per snapshot.

Whoosh scores by walking matchers and skips inside a posting block one entry at a time; for a few hundred
candidates and a dozen terms that costs tens of milliseconds in pure Python. Here each term's postings
are read once into a map document -> term frequency (kept while the snapshot lives, least recently used
first out), and a candidate's score is a few dictionary lookups. The formula and statistics are Whoosh's
own (whoosh.scoring.bm25 with its idf and average field length), so scores equal what Whoosh computes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from typing import Any

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

    def __init__(self, searcher: Any, leaves: list[tuple[Any, int]]) -> None:
        self.searcher = searcher
        self.leaves = leaves
        self._maps: OrderedDict[tuple[str, str], dict[int, int]] = OrderedDict()
        self._size = 0
        self._limit = max(MIN_CACHED_POSTINGS, CACHED_POSTINGS_PER_OFFER * searcher.doc_count_all())
        self._norms: dict[str, dict[int, float]] = {}

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
            _key, evicted = self._maps.popitem(last=False)
            self._size -= len(evicted)
        return found

    def norms(self, field: str) -> dict[int, float]:
        """Per document, BM25's length normalisation K1 * (1 - B + B * length / average) of a field.

        Filled as documents are scored; the caller fills missing entries through `norm`.
        """
        return self._norms.setdefault(field, {})

    def norm(self, field: str, docnum: int) -> float:
        """BM25's length normalisation of one document's field (cached)."""
        norms = self.norms(field)
        found = norms.get(docnum)
        if found is None:
            average = self.searcher.avg_field_length(field) or 1
            length = self.searcher.doc_field_length(docnum, field, 1) or 1
            found = norms[docnum] = K1 * (1 - B + B * length / average)
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


def scores(postings: Postings, terms: Iterable[WeightedTerm], docs: Iterable[int]) -> dict[int, float]:
    """BM25 scores of the documents that contain at least one of the terms."""
    candidates = docs if isinstance(docs, (set, frozenset)) else set(docs)
    searcher = postings.searcher
    found: dict[int, float] = {}
    for term in terms:
        tfs = postings.get(term.field, term.text)
        if not tfs:
            continue
        # bm25(idf, tf, ...) = idf * tf * (K1 + 1) / (tf + norm): the constant part once per term.
        factor = term.weight * searcher.idf(term.field, term.text) * (K1 + 1)
        norms = postings.norms(term.field)
        hits = candidates & tfs.keys() if len(tfs) > len(candidates) else tfs.keys() & candidates
        for docnum in hits:
            norm = norms.get(docnum)
            if norm is None:
                norm = postings.norm(term.field, docnum)
            tf = tfs[docnum]
            found[docnum] = found.get(docnum, 0.0) + factor * tf / (tf + norm)
    return found


def coordinate(found: dict[int, float], clauses: Sequence[Set[int]]) -> None:
    """Scale each score by the share of the query's words the document has (all words: unchanged).

    An offer with every word of "Pflegeberatung für Ältere" ranks before one with only some, yet a
    strong match of one word still counts (the classic coordination factor of Lucene's scoring).
    """
    counts = dict.fromkeys(found, 0)
    for clause in clauses:
        for docnum in clause & found.keys():
            counts[docnum] += 1
    total = len(clauses)
    for docnum, count in counts.items():
        found[docnum] *= count / total


def matching(postings: Postings, terms: Iterable[WeightedTerm], docnum: int) -> set[str]:
    """The term texts a document contains."""
    return {t.text for t in terms if docnum in postings.get(t.field, t.text)}
