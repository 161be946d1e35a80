"""Organisations (carriers), their locations, addresses and phone numbers (HSDS 3.0)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lotse.models.base import Base

if TYPE_CHECKING:
    from lotse.models.offer import Offer


class Organization(Base):
    """An HSDS organization: a carrier that runs offers."""

    __tablename__ = "organization"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    alternate_name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str | None] = mapped_column(String(300))
    website: Mapped[str | None] = mapped_column(String(500))
    legal_status: Mapped[str | None] = mapped_column(String(200))
    year_incorporated: Mapped[int | None]
    #: HSDS fields Lotse keeps but does not interpret (funding, contacts, identifiers, ...).
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: The HSDS record as it arrived (without its services): an export gives back what Lotse does not model.
    original: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    offers: Mapped[list[Offer]] = relationship(back_populates="organization")
    phones: Mapped[list[Phone]] = relationship(
        primaryjoin="Organization.id == Phone.organization_id",
        cascade="all, delete-orphan",
        order_by="Phone.pk",
    )


class Location(Base):
    """An HSDS location: a place where offers happen."""

    __tablename__ = "location"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id", ondelete="SET NULL"))
    location_type: Mapped[str] = mapped_column(String(20), default="physical")
    name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    transportation: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    #: The district that contains (or lies nearest to) the coordinates.
    district_id: Mapped[str | None] = mapped_column(ForeignKey("district.id", ondelete="SET NULL"))
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)

    addresses: Mapped[list[Address]] = relationship(cascade="all, delete-orphan", order_by="Address.pk")


class Address(Base):
    """An HSDS address of a location."""

    __tablename__ = "address"

    #: Surrogate key: HSDS ids of child records are not unique across entities in real feeds.
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(64))
    location_id: Mapped[str] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"))
    attention: Mapped[str | None] = mapped_column(String(300))
    address_1: Mapped[str] = mapped_column(String(300), default="")
    address_2: Mapped[str | None] = mapped_column(String(300))
    city: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str | None] = mapped_column(String(200))
    state_province: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(2), default="DE")
    address_type: Mapped[str] = mapped_column(String(20), default="physical")


class Phone(Base):
    """An HSDS phone number of an organisation, offer or location."""

    __tablename__ = "phone"

    #: Surrogate key: HSDS ids of child records are not unique across entities in real feeds.
    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(64))
    organization_id: Mapped[str | None] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    service_id: Mapped[str | None] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(50))
    extension: Mapped[str | None] = mapped_column(String(20))
    type: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
