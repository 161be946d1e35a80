"""Import a data bundle (districts.geojson + organizations.json): validate, upsert, report."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lotse import geo
from lotse.db import Database
from lotse.directory.foreign_terms import dangling_parents, upsert_taxonomy, upsert_term
from lotse.directory.hsds_in import (
    ImportContext,
    NeedInference,
    StoredIds,
    apply_organization,
    apply_service,
)
from lotse.directory.repair import repair_checked
from lotse.directory.tabular import PACKAGE_FILE, is_tabular, read_tables
from lotse.directory.taxonomy_sync import sync_taxonomy
from lotse.directory.validation import (
    DistrictNames,
    drop_unsafe_links,
    german_message,
    json_path,
    schema_errors,
    service_rule_errors,
)
from lotse.models import District, Location, Offer, Organization, TaxonomyTerm

DISTRICTS_FILE = "districts.geojson"
ORGANIZATIONS_FILE = "organizations.json"
TAXONOMIES_FILE = "taxonomies.json"
TAXONOMY_TERMS_FILE = "taxonomy_terms.json"


class BundleError(Exception):
    """The bundle cannot be read at all (missing directory or file)."""


@dataclass(frozen=True)
class Rejection:
    """A record that was not imported, with where it is and why (German)."""

    file: str
    path: str
    record_id: str | None
    name: str | None
    reason: str

    def __str__(self) -> str:
        label = f" „{self.name}“" if self.name else ""
        ident = f" (id {self.record_id})" if self.record_id else ""
        return f"{self.file} {self.path}{label}{ident}: {self.reason}"


@dataclass
class ImportReport:
    """Counts per kind of record and outcome, plus every rejection and warning."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def count(self, kind: str, outcome: str) -> None:
        """Count one record of a kind (districts, organizations, services) with its outcome."""
        self.counts.setdefault(kind, Counter())[outcome] += 1

    def reject(self, rejection: Rejection, kind: str) -> None:
        """Record a rejected record."""
        self.rejections.append(rejection)
        self.count(kind, "rejected")

    @property
    def ok(self) -> bool:
        """True when nothing was rejected."""
        return not self.rejections


#: Called with (organisations done, organisations in the bundle) while an import runs.
Progress = Callable[[int, int], None]


def import_bundle(
    db: Database, directory: Path, infer: NeedInference | None = None, progress: Progress | None = None
) -> ImportReport:
    """Import a bundle in one transaction; each record is applied in its own savepoint."""
    directory = Path(directory)
    if not directory.is_dir():
        raise BundleError(f"Verzeichnis „{directory}“ gibt es nicht")
    report = ImportReport()
    features = _read_json(directory / DISTRICTS_FILE, report, required=False)
    if is_tabular(directory):
        tables = read_tables(directory)
        organizations, taxonomies, terms = tables.organizations, tables.taxonomies, tables.terms
        report.warnings += [f"{PACKAGE_FILE}: {note}" for note in tables.notes]
    else:
        organizations = _read_json(directory / ORGANIZATIONS_FILE, report, required=True)
        taxonomies = _read_optional(directory / TAXONOMIES_FILE, report)
        terms = _read_optional(directory / TAXONOMY_TERMS_FILE, report)
    with db.writing() as session:
        sync_taxonomy(session)
        _import_vocabulary(session, taxonomies, terms, report)
        if features is not None:
            _import_districts(session, features, report)
        districts = session.scalars(select(District)).all()
        if not districts:
            report.warnings.append("Keine Stadtteile bekannt: alle Angebote gelten stadtweit.")
        ctx = ImportContext(
            districts=DistrictNames.of((d.id, d.name) for d in districts),
            areas=[geo.Area(d.id, d.latitude, d.longitude, d.polygon) for d in districts],
            infer=infer,
            stored=StoredIds(
                {model: set(session.scalars(select(model.id))) for model in (Organization, Location, Offer)}
            ),
        )
        if organizations is not None:
            _import_organizations(session, organizations, ctx, report, progress)
        report.warnings += ctx.warnings
        _warn_about_terms(session, ctx, report)
    return report


def _read_optional(path: Path, report: ImportReport) -> Any:
    return _read_json(path, report, required=False) if path.exists() else None


def _import_vocabulary(session: Session, taxonomies: Any, terms: Any, report: ImportReport) -> None:
    """Import a bundle's taxonomies.json and taxonomy_terms.json (Lotse's own terms stay as they are)."""
    for file, records, kind, schema, upsert in (
        (TAXONOMIES_FILE, taxonomies, "taxonomies", "taxonomy", upsert_taxonomy),
        (TAXONOMY_TERMS_FILE, terms, "taxonomy_terms", "taxonomy_term", upsert_term),
    ):
        if records is None:
            continue
        if not isinstance(records, list):
            report.reject(Rejection(file, "", None, None, "erwartet eine JSON-Liste"), kind)
            continue
        for i, record in enumerate(records):
            errors = [german_message(e) for e in schema_errors(record, schema)]
            if errors:
                report.reject(_rejection(f"[{i}]", record, "; ".join(errors), file), kind)
                continue
            report.count(kind, "kept" if upsert(session, record) is None else "imported")


def _warn_about_terms(session: Session, ctx: ImportContext, report: ImportReport) -> None:
    unknown = sorted(t for t in ctx.unknown_terms if session.get(TaxonomyTerm, t) is None)
    if unknown:
        report.warnings.append(
            f"{len(unknown)} Begriff(e) nur per taxonomy_term_id genannt und nirgends beschrieben "
            f"(Attribute behalten): {', '.join(unknown[:5])}{' …' if len(unknown) > 5 else ''}"
        )
    dangling = dangling_parents(session)
    if dangling:
        names = ", ".join(f"„{t.name}“" for t in dangling[:3]) + (" …" if len(dangling) > 3 else "")
        report.warnings.append(
            f"{len(dangling)} Begriff(e) mit parent_id, das kein bekannter Begriff ist ({names}): "
            "in /hsds/taxonomy_terms ohne parent_id, in den Angeboten wie geliefert"
        )


def _read_json(path: Path, report: ImportReport, required: bool) -> Any:
    if not path.exists():
        if required:
            raise BundleError(f"Datei „{path.name}“ fehlt im Verzeichnis „{path.parent}“")
        report.warnings.append(f"{path.name} fehlt: die bekannten Stadtteile bleiben, wie sie sind.")
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        reason = "Datei ist nicht in UTF-8 kodiert"
    except json.JSONDecodeError as exc:
        reason = f"kein gültiges JSON (Zeile {exc.lineno}, Spalte {exc.colno}: {exc.msg})"
    report.reject(Rejection(path.name, "", None, None, reason), "files")
    return None


def _import_districts(session: Session, collection: Any, report: ImportReport) -> None:
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        reason = "keine GeoJSON FeatureCollection (Feld „features“ fehlt)"
        report.reject(Rejection(DISTRICTS_FILE, "", None, None, reason), "districts")
        return
    valid: dict[str, dict[str, Any]] = {}
    for i, feature in enumerate(features):
        parsed, reason = _parse_district(feature)
        where = f"features[{i}]"
        if parsed is None:
            props = feature.get("properties") if isinstance(feature, dict) else None
            props = props if isinstance(props, dict) else {}
            report.reject(
                Rejection(DISTRICTS_FILE, where, props.get("id"), props.get("name"), reason), "districts"
            )
        elif parsed["id"] in valid:
            report.reject(
                Rejection(
                    DISTRICTS_FILE, where, parsed["id"], parsed["name"], "Stadtteil-Id kommt doppelt vor"
                ),
                "districts",
            )
        else:
            valid[parsed["id"]] = parsed
    known = set(valid) | set(session.scalars(select(District.id)))
    for parsed in valid.values():
        unknown = [n for n in parsed["neighbours"] if n not in known]
        if unknown:
            report.warnings.append(
                f"{DISTRICTS_FILE}: Nachbarn von „{parsed['id']}“ unbekannt und ausgelassen: "
                + ", ".join(unknown)
            )
            parsed["neighbours"] = [n for n in parsed["neighbours"] if n in known]
        district = session.get(District, parsed["id"])
        if district is None:
            session.add(District(**parsed))
            report.count("districts", "created")
            continue
        before = (district.name, district.latitude, district.longitude, district.polygon, district.neighbours)
        for key, value in parsed.items():
            setattr(district, key, value)
        after = (district.name, district.latitude, district.longitude, district.polygon, district.neighbours)
        report.count("districts", "unchanged" if before == after else "updated")
    session.flush()


def _parse_district(feature: Any) -> tuple[dict[str, Any] | None, str]:
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        return None, "kein GeoJSON-Feature mit „properties“"
    props, geometry = feature["properties"], feature.get("geometry")
    district_id, name = props.get("id"), props.get("name")
    if not isinstance(district_id, str) or not district_id.strip():
        return None, "properties.id fehlt"
    if not isinstance(name, str) or not name.strip():
        return None, "properties.name fehlt"
    neighbours = props.get("neighbours", [])
    if not isinstance(neighbours, list) or not all(isinstance(n, str) for n in neighbours):
        return None, "properties.neighbours muss eine Liste von Stadtteil-Ids sein"
    centre, polygon = _geometry(geometry)
    if centre is None:
        return None, "geometry muss ein Point oder Polygon mit gültigen Koordinaten sein"
    return {
        "id": district_id.strip(),
        "name": name.strip(),
        "latitude": centre[1],
        "longitude": centre[0],
        "polygon": polygon,
        "neighbours": sorted(set(neighbours) - {district_id}),
    }, ""


def _geometry(geometry: Any) -> tuple[tuple[float, float] | None, list[Any] | None]:
    if not isinstance(geometry, dict):
        return None, None
    coords = geometry.get("coordinates")
    try:
        if geometry.get("type") == "Point":
            lon, lat = float(coords[0]), float(coords[1])
            return ((lon, lat) if _in_range(lon, lat) else None), None
        if geometry.get("type") == "Polygon":
            ring = [(float(p[0]), float(p[1])) for p in coords[0]]
            if len(ring) < 4 or not all(_in_range(x, y) for x, y in ring):
                return None, None
            lon = sum(x for x, _ in ring[:-1]) / (len(ring) - 1)
            lat = sum(y for _, y in ring[:-1]) / (len(ring) - 1)
            return (lon, lat), [[list(p) for p in ring] for ring in [ring]] + [
                [[float(p[0]), float(p[1])] for p in hole] for hole in coords[1:]
            ]
    except (TypeError, ValueError, IndexError):
        return None, None
    return None, None


def _in_range(lon: float, lat: float) -> bool:
    return -180 <= lon <= 180 and -90 <= lat <= 90


#: Records (organisations and their services) written in one savepoint with one flush at its end. A batch
#: that fails is rolled back and written again record by record, each in its own savepoint as before, so
#: exactly the records that fail on their own are rejected, with the same reasons.
BATCH_RECORDS = 200


@dataclass
class _Prepared:
    """One organisation of the bundle, checked and repaired, with what the report is to say about it."""

    where: str
    record: Any
    #: Warnings about links that were dropped.
    notes: list[str] = field(default_factory=list)
    #: One warning per field that was repaired or dropped (counted under "fields").
    repair_lines: list[str] = field(default_factory=list)
    org_errors: list[str] = field(default_factory=list)
    service_errors: dict[int, list[str]] = field(default_factory=dict)
    services: list[Any] = field(default_factory=list)

    @property
    def size(self) -> int:
        """Records this organisation writes (itself and its services)."""
        return 1 + len(self.services)


#: Writes one record's upsert (see `_apply`): returns whether it was stored.
Apply = Callable[[Session, Any, ImportContext, ImportReport, str, Rejection], bool]


def _import_organizations(
    session: Session,
    organizations: Any,
    ctx: ImportContext,
    report: ImportReport,
    progress: Progress | None = None,
) -> None:
    if not isinstance(organizations, list):
        reason = "erwartet eine JSON-Liste von Organisationen"
        report.reject(Rejection(ORGANIZATIONS_FILE, "", None, None, reason), "organizations")
        return
    seen_services: set[str] = set()
    batch: list[_Prepared] = []
    for i, record in enumerate(organizations):
        if progress is not None:
            progress(i, len(organizations))
        batch.append(_prepare(record, f"[{i}]"))
        if sum(p.size for p in batch) >= BATCH_RECORDS:
            _write_batch(session, batch, ctx, report, seen_services)
            batch = []
    if batch:
        _write_batch(session, batch, ctx, report, seen_services)


def _prepare(record: Any, where: str) -> _Prepared:
    """Check and repair one organisation with its services (no database work)."""
    if not isinstance(record, dict):
        return _Prepared(where, record)
    # Before validation: a link Lotse will not pass on costs the link, not the record.
    notes = drop_unsafe_links(record, f"{ORGANIZATIONS_FILE}{where}")
    record, lines, checked = _repaired(record, where)
    org_errors, service_errors = checked if checked is not None else _split_errors(record)
    services = record.get("services") if isinstance(record.get("services"), list) else []
    return _Prepared(where, record, notes, lines, org_errors, service_errors, services)


def _write_batch(
    session: Session,
    batch: list[_Prepared],
    ctx: ImportContext,
    report: ImportReport,
    seen_services: set[str],
) -> None:
    """Write a batch of organisations in one savepoint; if that fails, write them again one by one."""
    restore_report = _checkpoint(report)
    restore_context = ctx.checkpoint()
    savepoint = session.begin_nested()
    ctx.batched = True
    try:
        with session.no_autoflush:
            for prepared in batch:
                _write_organization(session, prepared, ctx, report, seen_services, _apply_in_batch)
            session.flush()
            # New offers and their parts as rows, after the places and organisations they refer to.
            ctx.new_rows.write(session)
            session.add_all(ctx.deferred)
            ctx.deferred.clear()
            session.flush()
        savepoint.commit()
    except Exception:  # noqa: BLE001 - the batch is written again record by record, which reports it
        savepoint.rollback()
        restore_report()
        restore_context()
    else:
        ctx.stored.batch_done()
        return
    finally:
        ctx.batched = False
    for prepared in batch:
        _write_organization(session, prepared, ctx, report, seen_services, _apply)


def _checkpoint(report: ImportReport) -> Callable[[], None]:
    """Return what takes the report back to its present state."""
    counts = {kind: Counter(outcomes) for kind, outcomes in report.counts.items()}
    rejections, warnings = len(report.rejections), len(report.warnings)

    def restore() -> None:
        report.counts.clear()
        report.counts.update(counts)
        del report.rejections[rejections:]
        del report.warnings[warnings:]

    return restore


def _write_organization(
    session: Session,
    prepared: _Prepared,
    ctx: ImportContext,
    report: ImportReport,
    seen_services: set[str],
    apply: Apply,
) -> None:
    """Report one prepared organisation's notes and rejections and write what is valid of it."""
    where, record = prepared.where, prepared.record
    if not isinstance(record, dict):
        reason = "erwartet ein Objekt (HSDS organization)"
        report.reject(Rejection(ORGANIZATIONS_FILE, where, None, None, reason), "organizations")
        return
    report.warnings += prepared.notes
    for line in prepared.repair_lines:
        report.warnings.append(line)
        report.count("fields", "repaired" if "repariert" in line else "dropped")
    if prepared.org_errors:
        report.reject(_rejection(where, record, "; ".join(prepared.org_errors)), "organizations")
        for j, service in enumerate(prepared.services):
            reason = "gehört zu einer abgelehnten Organisation"
            report.reject(_rejection(f"{where}.services[{j}]", service, reason), "services")
        return
    if not apply(
        session,
        partial(apply_organization, session, record, ctx),
        ctx,
        report,
        "organizations",
        _rejection(where, record, ""),
    ):
        return
    for j, service in enumerate(prepared.services):
        path = f"{where}.services[{j}]"
        errors = prepared.service_errors.get(j, []) + service_rule_errors(service)
        if not errors and service["id"] in seen_services:
            errors = ["Angebots-Id kommt im Bündel doppelt vor"]
        if errors:
            report.reject(_rejection(path, service, "; ".join(errors)), "services")
            continue
        ctx.stored.remember(seen_services, service["id"])
        apply(
            session,
            partial(apply_service, session, service, record["id"], ctx),
            ctx,
            report,
            "services",
            _rejection(path, service, ""),
        )


def _apply_in_batch(
    session: Session, action: Any, ctx: ImportContext, report: ImportReport, kind: str, _template: Rejection
) -> bool:
    """Run one record's upsert inside its batch (no savepoint of its own: a failure fails the batch)."""
    outcome = action()
    ctx.stored.record_done(batched=True)
    report.count(kind, outcome)
    return True


def _apply(
    session: Session, action: Any, ctx: ImportContext, report: ImportReport, kind: str, template: Rejection
) -> bool:
    """Run one record's upsert in a savepoint; on failure roll it back and report it.

    While a record is built nothing is flushed on the way (a lookup would otherwise write the half-built
    record and make every collection assigned after it load its old contents first): the record is written
    by its own explicit flush or by the savepoint's commit, so a failure still stays inside the savepoint.
    """
    savepoint = session.begin_nested()
    try:
        with session.no_autoflush:
            outcome = action()
        savepoint.commit()
    except Exception as exc:  # noqa: BLE001 - any failure rejects only this record
        savepoint.rollback()
        reason = (
            str(exc)
            if isinstance(exc, LookupError)
            else f"konnte nicht gespeichert werden ({type(exc).__name__})"
        )
        report.reject(
            Rejection(template.file, template.path, template.record_id, template.name, reason.strip("'\"")),
            kind,
        )
        return False
    finally:
        ctx.stored.record_done(batched=False)
    report.count(kind, outcome)
    return True


#: Schema errors of an organisation (German) and of each of its services by index.
SplitErrors = tuple[list[str], dict[int, list[str]]]


def _repaired(record: dict[str, Any], where: str) -> tuple[dict[str, Any], list[str], SplitErrors | None]:
    """Repair or drop single bad fields of an organisation and of each service (one warning line each).

    Also return the errors the repaired records still have, as `_split_errors` would find them, from the
    repair's own last validation (the organisation schema holds each service as the service schema does);
    None when a part could not be validated on its own (services not a list, a service not an object).
    """
    services = record.get("services")
    organization, notes, left = repair_checked(
        {k: v for k, v in record.items() if k != "services"}, "organization"
    )
    lines = [f"{ORGANIZATIONS_FILE} {where} „{record.get('name')}“: {n}" for n in notes]
    by_service: dict[int, list[str]] = {}
    complete = services is None
    if isinstance(services, list):
        complete = all(isinstance(service, dict) for service in services)
        organization["services"] = []
        for j, service in enumerate(services):
            if isinstance(service, dict):
                service, notes, errors = repair_checked(service, "service")
                name = service.get("name")
                lines += [f"{ORGANIZATIONS_FILE} {where}.services[{j}] „{name}“: {n}" for n in notes]
                if errors:
                    here = json_path(["services", j])
                    by_service[j] = [german_message(e, json_path(e.absolute_path) or here) for e in errors]
            organization["services"].append(service)
    elif services is not None:
        organization["services"] = services
    return organization, lines, (([german_message(e) for e in left], by_service) if complete else None)


def _split_errors(record: dict[str, Any]) -> tuple[list[str], dict[int, list[str]]]:
    """Split HSDS schema errors into those of the organisation and those of each service."""
    org_errors: list[str] = []
    by_service: dict[int, list[str]] = {}
    for error in schema_errors(record, "organization"):
        path = list(error.absolute_path)
        if len(path) >= 2 and path[0] == "services" and isinstance(path[1], int):
            by_service.setdefault(path[1], []).append(german_message(error, json_path(path[2:])))
        else:
            org_errors.append(german_message(error))
    return org_errors, by_service


def _rejection(path: str, record: Any, reason: str, file: str = ORGANIZATIONS_FILE) -> Rejection:
    record = record if isinstance(record, dict) else {}
    rid, name = record.get("id"), record.get("name")
    return Rejection(
        file,
        path,
        rid if isinstance(rid, str) else None,
        name if isinstance(name, str) else None,
        reason,
    )


__all__ = ["BundleError", "ImportReport", "Rejection", "import_bundle", "json_path"]
