"""Text relevance of offers for a situation, with the search's own German analysis, scored in memory.

The situation is read by `lotse.search.query.plan` (stop words, compounds, thesaurus, term weights: the
same understanding as the search index), and each offer's name and description by `analyze`, the index's
analyzer. Scoring is BM25-like without length normalisation: every matched term adds its plan weight
times its inverse document frequency, boosted in the offer's name.

Why not a Whoosh search per question: a situation has 30–60 words, and OR-ing them in Whoosh costs
10 ms and more per question, several times the rest of routing; the pool already holds every active
offer, so an in-memory inverted index answers the same question in well under a millisecond. Its
postings are numpy arrays of offer slots: a situation's rarer words still bring in thousands of offers at
10,000, and one `bincount` adds their weights where a Python loop took milliseconds.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import ArrayLike

from lotse.giving_way import give_way
from lotse.language.matcher import Phrase, compile_phrase
from lotse.routing.offers import OfferFacts
from lotse.search.analysis import CUE_TIERS, need_cues
from lotse.search.query import NAME_BOOST, QueryPlan, plan

#: A term in more than this share of the offers is common ("Beratung"): it adds to the score of the
#: offers that are considered anyway, but does not bring offers in (the search weighs terms alike).
COMMON_SHARE = 0.12
#: Below this many offers every shared term brings offers in: shares mean little in a small directory.
COMMON_MIN_OFFERS = 200

#: Lexicon cues from this weight on (medium and strong) show that a text speaks of a need; weak cues
#: ("Angst", "Streit") occur in the texts of many needs.
SPECIFIC_CUE = CUE_TIERS["medium"]


class _Postings:
    """The offers (slots of the index) whose texts hold a term, and whether it is in their names."""

    __slots__ = ("named", "slots")

    def __init__(self, slots: ArrayLike, named: ArrayLike) -> None:
        self.slots = np.asarray(slots, dtype=np.int32)
        self.named = np.asarray(named, dtype=np.bool_)


_NO_SLOTS = np.zeros(0, dtype=np.int32)
_NO_NAMED = np.zeros(0, dtype=np.bool_)
#: Prefix of need codes among the terms `TextIndex.patched` compares (terms are lower-case words).
_NEED = "\0need:"


def _moved(
    slots: np.ndarray, named: np.ndarray, leaving: dict[int, bool], coming: dict[int, bool]
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted slot and name-flag arrays with the `leaving` slots taken out and the `coming` ones put in
    at their places: a binary search and one copy each, however long the arrays are."""
    if leaving:
        gone = np.fromiter(sorted(leaving), dtype=np.int32, count=len(leaving))
        at = np.searchsorted(slots, gone)
        at = at[(at < len(slots)) & (slots[np.minimum(at, len(slots) - 1)] == gone)] if len(slots) else at[:0]
        slots, named = np.delete(slots, at), np.delete(named, at)
    if coming:
        order = sorted(coming)
        new = np.fromiter(order, dtype=np.int32, count=len(order))
        at = np.searchsorted(slots, new)
        slots = np.insert(slots, at, new)
        named = np.insert(
            named, at, np.fromiter((coming[s] for s in order), dtype=np.bool_, count=len(order))
        )
    return slots, named


class TextIndex:
    """An inverted index of the pool's offers: analysed terms to the slots of the offers holding them.

    Each offer has a slot (a position in arrays over the pool); a question adds up its terms' weights
    over those arrays with numpy instead of one Python step per posting: a situation's rarer words
    bring in thousands of offers at 10,000 and more. `patched` gives a new index with some offers
    replaced, touching only their terms' and needs' arrays (an edited offer keeps its slot, a new one
    takes a freed slot or a new one), so the old index stays valid for the questions still using it.
    """

    def __init__(self, offers: Sequence[OfferFacts]) -> None:
        self._offers: list[OfferFacts | None] = list(offers)
        self._slot: dict[str, int] = {o.id: i for i, o in enumerate(offers)}
        self._free: list[int] = []
        slots: defaultdict[str, list[int]] = defaultdict(list)
        named: defaultdict[str, list[bool]] = defaultdict(list)
        by_need: defaultdict[str, list[int]] = defaultdict(list)
        for slot, offer in enumerate(offers):
            names = offer.name_terms
            for term in offer.terms:
                slots[term].append(slot)
                named[term].append(term in names)
            for code in offer.needs:
                by_need[code].append(slot)
        self._postings: dict[str, _Postings] = {t: _Postings(s, named[t]) for t, s in slots.items()}
        self._needs: dict[str, np.ndarray] = {c: np.asarray(s, dtype=np.int32) for c, s in by_need.items()}

    def __len__(self) -> int:
        return len(self._slot)

    def slot(self, offer_id: str) -> int | None:
        """The offer's slot in this index's arrays (None when it is not in the pool)."""
        return self._slot.get(offer_id)

    def slots(self, offers: Iterable[OfferFacts]) -> np.ndarray:
        """The slots of the offers (all must be in the pool)."""
        return np.fromiter((self._slot[o.id] for o in offers), dtype=np.int32)

    def offer_at(self, slot: int) -> OfferFacts | None:
        """The offer in a slot (None for a freed one)."""
        return self._offers[slot]

    def patched(self, removed: Iterable[OfferFacts], added: Iterable[OfferFacts]) -> TextIndex:
        """A copy with the `removed` offers' postings gone and the `added` offers' postings in."""
        copy = TextIndex(())
        # Copies of 100,000 references take milliseconds each: a background thread gives way between them.
        offers, slot_of, free = list(self._offers), dict(self._slot), list(self._free)
        give_way()
        postings = dict(self._postings)
        give_way()
        needs = dict(self._needs)
        freed: set[int] = set()
        terms: set[str] = set()
        codes: set[str] = set()
        removed_list = list(removed)
        for offer in removed_list:
            terms.update(offer.terms)
            codes.update(offer.needs)
            slot = slot_of.pop(offer.id)
            offers[slot] = None
            freed.add(slot)
        free.extend(sorted(freed, reverse=True))
        added = list(added)
        for offer in added:
            terms.update(offer.terms)
            codes.update(offer.needs)
            slot = free.pop() if free else len(offers)
            if slot == len(offers):
                offers.append(offer)
            else:
                offers[slot] = offer
            slot_of[offer.id] = slot
        # Per term and need: which slots leave and which come in (with the name flag); a term whose
        # entries stay the same (an edited offer keeps its slot) keeps its arrays.
        before: defaultdict[str, dict[int, bool]] = defaultdict(dict)
        after: defaultdict[str, dict[int, bool]] = defaultdict(dict)
        for offer, slot in [(o, self._slot[o.id]) for o in removed_list]:
            for term in offer.terms:
                before[term][slot] = term in offer.name_terms
            for code in offer.needs:
                before[_NEED + code][slot] = False
        for offer in added:
            slot = slot_of[offer.id]
            for term in offer.terms:
                after[term][slot] = term in offer.name_terms
            for code in offer.needs:
                after[_NEED + code][slot] = False
        for term in terms:
            if before.get(term) == after.get(term):
                continue
            kept = postings.get(term)
            slots, named = _moved(
                kept.slots if kept is not None else _NO_SLOTS,
                kept.named if kept is not None else _NO_NAMED,
                before.get(term, {}),
                after.get(term, {}),
            )
            if len(slots):
                postings[term] = _Postings(slots, named)
            else:
                postings.pop(term, None)
        for code in codes:
            if before.get(_NEED + code) == after.get(_NEED + code):
                continue
            held = needs.get(code, _NO_SLOTS)
            held, _named = _moved(
                held,
                np.zeros(len(held), dtype=np.bool_),
                before.get(_NEED + code, {}),
                after.get(_NEED + code, {}),
            )
            if len(held):
                needs[code] = held
            else:
                needs.pop(code, None)
        copy._offers, copy._slot, copy._free = offers, slot_of, free
        copy._postings, copy._needs = postings, needs
        return copy

    def _idf(self, term: str) -> float:
        return _idf(len(self._postings[term].slots), len(self._slot))

    def scores(self, situation: str, needs: Iterable[str] = ()) -> TextScores:
        """Relevance of the offers sharing rare terms with the situation and of the offers of `needs`.

        Scores are scaled so that the best offer scores 1.
        """
        query = plan(situation)
        size = len(self._offers)
        weights = {t: w for t, w in query.weights().items() if t in self._postings}
        if not weights:
            return TextScores(query, np.zeros(size), self)
        count = len(self._slot)
        limit = COMMON_SHARE * count
        small = count < COMMON_MIN_OFFERS
        rare_slots, rare_weights, common = [], [], []
        for term, weight in weights.items():
            postings = self._postings[term]
            if not small and len(postings.slots) > limit:
                common.append((postings, weight * self._idf(term)))
                continue
            # Rare terms bring offers in.
            base = weight * self._idf(term)
            rare_slots.append(postings.slots)
            rare_weights.append(np.where(postings.named, base * NAME_BOOST, base))
        considered = np.zeros(size, dtype=np.bool_)
        if rare_slots:
            hit = np.concatenate(rare_slots)
            raw: np.ndarray = np.bincount(hit, weights=np.concatenate(rare_weights), minlength=size)
            considered[hit] = True
        else:
            raw = np.zeros(size)
        # Common words ("Beratung") are in most offers: they only add to the offers considered anyway
        # (those the rare words brought in and those of the question's needs).
        if common:
            for code in needs:
                considered[self._needs.get(code, _NO_SLOTS)] = True
            slots = np.concatenate([p.slots for p, _w in common])
            added = np.concatenate([np.where(p.named, w * NAME_BOOST, w) for p, w in common])
            raw += np.where(considered, np.bincount(slots, weights=added, minlength=size), 0.0)
        top = float(raw.max()) if size else 0.0
        if top <= 0:
            return TextScores(query, np.zeros(size), self)
        return TextScores(query, raw / top, self)


@cache
def need_patterns(code: str) -> tuple[Phrase, ...]:
    """The specific cues of a need in the recogniser's lexicon, as phrases."""
    cues = need_cues(other_languages=False).get(code, {})
    return tuple(compile_phrase(cue) for cue, weight in sorted(cues.items()) if weight >= SPECIFIC_CUE)


def mentions_need(offer: OfferFacts, code: str) -> bool:
    """Tell whether the offer's own text uses a specific cue of the need (e.g. "sexualisierte Gewalt")."""
    return any(offer.has(p) for p in need_patterns(code))


def _idf(frequency: int, count: int) -> float:
    """BM25's inverse document frequency (always positive)."""
    return math.log(1 + (count - frequency + 0.5) / (frequency + 0.5))


@dataclass(frozen=True)
class TextScores:
    """The relevance of the pool's offers for one situation (best = 1), by slot of the text index, and on
    demand the situation's words each offer matched."""

    query: QueryPlan
    scores: np.ndarray
    index: TextIndex

    def get(self, offer_id: str) -> float:
        """Return the offer's relevance (0 when it shares no word with the situation)."""
        slot = self.index.slot(offer_id)
        return 0.0 if slot is None else float(self.scores[slot])

    def at(self, slots: np.ndarray) -> np.ndarray:
        """The relevance of the offers in these slots."""
        found: np.ndarray = self.scores[slots]
        return found

    def best(self, min_share: float, limit: int | None = None) -> list[tuple[float, OfferFacts]]:
        """The offers scoring at least `min_share`, best first (equal scores by id, descending); with a
        limit only the first `limit` of them (at 100,000 offers thousands reach half the best score)."""
        slots = np.flatnonzero(self.scores >= min_share)
        if limit is not None and len(slots) > limit:
            values = self.scores[slots]
            # Every offer scoring at least the limit-th best score, ties included: sorted below.
            cut = np.partition(values, len(values) - limit)[len(values) - limit]
            slots = slots[values >= cut]
        found = [
            (float(self.scores[slot]), offer)
            for slot in slots.tolist()
            if (offer := self.index.offer_at(slot)) is not None
        ]
        found.sort(key=lambda pair: (pair[0], pair[1].id), reverse=True)
        return found[:limit]

    @property
    def by_id(self) -> dict[str, float]:
        """Every offer's positive relevance by id (for inspection; questions read `get`, `at` and `best`)."""
        return {offer.id: score for score, offer in self.best(np.nextafter(0.0, 1.0))}

    def words(self, offer_id: str) -> tuple[str, ...]:
        """Return the situation's words (as written) that the offer's text contains."""
        slot = self.index.slot(offer_id)
        offer = None if slot is None else self.index.offer_at(slot)
        return self.query.matched_words(offer.terms) if offer else ()
