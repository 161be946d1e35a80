"""From the database to what search works with: offer summaries, index documents and per-offer facts."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from sys import intern
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lotse.db import Database
from lotse.directory.schedule import ScheduleRow
from lotse.directory.summary import OfferSummary, offer_summary
from lotse.languages import language_name
from lotse.models import District, Offer
from lotse.search.analysis import STOP_WORDS, analyze, fold
from lotse.search.rows import RowOffer, iter_active_rows, load_offer_rows
from lotse.taxonomy import load_taxonomy

#: Marker term in the districts field of an offer that serves the whole town.
CITY_WIDE = "_stadtweit"
#: Offers loaded from the database per query when building or catching up (keeps memory flat).
BATCH_SIZE = 1000
#: Rows of ids and versions read between two calls of `active_versions`'s step.
VERSIONS_BATCH = 2000
#: Facet names of a search result and the summary field each one counts.
FACET_FIELDS = {
    "needs": "needs",
    "target_groups": "target_groups",
    "districts": "districts",
    "languages": "languages",
    "organizations": "organization",
}


@dataclass(frozen=True, slots=True)
class OfferFacts:
    """What filtering, facets, ordering and check-index need of one indexed offer, without its summary."""

    id: str
    version: int
    sort_key: str
    facets: tuple[tuple[str, ...], ...]  # in the order of FACET_FIELDS
    schedules: tuple[ScheduleRow, ...]
    minimum_age: int | None = None
    maximum_age: int | None = None

    def fits_age(self, age: int) -> bool:
        """Whether the offer's age bounds (open when missing) include the age."""
        low, high = self.minimum_age, self.maximum_age
        return (low is None or low <= age) and (high is None or age <= high)

    def to_bytes(self) -> bytes:
        """Serialise for the index column."""
        data = [
            self.id,
            self.version,
            self.sort_key,
            [list(f) for f in self.facets],
            [s.to_list() for s in self.schedules],
            self.minimum_age,
            self.maximum_age,
        ]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    @staticmethod
    def head(raw: bytes) -> tuple[str, int]:
        """Only id and version of serialised facts (cheap: the rest is not decoded)."""
        try:
            ident, version, _rest = raw.split(b",", 2)
            return str(json.loads(ident[1:])), int(version)
        except ValueError:  # an id with a comma in it: decode it all
            facts = OfferFacts.from_bytes(raw)
            return facts.id, facts.version

    @classmethod
    def from_bytes(cls, raw: bytes) -> OfferFacts:
        """Read back what `to_bytes` wrote."""
        ident, version, sort_key, facets, schedules, minimum_age, maximum_age = json.loads(raw)
        return cls(
            ident,
            int(version),
            sort_key,
            # Codes repeat across thousands of offers: one string object each keeps a worker small.
            tuple(tuple(intern(v) for v in f) for f in facets),
            tuple(ScheduleRow.from_list(s) for s in schedules),
            minimum_age,
            maximum_age,
        )


def all_district_ids(session: Session) -> list[str]:
    """Ids of all districts (a city-wide offer serves each of them)."""
    return sorted(session.scalars(select(District.id)))


def sort_key(name: str) -> str:
    """Key that orders offer names alphabetically the German way (umlauts folded, case ignored)."""
    return " ".join(folded_words(name))


def summary_facets(summary: OfferSummary) -> tuple[tuple[str, ...], ...]:
    """The facet values of one summary, in the order of FACET_FIELDS."""
    values: list[tuple[str, ...]] = []
    for key in FACET_FIELDS.values():
        if key == "organization":
            values.append((summary.organization.id,))
        else:
            values.append(getattr(summary, key))
    return tuple(values)


def facts_of(summary: OfferSummary) -> OfferFacts:
    """The facts of an offer for filtering, facets and ordering."""
    return OfferFacts(
        summary.id,
        summary.version,
        sort_key(summary.name),
        summary_facets(summary),
        summary.hours,
        summary.minimum_age,
        summary.maximum_age,
    )


def search_text(summary: OfferSummary, district_names: dict[str, str]) -> str:
    """Everything a free-text search should find an offer by, as one text."""
    taxonomy = load_taxonomy()
    parts: list[str] = [summary.name, summary.description or "", summary.organization.name]
    parts += [taxonomy.label(code) for code in summary.needs]
    parts += [taxonomy.label(code) for code in summary.target_groups]
    if summary.city_wide:
        parts.append("stadtweit")
    else:
        parts += [district_names.get(d, d) for d in summary.districts]
    parts.append(summary.location.address or "" if summary.location else "")
    parts += [language_name(code) for code in summary.languages]
    # Opening hours stay out: "Mo 09:00–12:00 Uhr" gives no word anyone searches for (open_now filters).
    return "\n".join(p for p in parts if p)


#: Letter runs (the words typos are corrected to; digits are never typos).
_WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=200_000)
def cached_fold(word: str) -> str:
    """fold() of one word, cached: offer texts repeat the same words thousands of times."""
    return fold(word)


def folded_words(text: str) -> list[str]:
    """The folded letter words of a text, in order (no offsets: faster than tokenize for bulk work)."""
    return [cached_fold(w) for w in _WORD_RE.findall(text)]


def surface_words(text: str) -> set[str]:
    """Folded words of a text (no stop words, letters only): the vocabulary typos are corrected against."""
    return {w for w in folded_words(text) if w not in STOP_WORDS}


@dataclass(frozen=True, slots=True)
class Derived:
    """What routing reads of an offer's words, derived once when the offer is indexed (not per worker).

    `terms`: the analysed terms (the index's analyzer) of name, description and opening hours;
    `name_terms`: those of the name alone; `inferred`: the confidence of each need Lotse inferred.
    """

    terms: tuple[str, ...]
    name_terms: tuple[str, ...]
    inferred: tuple[tuple[str, float], ...] = ()

    def to_list(self) -> list[Any]:
        """Plain values for the stored field."""
        return [list(self.terms), list(self.name_terms), [list(i) for i in self.inferred]]

    @classmethod
    def from_list(cls, values: Any) -> Derived | None:
        """Read back what to_list wrote (None for a document indexed before derived data was stored)."""
        if not isinstance(values, list) or len(values) != 3:
            return None
        terms, name_terms, inferred = values
        return cls(
            tuple(intern(t) for t in terms),
            tuple(intern(t) for t in name_terms),
            tuple((intern(str(c)), float(s)) for c, s in inferred),
        )


def derive(offer: Offer | RowOffer, summary: OfferSummary) -> Derived:
    """Analyse an offer's words and collect its inferred needs' confidences (once, at indexing)."""
    name_terms = set(analyze(summary.name or ""))
    terms = name_terms | set(analyze(summary.description or ""))
    terms |= set(analyze(summary.schedule or ""))
    inferred = sorted(
        (t.code, float(t.score)) for t in offer.terms if t.kind == "need" and t.source == "inferred"
    )
    return Derived(tuple(sorted(terms)), tuple(sorted(name_terms)), tuple(inferred))


@dataclass(frozen=True, slots=True)
class IndexedOffer:
    """One active offer ready for the index: summary, searchable texts, facts and derived words."""

    summary: OfferSummary
    text: str
    facts: OfferFacts
    derived: Derived | None = None


@dataclass(frozen=True, slots=True)
class StoredOffer:
    """An indexed offer as routing reads it back: its summary (with its opening hours) and derived words."""

    summary: OfferSummary
    derived: Derived | None


def summary_of(
    offer: Offer | RowOffer, district_ids: list[str], moment: datetime | None = None
) -> OfferSummary:
    """The OfferSummary of an offer model or row stand-in (which has everything offer_summary reads)."""
    return offer_summary(cast(Offer, offer), district_ids, moment)


def prepare(offer: Offer | RowOffer, district_ids: list[str], district_names: dict[str, str]) -> IndexedOffer:
    """Turn an offer loaded with its parts into what the index stores."""
    summary = summary_of(offer, district_ids)
    return IndexedOffer(
        summary=summary,
        text=search_text(summary, district_names),
        facts=facts_of(summary),
        derived=derive(offer, summary),
    )


def district_names(session: Session) -> dict[str, str]:
    """District names by id."""
    return {d.id: d.name for d in session.scalars(select(District))}


def iter_active(db: Database, batch_size: int = BATCH_SIZE) -> Iterator[list[IndexedOffer]]:
    """All active offers, prepared for the index, in batches ordered by id."""
    with db.session() as session:
        ids = all_district_ids(session)
        names = district_names(session)
        for batch in iter_active_rows(session, batch_size):
            yield [prepare(o, ids, names) for o in batch]


def load_offers(session: Session, ids: Sequence[str]) -> dict[str, RowOffer]:
    """Offers by id with all their parts (any status; unknown ids left out)."""
    found: dict[str, RowOffer] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), BATCH_SIZE):
        found.update({o.id: o for o in load_offer_rows(session, unique[start : start + BATCH_SIZE])})
    return found


def active_versions(session: Session, step: Callable[[], None] | None = None) -> dict[str, int]:
    """Id -> version of every active offer: what the index must hold (`step` is called between batches
    of rows: a background thread gives way to requests there)."""
    query = select(Offer.id, Offer.version).where(Offer.status == "active")
    if step is None:
        return {ident: int(version) for ident, version in session.execute(query).tuples()}
    found: dict[str, int] = {}
    rows = session.execute(query.execution_options(yield_per=VERSIONS_BATCH))
    for batch in rows.tuples().partitions():
        step()
        found.update((ident, int(version)) for ident, version in batch)
    return found


def active_count(session: Session) -> int:
    """Number of active offers."""
    return int(session.scalar(select(func.count()).select_from(Offer).where(Offer.status == "active")) or 0)
