"""Searching the database directly: slower, but it answers while the index is missing or being rebuilt."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, or_, select

from lotse.db import Database
from lotse.directory.summary import OfferSummary
from lotse.models import Language, Offer, OfferDistrict, OfferTerm
from lotse.search.analysis import analyze
from lotse.search.documents import all_district_ids, district_names, load_offers, search_text, summary_of
from lotse.search.query import Filters, QueryPlan


def candidates(
    db: Database, filters: Filters, *, active_only: bool = True, moment: datetime | None = None
) -> list[tuple[OfferSummary, str]]:
    """Summaries (with their search text) of the offers that pass the filters, by name."""
    query = _filtered(select(Offer.id), filters)
    if active_only:
        query = query.where(Offer.status == "active")
    with db.session() as session:
        district_ids = all_district_ids(session)
        names = district_names(session)
        found = []
        for offer in load_offers(session, list(session.scalars(query))).values():
            summary = summary_of(offer, district_ids, moment)
            # Accessibility is a JSON list in the database: checked here rather than in portable SQL.
            if set(filters.accessibility) <= set(summary.accessibility):
                found.append((summary, search_text(summary, names)))
    found.sort(key=lambda item: (item[0].name.casefold(), item[0].id))
    return found


def _filtered(query: Select[tuple[str]], filters: Filters) -> Select[tuple[str]]:
    if filters.needs:
        query = query.where(Offer.id.in_(_with_codes(filters.needs, "need")))
    if filters.target_groups:
        query = query.where(Offer.id.in_(_with_codes(filters.target_groups, "target_group")))
    if filters.languages:
        spoken = select(Language.service_id).where(Language.code.in_(filters.languages))
        query = query.where(Offer.id.in_(spoken))
    if filters.districts:
        served = select(OfferDistrict.service_id).where(OfferDistrict.district_id.in_(filters.districts))
        query = query.where(or_(Offer.city_wide.is_(True), Offer.id.in_(served)))
    if filters.age is not None:
        query = query.where(
            or_(Offer.minimum_age.is_(None), Offer.minimum_age <= filters.age),
            or_(Offer.maximum_age.is_(None), Offer.maximum_age >= filters.age),
        )
    return query


def _with_codes(codes: tuple[str, ...], kind: str) -> Select[tuple[str]]:
    return select(OfferTerm.service_id).where(OfferTerm.kind == kind, OfferTerm.code.in_(codes))


def rank(
    items: list[tuple[OfferSummary, str]], plan: QueryPlan, *, text_required: bool = True
) -> list[tuple[OfferSummary, float, tuple[str, ...]]]:
    """Score each summary against the plan; without text every item scores 0.0 and keeps its order."""
    if not plan:
        return [(summary, 0.0, ()) for summary, _text in items]
    ranked = []
    for summary, text in items:
        doc_terms = set(analyze(text))
        score = plan.score(doc_terms, set(analyze(summary.name)))
        if score > 0 or not text_required:
            ranked.append((summary, score, plan.matched_words(doc_terms)))
    ranked.sort(key=lambda item: -item[1])
    return ranked
