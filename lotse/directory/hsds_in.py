"""Apply HSDS 3.0 records (as found in a bundle) onto the Lotse models."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import insert
from sqlalchemy.orm import Session

from lotse import geo
from lotse.directory.foreign_terms import upsert_term
from lotse.directory.opening_hours import read_text_schedule
from lotse.directory.service_areas import Served, served_districts
from lotse.directory.validation import DistrictNames, coordinate_errors
from lotse.models import (
    Address,
    Attribute,
    ChangeLog,
    CostOption,
    Language,
    Location,
    Offer,
    OfferDistrict,
    OfferTerm,
    Organization,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from lotse.models.base import utcnow
from lotse.taxonomy import NEEDS_TAXONOMY, TARGET_GROUPS_TAXONOMY

T = TypeVar("T")

#: Attribute value marking a need code Lotse recognised in the offer's text (not given by the carrier).
INFERRED_PREFIX = "inferred:"

#: Recognises needs in an offer's own text: returns (code, score) pairs.
NeedInference = Callable[[str], Sequence[tuple[str, float]]]

ORGANIZATION_FIELDS = (
    "name",
    "alternate_name",
    "description",
    "email",
    "website",
    "legal_status",
    "year_incorporated",
)
ORGANIZATION_NESTED = ("id", "phones", "locations", "services")
SERVICE_FIELDS = (
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "interpretation_services",
    "application_process",
    "fees_description",
    "wait_time",
    "accreditations",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "assurer_email",
    "alert",
)
SERVICE_NESTED = (
    "id",
    "organization_id",
    "organization",
    "assured_date",
    "last_modified",
    "phones",
    "schedules",
    "languages",
    "service_areas",
    "service_at_locations",
    "cost_options",
    "attributes",
)
LOCATION_FIELDS = ("location_type", "name", "description", "transportation", "latitude", "longitude")
SCHEDULE_FIELDS = ("freq", "interval", "byday", "bymonthday", "opens_at", "closes_at", "description")
PHONE_FIELDS = ("number", "extension", "type", "description")
LANGUAGE_FIELDS = ("name", "code", "note")
AREA_FIELDS = ("name", "description", "extent", "extent_type", "uri")
ADDRESS_FIELDS = (
    "attention",
    "address_1",
    "address_2",
    "city",
    "region",
    "state_province",
    "postal_code",
    "country",
    "address_type",
)


@dataclass
class StoredIds:
    """The ids of the rows of some models that are stored, read once per bundle instead of once per record.

    A record whose id is not among them is new: looking it up would only cost a query that finds nothing.
    Models without an entry are always looked up.

    Records written in a batch (one flush at its end) find the rows that earlier records of the batch
    created, as they would find them written; a record does not find the rows it created itself (neither
    would it when written alone). What a batch adds to the id sets is journalled, so that a batch that
    fails can be taken back and written again record by record.
    """

    by_model: dict[type, set[str]] = field(default_factory=dict)
    #: Rows created by earlier records of the batch being written, by (model, id).
    batch_rows: dict[tuple[type, str], Any] = field(default_factory=dict)
    #: Rows created by the record being applied.
    record_rows: dict[tuple[type, str], Any] = field(default_factory=dict)
    #: (set, id) pairs the batch being written added, in order.
    journal: list[tuple[set[str], str]] = field(default_factory=list)

    def find(self, session: Session, model: type[T], ident: Any) -> T | None:
        """Return the stored (or, earlier in this import, created) row with this id, or None."""
        known = self.by_model.get(model)
        if known is not None and ident not in known:
            return None
        row = self.batch_rows.get((model, ident))
        return row if row is not None else session.get(model, ident)

    def created(self, row: Any) -> None:
        """Note a row created in this import, so later records find it."""
        model, ident = type(row), row.id
        if model in self.by_model:
            self.remember(self.by_model[model], ident)
        self.record_rows[(model, ident)] = row

    def created_id(self, model: type, ident: str) -> None:
        """Note a row created in this import that is written as a plain row (no object to find)."""
        if model in self.by_model:
            self.remember(self.by_model[model], ident)

    def remember(self, ids: set[str], ident: str) -> None:
        """Add an id to a set of ids and journal it (when it is new) for `undo`."""
        if ident not in ids:
            ids.add(ident)
            self.journal.append((ids, ident))

    def record_done(self, *, batched: bool) -> None:
        """A record is applied: in a batch, the later records find its rows."""
        if batched:
            self.batch_rows.update(self.record_rows)
        self.record_rows.clear()

    def batch_done(self) -> None:
        """The batch is written (its rows are found in the session from now on); start a new journal."""
        self.batch_rows.clear()
        self.record_rows.clear()
        self.journal.clear()

    def undo(self) -> None:
        """Take back every id the batch added (it was rolled back)."""
        for ids, ident in reversed(self.journal):
            ids.discard(ident)
        self.batch_done()


@dataclass
class ImportContext:
    """What applying records needs to know about the directory being imported into."""

    districts: DistrictNames
    areas: list[geo.Area]
    infer: NeedInference | None = None
    org_locations: dict[str, dict[str, Any]] = field(default_factory=dict)
    applied_locations: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    #: Term ids that attributes name without describing them (and no bundle file describes either).
    unknown_terms: set[str] = field(default_factory=set)
    stored: StoredIds = field(default_factory=StoredIds)
    #: True while records are written in a batch: the offers are not flushed one by one, so the rows that
    #: refer to an offer by id only (its attributes and change-log entry) wait in `deferred` until the
    #: batch's offers are written.
    batched: bool = False
    deferred: list[Any] = field(default_factory=list)
    #: New offers of the batch being written, as rows for bulk inserts (see `BULK_NEW_OFFERS`).
    new_rows: NewRows = field(default_factory=lambda: NewRows())

    def checkpoint(self) -> Callable[[], None]:
        """Start a batch; return what takes the context back to this point if the batch is rolled back."""
        self.stored.batch_done()
        warnings, unknown_terms, org_locations = (
            len(self.warnings),
            set(self.unknown_terms),
            dict(self.org_locations),
        )

        def restore() -> None:
            del self.warnings[warnings:]
            self.unknown_terms.clear()
            self.unknown_terms.update(unknown_terms)
            self.org_locations.clear()
            self.org_locations.update(org_locations)
            self.stored.undo()
            self.deferred.clear()
            self.new_rows.clear()

        return restore


def record_hash(record: Any) -> str:
    """Return a stable hash of a JSON record."""
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _parse_date(value: Any) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) and value else None


def _parse_datetime(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _extra(record: dict[str, Any], known: Sequence[str]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in known}


def apply_organization(session: Session, record: dict[str, Any], ctx: ImportContext) -> str:
    """Create or update an organisation from its HSDS record; return created/updated/unchanged."""
    org = ctx.stored.find(session, Organization, record["id"])
    created = org is None
    if org is None:
        org = Organization(id=record["id"])
        session.add(org)
        ctx.stored.created(org)
    before = None if created else _organization_state(org)
    for key in ORGANIZATION_FIELDS:
        setattr(org, key, record.get(key) if key != "description" else record.get(key) or "")
    org.extra = _extra(record, ORGANIZATION_FIELDS + ORGANIZATION_NESTED)
    org.original = {k: v for k, v in record.items() if k != "services"}
    new_phones = [_phone(p) for p in record.get("phones") or []]
    if created or [_phone_state(p) for p in org.phones] != [_phone_state(p) for p in new_phones]:
        org.phones = new_phones
    if created:
        # Its locations refer to it by id only (no relationship orders the inserts): write it first.
        session.flush()
    for location in record.get("locations") or []:
        ctx.org_locations[location["id"]] = location
        upsert_location(session, location, org.id, ctx)
    if created:
        return "created"
    return "unchanged" if _organization_state(org) == before else "updated"


def _organization_state(org: Organization) -> tuple[Any, ...]:
    return (
        *(getattr(org, k) for k in ORGANIZATION_FIELDS),
        org.extra,
        org.original,
        [_phone_state(p) for p in org.phones],
    )


def _phone(record: dict[str, Any]) -> Phone:
    return Phone(**_phone_values(record))


def _phone_values(record: dict[str, Any]) -> dict[str, Any]:
    values = {"id": record["id"], **{k: record.get(k) for k in PHONE_FIELDS}}
    if values["extension"] is not None:
        values["extension"] = str(values["extension"])
    return values


def _phone_state(phone: Phone) -> tuple[Any, ...]:
    return (phone.id, *(getattr(phone, k) for k in PHONE_FIELDS))


def upsert_location(
    session: Session, record: dict[str, Any], org_id: str | None, ctx: ImportContext
) -> Location:
    """Create or update a location (shared locations are applied once per import)."""
    location = ctx.stored.find(session, Location, record["id"])
    if location is not None and record["id"] in ctx.applied_locations:
        return location
    if location is None:
        location = Location(id=record["id"], organization_id=org_id)
        session.add(location)
        ctx.stored.created(location)
    for key in LOCATION_FIELDS:
        value = record.get(key)
        setattr(location, key, value if value is not None or key != "location_type" else "physical")
    location.extra = _extra(record, ("id", "organization_id", "addresses", *LOCATION_FIELDS))
    bad_coordinates = coordinate_errors(record, f"Ort „{record.get('name') or record['id']}“")
    if bad_coordinates:
        # Out-of-range coordinates (the official HSDS example has latitude 100) are unusable but do
        # not make the offer wrong: keep the place without them and say so.
        ctx.warnings += [f"{e}; ohne Koordinaten übernommen" for e in bad_coordinates]
        location.latitude = location.longitude = None
    location.addresses = [
        Address(id=a["id"], **{k: a.get(k) for k in ADDRESS_FIELDS if a.get(k) is not None})
        for a in record.get("addresses") or []
    ]
    if location.latitude is not None and location.longitude is not None:
        location.district_id = geo.locate(ctx.areas, location.latitude, location.longitude)
    else:
        location.district_id = None
    ctx.stored.remember(ctx.applied_locations, record["id"])
    return location


def apply_service(session: Session, record: dict[str, Any], org_id: str, ctx: ImportContext) -> str:
    """Create or update an offer from its HSDS service record; return created/updated/unchanged."""
    digest = record_hash({**record, "organization_id": org_id})
    offer = ctx.stored.find(session, Offer, record["id"])
    if offer is not None and offer.content_hash == digest and offer.organization_id == org_id:
        return "unchanged"
    if offer is None and ctx.batched and BULK_NEW_OFFERS:
        _stage_new_offer(session, record, org_id, digest, ctx)
        return "created"
    created = offer is None
    if offer is None:
        # Added to the session once it is built: its collections then cascade into it once, not per
        # assignment.
        offer = Offer(id=record["id"], version=0)
        ctx.stored.created(offer)
    else:
        _clear_children(session, offer)
    offer.organization_id = org_id
    for key, value in _service_values(record).items():
        setattr(offer, key, value)
    offer.phones = [Phone(**_phone_values(p)) for p in record.get("phones") or []]
    offer.schedules = _schedules(session, record, ctx)
    offer.languages = [Language(**_language_values(lang)) for lang in record.get("languages") or []]
    offer.cost_options = [CostOption(**_cost_option_values(c)) for c in record.get("cost_options") or []]
    offer.service_areas = [ServiceArea(**_area_values(a)) for a in record.get("service_areas") or []]
    links = [_link(session, s, org_id, ctx) for s in record.get("service_at_locations") or []]
    offer.service_at_locations = [
        ServiceAtLocation(location=location, **values) for location, values in links
    ]
    terms, attributes = _terms_and_attributes(
        session, offer.id, offer.name, offer.description, record.get("attributes") or [], ctx
    )
    offer.terms = [OfferTerm(**t) for t in terms]
    served = _served(
        offer.service_areas, [loc.district_id for loc in offer.locations], offer.name, offer.id, ctx
    )
    offer.city_wide = served.city_wide
    offer.districts = [OfferDistrict(district_id=d) for d in sorted(served.districts)]
    offer.version = (offer.version or 0) + 1
    offer.content_hash = digest
    session.add(offer)
    # Rows that refer to the offer by id only are added once it is written (in a batch: after the batch's
    # offers are written).
    by_id = [
        *(Attribute(service_id=offer.id, **a) for a in attributes),
        ChangeLog(service_id=offer.id, version=offer.version),
    ]
    if ctx.batched:
        ctx.deferred += by_id
    else:
        session.flush()
        session.add_all(by_id)
    return "created" if created else "updated"


#: New offers of a batch are written as plain rows by bulk inserts at the batch's end instead of as ORM
#: objects (their places, organisations and terms stay ORM objects; updates and a failed batch's redo, one
#: record at a time, take the ORM path). Tests switch it off to compare both ways.
BULK_NEW_OFFERS = True


@dataclass
class NewRows:
    """Rows of the new offers of a batch and of their parts, written by one bulk insert per table."""

    rows: dict[type, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, model: type, row: dict[str, Any]) -> None:
        """Stage one row of a table (every row of a table has the same keys)."""
        self.rows.setdefault(model, []).append(row)

    def write(self, session: Session) -> None:
        """Insert the staged rows, parents before the rows that refer to them, and forget them."""
        for model in NEW_ROW_TABLES:
            rows = self.rows.get(model)
            if rows:
                session.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]
        self.rows.clear()

    def clear(self) -> None:
        """Forget the staged rows (their batch was rolled back)."""
        self.rows.clear()


#: The tables NewRows writes, in the order of their foreign keys.
NEW_ROW_TABLES: tuple[type, ...] = (
    Offer,
    Phone,
    Schedule,
    Language,
    CostOption,
    ServiceArea,
    ServiceAtLocation,
    OfferTerm,
    OfferDistrict,
    Attribute,
    ChangeLog,
)
#: The columns of a schedule an import writes (the surrogate key `pk` comes from the database).
SCHEDULE_COLUMNS = ("id", *SCHEDULE_FIELDS, "valid_from", "valid_to", "extra", "scope")


def _stage_new_offer(
    session: Session, record: dict[str, Any], org_id: str, digest: str, ctx: ImportContext
) -> None:
    """Stage a new offer of a batch as rows: the same values, parts and order as the ORM path writes."""
    offer_id = record["id"]
    ctx.stored.created_id(Offer, offer_id)
    values = _service_values(record)
    rows = ctx.new_rows
    parent = {"service_id": offer_id}
    phones = [{**parent, "organization_id": None, **_phone_values(p)} for p in record.get("phones") or []]
    schedules = [
        {**parent, **{k: getattr(s, k) for k in SCHEDULE_COLUMNS}} for s in _schedules(session, record, ctx)
    ]
    languages = [{**parent, **_language_values(lang)} for lang in record.get("languages") or []]
    costs = [{**parent, **_cost_option_values(c)} for c in record.get("cost_options") or []]
    areas = [{**parent, **_area_values(a)} for a in record.get("service_areas") or []]
    links = [_link(session, s, org_id, ctx) for s in record.get("service_at_locations") or []]
    terms, attributes = _terms_and_attributes(
        session, offer_id, values["name"], values["description"], record.get("attributes") or [], ctx
    )
    served = _served(
        [_Area(a["name"], a["extent"]) for a in areas],
        [location.district_id for location, _values in links],
        values["name"],
        offer_id,
        ctx,
    )
    rows.add(
        Offer,
        {
            "id": offer_id,
            "organization_id": org_id,
            **values,
            "city_wide": served.city_wide,
            "version": 1,
            "content_hash": digest,
        },
    )
    for model, children in (
        (Phone, phones),
        (Schedule, schedules),
        (Language, languages),
        (CostOption, costs),
        (ServiceArea, areas),
        (
            ServiceAtLocation,
            [{**parent, "location_id": location.id, **link} for location, link in links],
        ),
        (OfferTerm, [{**parent, **t} for t in terms]),
        (OfferDistrict, [{**parent, "district_id": d} for d in sorted(served.districts)]),
        (Attribute, [{**parent, **a} for a in attributes]),
        (ChangeLog, [{**parent, "version": 1}]),
    ):
        for child in children:
            rows.add(model, child)


@dataclass(frozen=True)
class _Area:
    """What deciding the districts served reads of a service area."""

    name: str | None
    extent: str | None


def _service_values(record: dict[str, Any]) -> dict[str, Any]:
    """The offer's own columns from its HSDS record (not its id, organisation, version, districts)."""
    values: dict[str, Any] = {key: record.get(key) for key in SERVICE_FIELDS}
    values["description"] = record.get("description") or ""
    # HSDS required_documents (kept as they came in `extra` too, so an export returns them unchanged).
    documents = [d.get("document") for d in record.get("required_documents") or [] if isinstance(d, dict)]
    values["required_documents"] = "; ".join(d for d in documents if d) or None
    values["status"] = record.get("status") or "active"
    values["assured_date"] = _parse_date(record.get("assured_date"))
    values["last_modified"] = _parse_datetime(record.get("last_modified")) or utcnow()
    values["extra"] = _extra(record, SERVICE_FIELDS + SERVICE_NESTED)
    values["original"] = record
    return values


def _schedules(session: Session, record: dict[str, Any], ctx: ImportContext) -> list[Schedule]:
    """The offer's opening hours (text read into weekly rules where it can be), else borrowed ones."""
    return [
        r for s in record.get("schedules") or [] for r in read_text_schedule(_schedule(s))
    ] or _borrowed_schedules(session, record, ctx)


def _language_values(record: dict[str, Any]) -> dict[str, Any]:
    return {"id": record["id"], **{k: record.get(k) for k in LANGUAGE_FIELDS}}


def _area_values(record: dict[str, Any]) -> dict[str, Any]:
    return {"id": record["id"], **{k: record.get(k) for k in AREA_FIELDS}}


def _clear_children(session: Session, offer: Offer) -> None:
    for name in (
        "phones",
        "schedules",
        "languages",
        "cost_options",
        "service_areas",
        "service_at_locations",
        "terms",
        "districts",
    ):
        getattr(offer, name).clear()
    session.query(Attribute).filter_by(service_id=offer.id).delete()
    session.flush()


def _schedule(record: dict[str, Any], scope: str | None = None) -> Schedule:
    schedule = Schedule(id=record["id"], scope=scope, **{k: record.get(k) for k in SCHEDULE_FIELDS})
    schedule.valid_from = _parse_date(record.get("valid_from"))
    schedule.valid_to = _parse_date(record.get("valid_to"))
    schedule.extra = _extra(
        record,
        (
            "id",
            "service_id",
            "location_id",
            "service_at_location_id",
            "valid_from",
            "valid_to",
            *SCHEDULE_FIELDS,
        ),
    )
    return schedule


def _borrowed_schedules(session: Session, record: dict[str, Any], ctx: ImportContext) -> list[Schedule]:
    """Opening hours of a service that has none itself: those of its service-at-locations, else its places'.

    They are marked with their scope, so an export gives them back where they came from, not on the service.
    """
    borrowed: list[Schedule] = []
    for link in record.get("service_at_locations") or []:
        own = [_schedule(s, "service_at_location") for s in link.get("schedules") or []]
        if own:
            borrowed += own
            continue
        location_id = link.get("location_id") or (link.get("location") or {}).get("id")
        place = link.get("location") or ctx.org_locations.get(location_id or "")
        if place is None and location_id:
            stored = ctx.stored.find(session, Location, location_id)
            place = stored.extra if stored is not None else None
        borrowed += [_schedule(s, "location") for s in (place or {}).get("schedules") or []]
    return borrowed


def _cost_option_values(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": record["id"],
        "option": record.get("option"),
        "currency": record.get("currency"),
        "amount": record.get("amount"),
        "amount_description": record.get("amount_description"),
        "valid_from": _parse_date(record.get("valid_from")),
        "valid_to": _parse_date(record.get("valid_to")),
    }


def _link(
    session: Session, record: dict[str, Any], org_id: str, ctx: ImportContext
) -> tuple[Location, dict[str, Any]]:
    """The place of a service-at-location (created or updated when the record describes it) and the
    link's own values."""
    location_record = record.get("location") or ctx.org_locations.get(record.get("location_id") or "")
    if location_record:
        location = upsert_location(session, location_record, org_id, ctx)
    else:
        found = ctx.stored.find(session, Location, record.get("location_id"))
        if found is None:
            raise LookupError(f"Ort „{record.get('location_id')}“ ist unbekannt")
        location = found
    return location, {
        "id": record["id"],
        "description": record.get("description"),
        "extra": _extra(record, ("id", "service_id", "location_id", "location", "description", "service")),
    }


def _terms_and_attributes(
    session: Session,
    offer_id: str,
    name: str | None,
    description: str,
    attributes: Sequence[dict[str, Any]],
    ctx: ImportContext,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The offer's need and target-group codes, and its other attributes (values of the rows to write)."""
    terms: dict[str, dict[str, Any]] = {}
    rows: list[dict[str, Any]] = []
    for record in attributes:
        term = record.get("taxonomy_term") or {}
        taxonomy = term.get("taxonomy")
        if taxonomy in (NEEDS_TAXONOMY, TARGET_GROUPS_TAXONOMY):
            kind = "need" if taxonomy == NEEDS_TAXONOMY else "target_group"
            source, score = _term_source(record.get("value"))
            terms[term["code"]] = {"code": term["code"], "kind": kind, "source": source, "score": score}
            continue
        term_id = term.get("id") or record.get("taxonomy_term_id")
        if not isinstance(term_id, str) or not term_id:
            continue  # an attribute naming no term at all is kept in the original record only
        if term:
            upsert_term(session, term)
        elif session.get(TaxonomyTerm, term_id) is None:
            ctx.unknown_terms.add(term_id)
        rows.append(
            {
                "id": record["id"],
                "taxonomy_term_id": term_id,
                "link_type": record.get("link_type"),
                "link_entity": record.get("link_entity"),
                "link_id": record.get("link_id"),
                "value": record.get("value"),
                "label": record.get("label"),
            }
        )
    if ctx.infer is not None and not any(
        t["kind"] == "need" and t["source"] != "inferred" for t in terms.values()
    ):
        text = f"{name}. {description}"
        for code, score in ctx.infer(text):
            terms.setdefault(code, {"code": code, "kind": "need", "source": "inferred", "score": score})
    return list(terms.values()), rows


def _term_source(value: Any) -> tuple[str, float]:
    """Read back the marker an export puts on codes Lotse inferred itself (see hsds_out)."""
    if isinstance(value, str) and value.startswith(INFERRED_PREFIX):
        try:
            return "inferred", float(value[len(INFERRED_PREFIX) :])
        except ValueError:
            return "inferred", 0.5
    return "bundle", 1.0


def _served(
    areas: Sequence[Any],
    place_districts: Sequence[str | None],
    name: str | None,
    offer_id: str,
    ctx: ImportContext,
) -> Served:
    """The districts an offer serves (warning about area names that are no known district)."""
    served = served_districts(areas, [d for d in place_districts if d], ctx.districts, ctx.areas)
    for area in served.text_only:
        ctx.warnings.append(
            f"Angebot „{name}“ (id {offer_id}): Gebiet „{area}“ ist kein bekannter Stadtteil; "
            "als Text behalten, die Stadtteile bestimmt der Ort des Angebots"
        )
    return served
