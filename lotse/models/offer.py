"""Offers (HSDS services) and their parts: schedules, languages, areas, costs, needs, districts."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lotse.models.base import Base, utcnow
from lotse.models.organization import Location, Organization, Phone

#: Where a need or target-group code of an offer comes from.
TERM_SOURCES = ("bundle", "carrier", "inferred")
TERM_KINDS = ("need", "target_group")


class OfferReading:
    """The reading side of an offer, shared by the model and the index build's plain rows (search.rows)."""

    if TYPE_CHECKING:
        status: str
        terms: list[Any]
        districts: list[Any]
        service_at_locations: list[Any]

    @property
    def is_active(self) -> bool:
        """Whether the offer may be referred (HSDS status 'active')."""
        return self.status == "active"

    def codes(self, kind: str) -> list[str]:
        """Return the need or target-group codes of this offer, sorted."""
        return sorted({t.code for t in self.terms if t.kind == kind})

    @property
    def district_ids(self) -> list[str]:
        """Return the ids of the districts this offer serves (empty when city-wide)."""
        return [d.district_id for d in self.districts]

    @property
    def locations(self) -> list[Any]:
        """Return the offer's locations in a stable order."""
        return [sal.location for sal in self.service_at_locations]


class Offer(OfferReading, Base):
    """An offer of help (HSDS service), the unit Lotse searches and refers to."""

    __tablename__ = "service"
    __table_args__ = (Index("ix_service_org_status", "organization_id", "status"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"))
    name: Mapped[str] = mapped_column(String(300))
    alternate_name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None] = mapped_column(String(300))
    #: HSDS status: active, inactive, defunct, temporarily closed.
    status: Mapped[str] = mapped_column(String(30), default="active")
    interpretation_services: Mapped[str | None] = mapped_column(Text)
    application_process: Mapped[str | None] = mapped_column(Text)
    fees_description: Mapped[str | None] = mapped_column(Text)
    wait_time: Mapped[str | None] = mapped_column(Text)
    accreditations: Mapped[str | None] = mapped_column(Text)
    eligibility_description: Mapped[str | None] = mapped_column(Text)
    #: "Bitte mitbringen": documents and things to bring (HSDS required_document, kept as one text).
    required_documents: Mapped[str | None] = mapped_column(Text)
    #: Accessibility codes (lotse.directory.accessibility.FEATURES), e.g. ["step_free", "hearing_loop"].
    accessibility: Mapped[list[Any] | None] = mapped_column(default=None)
    minimum_age: Mapped[int | None]
    maximum_age: Mapped[int | None]
    #: Last verified (HSDS assured_date): the carrier confirmed the listing on this day.
    assured_date: Mapped[date | None]
    assurer_email: Mapped[str | None] = mapped_column(String(300))
    alert: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[datetime] = mapped_column(default=utcnow)
    #: Serves the whole town (no district named, or all of them).
    city_wide: Mapped[bool] = mapped_column(default=False)
    #: Optimistic locking: incremented by every change.
    version: Mapped[int] = mapped_column(default=1)
    #: Hash of the imported HSDS record, so re-importing an unchanged bundle changes nothing.
    content_hash: Mapped[str | None] = mapped_column(String(64))
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: The HSDS service as it arrived: an export gives back every field Lotse does not model itself.
    original: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    organization: Mapped[Organization] = relationship(back_populates="offers")
    phones: Mapped[list[Phone]] = relationship(
        primaryjoin="Offer.id == Phone.service_id", cascade="all, delete-orphan", order_by="Phone.pk"
    )
    schedules: Mapped[list[Schedule]] = relationship(cascade="all, delete-orphan", order_by="Schedule.pk")
    languages: Mapped[list[Language]] = relationship(cascade="all, delete-orphan", order_by="Language.pk")
    service_areas: Mapped[list[ServiceArea]] = relationship(
        cascade="all, delete-orphan", order_by="ServiceArea.pk"
    )
    cost_options: Mapped[list[CostOption]] = relationship(
        cascade="all, delete-orphan", order_by="CostOption.pk"
    )
    service_at_locations: Mapped[list[ServiceAtLocation]] = relationship(
        cascade="all, delete-orphan", order_by="ServiceAtLocation.id"
    )
    terms: Mapped[list[OfferTerm]] = relationship(cascade="all, delete-orphan", order_by="OfferTerm.code")
    districts: Mapped[list[OfferDistrict]] = relationship(
        cascade="all, delete-orphan", order_by="OfferDistrict.district_id"
    )


class ServiceAtLocation(Base):
    """HSDS link between an offer and a location."""

    __tablename__ = "service_at_location"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[str] = mapped_column(ForeignKey("location.id"), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)

    location: Mapped[Location] = relationship(lazy="joined")


class Schedule(Base):
    """HSDS schedule (RFC 5545 style weekly opening hours)."""

    __tablename__ = "schedule"

    #: Surrogate key: HSDS ids of child records are not unique across entities in real feeds.
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(64))
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    freq: Mapped[str | None] = mapped_column(String(10))
    interval: Mapped[int | None]
    byday: Mapped[str | None] = mapped_column(String(100))
    bymonthday: Mapped[str | None] = mapped_column(String(100))
    opens_at: Mapped[str | None] = mapped_column(String(8))
    closes_at: Mapped[str | None] = mapped_column(String(8))
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    description: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: Where the hours come from: None (the service itself), "location" or "service_at_location".
    scope: Mapped[str | None] = mapped_column(String(30))


class Language(Base):
    """HSDS language spoken in an offer."""

    __tablename__ = "language"

    #: Surrogate key: HSDS ids of child records are not unique across entities in real feeds.
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(64))
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(100))
    code: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)


class ServiceArea(Base):
    """HSDS service area as imported (the districts served are derived into OfferDistrict)."""

    __tablename__ = "service_area"

    #: Surrogate key: HSDS ids of child records are not unique across entities in real feeds.
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(64))
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    extent: Mapped[str | None] = mapped_column(Text)
    extent_type: Mapped[str | None] = mapped_column(String(20))
    uri: Mapped[str | None] = mapped_column(String(500))


class CostOption(Base):
    """HSDS cost option of an offer."""

    __tablename__ = "cost_option"

    #: Surrogate key: HSDS ids of child records are not unique across entities in real feeds.
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(64))
    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    option: Mapped[str | None] = mapped_column(Text)
    currency: Mapped[str | None] = mapped_column(String(3))
    amount: Mapped[float | None]
    amount_description: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]


class OfferTerm(Base):
    """A need (lotse-bedarfe) or target-group (lotse-zielgruppen) code of an offer."""

    __tablename__ = "offer_term"

    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    #: bundle (imported attribute), carrier (set by staff) or inferred (recognised from the text).
    source: Mapped[str] = mapped_column(String(20), default="bundle")
    #: Confidence of an inferred code (1.0 for given ones).
    score: Mapped[float] = mapped_column(default=1.0)


class OfferDistrict(Base):
    """A district an offer serves."""

    __tablename__ = "offer_district"

    service_id: Mapped[str] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    district_id: Mapped[str] = mapped_column(
        ForeignKey("district.id", ondelete="CASCADE"), primary_key=True, index=True
    )
