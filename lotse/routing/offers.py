"""What routing knows about one offer, derived once from its OfferSummary and reused for every question."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lotse.language.matcher import Phrase, in_terms
from lotse.search.analysis import analyze
from lotse.search.documents import Derived, StoredOffer


@dataclass(eq=False)
class OfferFacts:
    """The facts of an offer that eligibility, rules, proximity and ranking look at."""

    summary: dict[str, Any]
    id: str
    version: int
    name: str
    active: bool
    needs: frozenset[str]
    inferred_needs: frozenset[str]
    target_groups: frozenset[str]
    city_wide: bool
    districts: frozenset[str]
    location_district: str | None
    lat: float | None
    lon: float | None
    minimum_age: int | None
    maximum_age: int | None
    last_verified: date | None
    languages: frozenset[str] = frozenset()
    #: Confidence of each inferred need relative to the offer's main inferred need (1.0 = a main topic).
    inferred_weights: dict[str, float] = field(default_factory=dict)
    #: Analysed terms (the search index's analyzer) of name and description, and of the name alone.
    terms: frozenset[str] = frozenset()
    name_terms: frozenset[str] = frozenset()
    #: Opening hours (detached rows), for "open now" at the moment of an answer.
    schedules: tuple[Any, ...] = ()
    #: Where the offer stands seen from each district (filled by proximity, valid for one district map).
    places: dict[str | None, tuple[Any, Any]] = field(default_factory=dict, repr=False)
    _has: dict[Phrase, bool] = field(default_factory=dict, repr=False)

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


def facts_of_stored(stored: StoredOffer) -> OfferFacts:
    """The routing facts of an offer as the index stores it: words analysed at indexing, not again here."""
    derived = stored.derived
    if derived is None:  # a generation built before derived words were stored
        return facts_of(stored.summary, None, stored.schedules)
    return facts_of(stored.summary, dict(derived.inferred), stored.schedules, derived)


def facts_of(
    summary: dict[str, Any],
    inferred_scores: dict[str, float] | None = None,
    schedules: tuple[Any, ...] = (),
    derived: Derived | None = None,
) -> OfferFacts:
    """Derive the routing facts of an OfferSummary (with inferred needs' scores, hours and analysed
    words, if known; the words are analysed here when not)."""
    location = summary.get("location") or {}
    needs = frozenset(summary.get("needs") or ())
    name = str(summary.get("name") or "")
    if derived is not None:
        name_terms, terms = frozenset(derived.name_terms), frozenset(derived.terms)
    else:
        name_terms = frozenset(analyze(name))
        terms = (
            name_terms
            | frozenset(analyze(str(summary.get("description") or "")))
            | frozenset(analyze(str(summary.get("schedule") or "")))
        )
    return OfferFacts(
        summary=summary,
        id=str(summary["id"]),
        version=int(summary.get("version") or 0),
        name=name,
        active=(summary.get("status") or "active") == "active",
        needs=needs,
        inferred_needs=frozenset(summary.get("inferred_needs") or ()) & needs,
        target_groups=frozenset(summary.get("target_groups") or ()),
        city_wide=bool(summary.get("city_wide")),
        districts=frozenset(summary.get("districts") or ()),
        location_district=location.get("district"),
        lat=_number(location.get("lat")),
        lon=_number(location.get("lon")),
        minimum_age=summary.get("minimum_age"),
        maximum_age=summary.get("maximum_age"),
        last_verified=_day(summary.get("last_verified")),
        languages=frozenset(summary.get("languages") or ()),
        inferred_weights=_relative(inferred_scores or {}),
        terms=terms,
        name_terms=name_terms,
        schedules=schedules,
    )


def _relative(scores: dict[str, float]) -> dict[str, float]:
    """Scores relative to the best one; the best (the offer's main topic) gets 1."""
    top = max(scores.values(), default=0.0)
    return {code: round(score / top, 4) for code, score in scores.items()} if top > 0 else {}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
