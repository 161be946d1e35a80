"""Taxonomies and terms that feeds bring along (Open Eligibility, a UK profile, ...), kept as they arrived."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lotse.models import Taxonomy, TaxonomyTerm
from lotse.taxonomy import NEEDS_TAXONOMY, TARGET_GROUPS_TAXONOMY, taxonomy_id

TERM_FIELDS = ("code", "name", "description", "parent_id", "taxonomy", "language", "term_uri")
TAXONOMY_FIELDS = ("name", "description", "uri", "version")
_LOTSE_TAXONOMIES = (NEEDS_TAXONOMY, TARGET_GROUPS_TAXONOMY)


def upsert_taxonomy(session: Session, record: dict[str, Any]) -> Taxonomy | None:
    """Create or update a foreign taxonomy from its HSDS record (Lotse's own two are left alone)."""
    ident, name = record.get("id"), record.get("name")
    if not isinstance(ident, str) or not isinstance(name, str) or name in _LOTSE_TAXONOMIES:
        return None
    found = session.get(Taxonomy, ident)
    holder = session.scalars(select(Taxonomy).where(Taxonomy.name == name)).first()
    if holder is not None and holder.id != ident:
        # Names are unique in Lotse; two feeds may use one name for different taxonomies.
        name = f"{name} ({ident[:8]})"
    if found is None:
        found = Taxonomy(id=ident)
        session.add(found)
    found.name = name
    found.description = record.get("description") or ""
    found.uri, found.version = record.get("uri"), record.get("version")
    session.flush()
    return found


def upsert_term(session: Session, record: dict[str, Any]) -> TaxonomyTerm | None:
    """Create or update a foreign taxonomy term, with its taxonomy when the record names one.

    Lotse's own terms are never changed by a feed (they come from the taxonomy file).
    """
    term = session.get(TaxonomyTerm, record["id"])
    if record.get("taxonomy") in _LOTSE_TAXONOMIES or (
        term is not None and term.taxonomy in _LOTSE_TAXONOMIES
    ):
        return term
    detail = record.get("taxonomy_detail")
    taxonomy = upsert_taxonomy(session, detail) if isinstance(detail, dict) else None
    term_taxonomy_id = record.get("taxonomy_id") or (taxonomy.id if taxonomy else None)
    if term_taxonomy_id is None and isinstance(record.get("taxonomy"), str):
        # A term naming its taxonomy only by name still gets a /taxonomies record to filter by.
        named = upsert_taxonomy(session, _named_only(taxonomy_id(record["taxonomy"]), record["taxonomy"]))
        term_taxonomy_id = named.id if named else None
    if term_taxonomy_id and session.get(Taxonomy, term_taxonomy_id) is None:
        upsert_taxonomy(session, _named_only(term_taxonomy_id, record.get("taxonomy") or term_taxonomy_id))
    if term is None:
        term = TaxonomyTerm(id=record["id"])
        session.add(term)
    for key in TERM_FIELDS:
        setattr(term, key, record.get(key))
    term.name = record.get("name") or ""
    term.description = record.get("description") or ""
    term.taxonomy_id = term_taxonomy_id
    term.extra = {k: v for k, v in record.items() if k not in (*TERM_FIELDS, "id", "taxonomy_id")} or None
    session.flush()
    return term


def _named_only(ident: str, name: str) -> dict[str, Any]:
    """A taxonomy a feed names (by id or name) without describing it."""
    return {"id": ident, "name": name, "description": f"Taxonomie „{name}“, von einem Datenbündel genannt"}


def dangling_parents(session: Session) -> list[TaxonomyTerm]:
    """Return the terms whose parent_id names a term that does not exist."""
    known = set(session.scalars(select(TaxonomyTerm.id)))
    terms = session.scalars(select(TaxonomyTerm).where(TaxonomyTerm.parent_id.is_not(None)))
    return [t for t in terms if t.parent_id not in known]
