"""The types of a search: the query, a hit and a result, with helpers shared by the index and the database."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from lotse.directory.summary import OfferSummary
from lotse.search.documents import FACET_FIELDS, summary_facets
from lotse.search.query import Filters
from lotse.taxonomy import load_taxonomy

#: Largest page a search returns.
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class SearchQuery:
    """A search: free text plus filters, paging and what to compute besides the hits."""

    text: str = ""
    districts: tuple[str, ...] = ()  # offers serving any of these districts, or city-wide
    needs: tuple[str, ...] = ()  # need codes; an area code stands for all its needs
    target_groups: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    accessibility: tuple[str, ...] = ()  # offers with all of these (lotse.directory.accessibility codes)
    age: int | None = None  # only offers whose age bounds include it
    open_now: bool = False
    active_only: bool = True
    page: int = 1
    per_page: int = 20
    facets: bool = False
    highlight: bool = False
    #: False: offers that pass the filters but match no word of the text are kept (score 0.0), e.g. for
    #: routing, which ranks every offer of a need by the situation text.
    text_required: bool = True


@dataclass(frozen=True)
class Hit:
    """One found offer."""

    offer_id: str
    score: float  # text relevance (0.0 when there is no text)
    offer: OfferSummary  # "open now" at the moment of the search
    highlights: dict[str, str]  # field -> snippet (HTML-escaped, <mark>), only with highlight=True
    matched_terms: tuple[str, ...]  # query words (original spelling) that matched


@dataclass
class SearchResult:
    """Hits of one page, the total, facet counts and the typo corrections applied."""

    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    corrections: dict[str, str] = field(default_factory=dict)
    #: "index" or "database": where the answer came from (the database while the index is unusable).
    source: str = "index"


def filters_of(query: SearchQuery) -> Filters:
    """The query's filters with need areas expanded to their needs."""
    taxonomy = load_taxonomy()
    needs: set[str] = set()
    for code in query.needs:
        needs |= taxonomy.expand_need(code) or {code}
    return Filters(
        districts=tuple(sorted(set(query.districts))),
        needs=tuple(sorted(needs)),
        target_groups=tuple(sorted(set(query.target_groups))),
        languages=tuple(sorted(set(query.languages))),
        age=query.age,
        accessibility=tuple(sorted(set(query.accessibility))),
    )


def count_facets(values: Sequence[Sequence[Sequence[str]]]) -> dict[str, dict[str, int]]:
    """Facet counts from each hit's facet values (in the order of FACET_FIELDS), most frequent first."""
    counters = [Counter[str]() for _ in FACET_FIELDS]
    for facets in values:
        for counter, items in zip(counters, facets, strict=True):
            counter.update(items)
    return {
        name: dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))
        for name, counter in zip(FACET_FIELDS, counters, strict=True)
    }


__all__ = [
    "MAX_PER_PAGE",
    "Hit",
    "SearchQuery",
    "SearchResult",
    "count_facets",
    "filters_of",
    "summary_facets",
]
