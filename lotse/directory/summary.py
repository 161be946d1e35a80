"""The OfferSummary: what a case worker, a widget or a script sees of an offer, as one typed value.

Made in one place (`offer_summary`, from an offer model or a row stand-in), stored by the search index as
plain values (`to_record`, read back by `from_record`), read by routing and dumped by the web's schemas.
"Open now" is the one part that depends on the moment: `at(moment)` gives the summary with it, computed
from the opening hours the summary carries (`open_at`, the only place that decides it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from sys import intern
from typing import Any

from lotse.directory.accessibility import known
from lotse.directory.schedule import ScheduleRow, describe, is_open
from lotse.models import Location, Offer


def address_line(location: Location) -> str | None:
    """Return a location's address in one German line, e.g. "Münsterstraße 23, 46397 Bocholt"."""
    for address in location.addresses:
        town = " ".join(p for p in (address.postal_code, address.city) if p)
        line = ", ".join(p for p in (address.address_1, address.address_2, town) if p)
        if line:
            return line
    return None


@dataclass(frozen=True, slots=True)
class OrganizationRef:
    """The organisation an offer belongs to, as the summary names it."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class OfferPlace:
    """Where an offer takes place (its first location)."""

    address: str | None
    name: str | None
    lat: float | None
    lon: float | None
    district: str | None


@dataclass(frozen=True, slots=True)
class OfferSummary:
    """An offer as case workers, the widget and scripts see it (the API's OfferSummary), plus its hours."""

    id: str
    name: str
    description: str | None
    organization: OrganizationRef
    needs: tuple[str, ...]
    #: The need codes Lotse recognised in the offer's own text (a subset of `needs`).
    inferred_needs: tuple[str, ...]
    target_groups: tuple[str, ...]
    #: The districts served (every district for a city-wide offer).
    districts: tuple[str, ...]
    city_wide: bool
    location: OfferPlace | None
    phone: str | None
    email: str | None
    url: str | None
    languages: tuple[str, ...]
    cost: str | None
    #: The opening hours as one German line.
    schedule: str | None
    minimum_age: int | None
    maximum_age: int | None
    last_verified: date | None
    status: str
    alert: str | None
    version: int
    #: Phone, e-mail and web address are the organisation's (the offer has none of its own).
    contact_of_organization: bool
    accessibility: tuple[str, ...]
    application_process: str | None
    required_documents: str | None
    #: The opening hours as weekly rows: what "open now" is read from.
    hours: tuple[ScheduleRow, ...] = ()
    #: Open at the moment given to `at` (None: unknown, or no moment given yet).
    open_now: bool | None = None

    def open_at(self, moment: datetime | None = None) -> bool | None:
        """Whether the offer is open at the moment (None when its hours do not say)."""
        return is_open(self.hours, moment) if self.hours else None

    def at(self, moment: datetime | None = None) -> OfferSummary:
        """The summary with "open now" for the moment (now when None)."""
        open_now = self.open_at(moment)
        return self if open_now is self.open_now else replace(self, open_now=open_now)

    def shown(self) -> dict[str, Any]:
        """The fields one level deep, for a response that adds its own (a search hit's score)."""
        return {name: getattr(self, name) for name in _SHOWN}

    def to_record(self) -> dict[str, Any]:
        """Plain values for storing (the hours are stored apart, with the index's per-offer facts)."""
        record = {name: getattr(self, name) for name in _PLAIN}
        record["organization"] = {"id": self.organization.id, "name": self.organization.name}
        location = self.location
        record["location"] = None if location is None else {f: getattr(location, f) for f in _PLACE}
        for name in _LISTS:
            record[name] = list(record[name])
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any], hours: Iterable[ScheduleRow] = ()) -> OfferSummary:
        """Read back what `to_record` wrote (also the stored dicts of earlier index generations)."""
        organization = record.get("organization") or {}
        location = record.get("location")
        values: dict[str, Any] = {name: record.get(name) for name in _PLAIN}
        # Codes repeat across thousands of offers: one string object each keeps a worker small.
        values.update({name: tuple(intern(str(c)) for c in record.get(name) or ()) for name in _LISTS})
        values["city_wide"] = bool(values["city_wide"])
        values["contact_of_organization"] = bool(values["contact_of_organization"])
        values["version"] = int(values["version"] or 0)
        values["status"] = values["status"] or "active"
        values["last_verified"] = _day(values["last_verified"])
        return cls(
            **values,
            organization=OrganizationRef(
                intern(str(organization.get("id") or "")), str(organization.get("name") or "")
            ),
            location=None if location is None else OfferPlace(**{f: location.get(f) for f in _PLACE}),
            hours=tuple(hours),
        )


def _day(value: Any) -> date | None:
    """A day from a stored value (a date, a datetime or an ISO text)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date) or value is None:
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_PLACE = ("address", "name", "lat", "lon", "district")
_LISTS = ("needs", "inferred_needs", "target_groups", "districts", "languages", "accessibility")
_SHOWN = tuple(f.name for f in fields(OfferSummary) if f.name != "hours")
_PLAIN = tuple(
    f.name for f in fields(OfferSummary) if f.name not in {"organization", "location", "hours", "open_now"}
)


def offer_summary(
    offer: Offer, all_district_ids: list[str] | None = None, moment: datetime | None = None
) -> OfferSummary:
    """Return the OfferSummary of an offer (or row stand-in), "open now" at the moment (default: now)."""
    location = offer.locations[0] if offer.locations else None
    # Phone, e-mail and web address come together: the offer's own, or else all of its organisation's.
    org = offer.organization
    own_contact = bool(offer.phones or offer.email or offer.url)
    phones = offer.phones if own_contact else org.phones
    email, url = (offer.email, offer.url) if own_contact else (org.email, org.website)
    served = offer.district_ids
    if offer.city_wide and all_district_ids is not None:
        served = sorted(set(served) | set(all_district_ids))
    costs = [c.amount_description or c.option for c in offer.cost_options if c.amount_description or c.option]
    summary = OfferSummary(
        id=offer.id,
        name=offer.name,
        description=offer.description,
        organization=OrganizationRef(org.id, org.name),
        needs=tuple(offer.codes("need")),
        inferred_needs=tuple(
            sorted(t.code for t in offer.terms if t.kind == "need" and t.source == "inferred")
        ),
        target_groups=tuple(offer.codes("target_group")),
        districts=tuple(served),
        city_wide=offer.city_wide,
        location=None
        if location is None
        else OfferPlace(
            address_line(location), location.name, location.latitude, location.longitude, location.district_id
        ),
        phone=phones[0].number if phones else None,
        email=email,
        url=url,
        languages=tuple(sorted({lang.code for lang in offer.languages if lang.code})),
        cost=offer.fees_description or ("; ".join(costs) if costs else None),
        schedule=describe(offer.schedules),
        minimum_age=offer.minimum_age,
        maximum_age=offer.maximum_age,
        last_verified=offer.assured_date,
        status=offer.status,
        alert=offer.alert,
        version=offer.version,
        contact_of_organization=not own_contact and bool(phones or email or url),
        accessibility=tuple(known(offer.accessibility)),
        application_process=offer.application_process,
        required_documents=offer.required_documents,
        hours=tuple(ScheduleRow.of(s) for s in offer.schedules),
    )
    return summary.at(moment)
