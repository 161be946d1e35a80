"""Keep Lotse's two HSDS taxonomies and their terms in the database."""

from __future__ import annotations

from sqlalchemy.orm import Session

from lotse.models import Taxonomy, TaxonomyTerm
from lotse.taxonomy import (
    NEEDS_TAXONOMY,
    TARGET_GROUPS_TAXONOMY,
    load_taxonomy,
    taxonomy_id,
    term_id,
)

_DESCRIPTIONS = {
    NEEDS_TAXONOMY: "Bedarfe: wobei Menschen Hilfe brauchen (Lotse-Taxonomie, zwei Ebenen)",
    TARGET_GROUPS_TAXONOMY: "Zielgruppen: für wen ein Angebot gedacht ist (Lotse-Taxonomie)",
}


def sync_taxonomy(session: Session) -> None:
    """Insert or update the need and target-group taxonomies and all their terms."""
    taxonomy = load_taxonomy()
    for name in (NEEDS_TAXONOMY, TARGET_GROUPS_TAXONOMY):
        session.merge(
            Taxonomy(
                id=taxonomy_id(name), name=name, description=_DESCRIPTIONS[name], version=taxonomy.version
            )
        )
    for area in taxonomy.areas.values():
        _merge_term(session, area.code, area.label, f"Bereich: {area.label}", None, NEEDS_TAXONOMY)
        for code in area.needs:
            _merge_term(
                session,
                code,
                taxonomy.needs[code],
                f"Bedarf im Bereich „{area.label}“: {taxonomy.needs[code]}",
                term_id(area.code),
                NEEDS_TAXONOMY,
            )
    for code, label in taxonomy.target_groups.items():
        _merge_term(session, code, label, f"Zielgruppe: {label}", None, TARGET_GROUPS_TAXONOMY)
    session.flush()


def _merge_term(
    session: Session, code: str, name: str, description: str, parent: str | None, taxonomy: str
) -> None:
    session.merge(
        TaxonomyTerm(
            id=term_id(code),
            code=code,
            name=name,
            description=description,
            parent_id=parent,
            taxonomy=taxonomy,
            taxonomy_id=taxonomy_id(taxonomy),
            language="de",
        )
    )
