"""What routing knows about one offer: its typed summary plus the sets and words routing looks at.

Made once per offer version when the pool reads it (the words were analysed when the offer was indexed)
and reused for every question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lotse.directory.summary import OfferSummary
from lotse.language.matcher import Phrase, in_terms
from lotse.search.analysis import analyze
from lotse.search.documents import Derived, StoredOffer


@dataclass(eq=False, slots=True)
class OfferFacts:
    """The facts of an offer that eligibility, rules, proximity and ranking look at.

    Sets rather than the summary's tuples where routing asks "is it in there"; equal sets are shared
    between offers (`Shared`), so thousands of offers with the same needs or districts hold one each.
    """

    summary: OfferSummary
    id: str
    name: str
    needs: frozenset[str]
    inferred_needs: frozenset[str]
    target_groups: frozenset[str]
    districts: frozenset[str]
    languages: frozenset[str]
    last_verified: date | None
    #: Whether the offer is active (only active offers are referred).
    active: bool
    #: Confidence of each inferred need relative to the offer's main inferred need (1.0 = a main topic).
    inferred_weights: dict[str, float]
    #: Analysed terms (the search index's analyzer) of name, description and hours, and of the name alone,
    #: sorted (tuples: a set each cost 20 MB at 10,000 offers, and routing looks into few of them).
    terms: tuple[str, ...]
    name_terms: tuple[str, ...]
    _has: dict[Phrase, bool] = field(default_factory=dict, repr=False)

    @property
    def version(self) -> int:
        """The offer's version."""
        return self.summary.version

    @property
    def city_wide(self) -> bool:
        """Whether the offer serves the whole town."""
        return self.summary.city_wide

    @property
    def location_district(self) -> str | None:
        """The district of the offer's first place."""
        return self.summary.location.district if self.summary.location else None

    @property
    def lat(self) -> float | None:
        """Latitude of the offer's first place."""
        return _number(self.summary.location.lat) if self.summary.location else None

    @property
    def lon(self) -> float | None:
        """Longitude of the offer's first place."""
        return _number(self.summary.location.lon) if self.summary.location else None

    @property
    def minimum_age(self) -> int | None:
        """The youngest age the offer is for."""
        return self.summary.minimum_age

    @property
    def maximum_age(self) -> int | None:
        """The oldest age the offer is for."""
        return self.summary.maximum_age

    def has(self, phrase: Phrase) -> bool:
        """Tell whether the offer's name, description or hours use the words of a phrase (remembered)."""
        found = self._has.get(phrase)
        if found is None:
            found = self._has[phrase] = in_terms(phrase, self.terms)
        return found

    def need_source(self, code: str) -> str | None:
        """Return "bundle" for a given need, "inferred" for one Lotse read from the text, else None."""
        if code not in self.needs:
            return None
        return "inferred" if code in self.inferred_needs else "bundle"


class Shared:
    """One object per equal value: offers share their code sets (a pool holds a few hundred distinct ones)."""

    def __init__(self, limit: int = 50_000) -> None:
        self._known: dict[frozenset[str], frozenset[str]] = {}
        self._limit = limit

    def __call__(self, value: frozenset[str]) -> frozenset[str]:
        """The shared set equal to `value`."""
        found = self._known.get(value)
        if found is None:
            if len(self._known) >= self._limit:  # sets of edited-away offers: start afresh
                self._known.clear()
            found = self._known[value] = value
        return found


#: The sets shared by every pool of the process (sets of codes and districts, never text terms).
SHARED = Shared()


def facts_of_stored(stored: StoredOffer) -> OfferFacts:
    """The routing facts of an offer as the index stores it: words analysed at indexing, not again here."""
    derived = stored.derived
    if derived is None:  # a generation built before derived words were stored
        return facts_of(stored.summary)
    return facts_of(stored.summary, dict(derived.inferred), derived)


def facts_of(
    summary: OfferSummary, inferred_scores: dict[str, float] | None = None, derived: Derived | None = None
) -> OfferFacts:
    """Derive the routing facts of an OfferSummary (with inferred needs' scores and analysed words, if
    known; the words are analysed here when not)."""
    needs = SHARED(frozenset(summary.needs))
    if derived is not None:
        name_terms, terms = derived.name_terms, derived.terms
    else:
        names = set(analyze(summary.name))
        words = names | set(analyze(summary.description or "")) | set(analyze(summary.schedule or ""))
        name_terms, terms = tuple(sorted(names)), tuple(sorted(words))
    return OfferFacts(
        summary=summary,
        id=summary.id,
        name=summary.name,
        needs=needs,
        inferred_needs=SHARED(frozenset(summary.inferred_needs) & needs),
        target_groups=SHARED(frozenset(summary.target_groups)),
        districts=SHARED(frozenset(summary.districts)),
        languages=SHARED(frozenset(summary.languages)),
        last_verified=summary.last_verified,
        active=summary.status == "active",
        inferred_weights=_relative(inferred_scores or {}),
        terms=terms,
        name_terms=name_terms,
    )


def _relative(scores: dict[str, float]) -> dict[str, float]:
    """Scores relative to the best one; the best (the offer's main topic) gets 1."""
    top = max(scores.values(), default=0.0)
    return {code: round(score / top, 4) for code, score in scores.items()} if top > 0 else {}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) else None
