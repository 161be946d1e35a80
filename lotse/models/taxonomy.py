"""HSDS taxonomies, their terms, and attributes of offers in foreign taxonomies."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lotse.models.base import Base


class Taxonomy(Base):
    """An HSDS taxonomy (Lotse's own two, plus any a bundle brings)."""

    __tablename__ = "taxonomy"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    uri: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[str | None] = mapped_column(String(50))


class TaxonomyTerm(Base):
    """An HSDS taxonomy term: a need, an area of needs, a target group, or a foreign term."""

    __tablename__ = "taxonomy_term"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    code: Mapped[str | None] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    parent_id: Mapped[str | None] = mapped_column(String(64))
    taxonomy: Mapped[str | None] = mapped_column(String(200))
    taxonomy_id: Mapped[str | None] = mapped_column(ForeignKey("taxonomy.id", ondelete="SET NULL"))
    language: Mapped[str | None] = mapped_column(String(10))
    term_uri: Mapped[str | None] = mapped_column(String(500))
    #: Fields of a foreign term Lotse keeps but does not interpret (taxonomy_detail, metadata, ...).
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    #: The parent term, when parent_id names one Lotse knows (feeds may name terms they do not send).
    parent: Mapped[TaxonomyTerm | None] = relationship(
        primaryjoin="foreign(TaxonomyTerm.parent_id) == remote(TaxonomyTerm.id)",
        lazy="selectin",
        viewonly=True,
    )


class Attribute(Base):
    """An HSDS attribute of an offer in a taxonomy other than Lotse's own (kept for export)."""

    __tablename__ = "attribute"

    #: Surrogate key: HSDS ids of child records are not unique across entities in real feeds.
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(64))
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    #: No foreign key: a feed may name a term it does not embed; the attribute is kept all the same.
    taxonomy_term_id: Mapped[str] = mapped_column(String(64), index=True)
    link_type: Mapped[str | None] = mapped_column(String(100))
    link_entity: Mapped[str | None] = mapped_column(String(50))
    link_id: Mapped[str | None] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(String(300))

    taxonomy_term: Mapped[TaxonomyTerm | None] = relationship(
        primaryjoin="foreign(Attribute.taxonomy_term_id) == TaxonomyTerm.id", lazy="joined", viewonly=True
    )
