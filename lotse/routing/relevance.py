"""Text relevance of offers for a situation, with the search's own German analysis, scored in memory.

The situation is read by `lotse.search.query.plan` (stop words, compounds, thesaurus, term weights: the
same understanding as the search index), and each offer's name and description by `analyze`, the index's
analyzer. Scoring is BM25-like without length normalisation: every matched term adds its plan weight
times its inverse document frequency, boosted in the offer's name.

Why not a Whoosh search per question: a situation has 30–60 words, and OR-ing them in Whoosh costs
10 ms and more per question, several times the rest of routing; the pool already holds every active
offer, so an in-memory inverted index answers the same question in well under a millisecond.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

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


class TextIndex:
    """An inverted index of the pool's offers: analysed terms to offers, with document frequencies.

    `patched` gives a new index with some offers replaced, touching only their terms' posting lists:
    the old index stays valid for the questions still using it.
    """

    def __init__(self, offers: Sequence[OfferFacts]) -> None:
        self._count = len(offers)
        # Plain lists of offers (whether a term is in the name is looked up while scoring): a pool of
        # 10,000 offers has half a million postings, and a tuple each doubled the time to build them.
        postings: defaultdict[str, list[OfferFacts]] = defaultdict(list)
        for offer in offers:
            for term in offer.terms:
                postings[term].append(offer)
        self._postings: dict[str, list[OfferFacts]] = dict(postings)

    def patched(self, removed: Iterable[OfferFacts], added: Iterable[OfferFacts], count: int) -> TextIndex:
        """A copy with the `removed` offers' postings gone and the `added` offers' postings in."""
        copy = TextIndex(())
        copy._count = count
        postings = copy._postings = dict(self._postings)
        gone: dict[str, set[str]] = {}
        for offer in removed:
            for term in offer.terms:
                gone.setdefault(term, set()).add(offer.id)
        for term, ids in gone.items():
            kept = [o for o in postings.get(term, ()) if o.id not in ids]
            if kept:
                postings[term] = kept
            else:
                postings.pop(term, None)
        copied = set(gone)
        for offer in added:
            for term in offer.terms:
                if term not in copied:
                    postings[term] = list(postings.get(term, ()))
                    copied.add(term)
                postings.setdefault(term, []).append(offer)
        return copy

    def _idf(self, term: str) -> float:
        return _idf(len(self._postings[term]), self._count)

    def scores(self, situation: str, candidates: Iterable[OfferFacts] = ()) -> TextScores:
        """Relevance of the offers sharing rare terms with the situation, plus the given candidates.

        Scores are scaled so that the best offer scores 1.
        """
        query = plan(situation)
        weights = {t: w for t, w in query.weights().items() if t in self._postings}
        if not weights:
            return TextScores(query, {}, {})
        limit = COMMON_SHARE * self._count
        small = self._count < COMMON_MIN_OFFERS
        common = {t: w for t, w in weights.items() if not small and len(self._postings[t]) > limit}
        # Keyed by the offer objects themselves (one per id in a pool): no attribute read per posting.
        raw: dict[OfferFacts, float] = {}
        get = raw.get
        # Rare terms bring offers in: their postings are walked once, adding each term's weight.
        for term, weight in weights.items():
            if term in common:
                continue
            base = weight * self._idf(term)
            boosted = base * NAME_BOOST
            for offer in self._postings[term]:
                raw[offer] = get(offer, 0.0) + (boosted if term in offer.name_terms else base)
        for offer in candidates:
            if offer not in raw:
                raw[offer] = 0.0
        # Common words ("Beratung") are in most offers: they only add to the offers considered anyway.
        if common:
            scaled = {t: w * self._idf(t) for t, w in common.items()}
            words = frozenset(scaled)
            for offer in raw:
                shared = offer.terms & words
                if shared:
                    names = offer.name_terms
                    raw[offer] += sum(scaled[t] * (NAME_BOOST if t in names else 1.0) for t in shared)
        top = max(raw.values(), default=0.0)
        if top <= 0:
            return TextScores(query, {}, {})
        return TextScores(query, {o.id: s / top for o, s in raw.items() if s > 0}, {o.id: o for o in raw})


@cache
def need_patterns(code: str) -> tuple[Phrase, ...]:
    """The specific cues of a need in the recogniser's lexicon, as phrases."""
    cues = need_cues().get(code, {})
    return tuple(compile_phrase(cue) for cue, weight in sorted(cues.items()) if weight >= SPECIFIC_CUE)


def mentions_need(offer: OfferFacts, code: str) -> bool:
    """Tell whether the offer's own text uses a specific cue of the need (e.g. "sexualisierte Gewalt")."""
    return any(offer.has(p) for p in need_patterns(code))


def _idf(frequency: int, count: int) -> float:
    """BM25's inverse document frequency (always positive)."""
    return math.log(1 + (count - frequency + 0.5) / (frequency + 0.5))


@dataclass(frozen=True)
class TextScores:
    """The relevance of the scored offers (best = 1) and, on demand, the situation's words each matched."""

    query: QueryPlan
    by_id: dict[str, float]
    offers: dict[str, OfferFacts]

    def get(self, offer_id: str) -> float:
        """Return the offer's relevance (0 when it shares no word with the situation)."""
        return self.by_id.get(offer_id, 0.0)

    def words(self, offer_id: str) -> tuple[str, ...]:
        """Return the situation's words (as written) that the offer's text contains."""
        offer = self.offers.get(offer_id)
        return self.query.matched_words(offer.terms) if offer else ()
