"""Tabular HSDS (the specification's CSV data package) to and from the nested JSON records Lotse imports.

Reading: every row becomes an object under each parent its key columns name (a schedule row naming a
service, a location and a service-at-location appears under all three, as in the JSON examples); an
attribute goes to the object its `link_id` names, with its term (and the term's taxonomy) embedded; a
service-at-location embeds its location. Writing is the inverse: each nested object becomes one row of its
table, its parents' ids filled in; rows with the same id are merged. Only the columns of the data package
exist in CSV: what a record holds beyond them is counted and left out (see the README).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

PACKAGE_FILE = "datapackage.json"

#: Per object kind: the keys holding its child objects (lists), with the child's kind.
CHILDREN: dict[str, dict[str, str]] = {
    "organization": {
        "services": "service",
        "locations": "location",
        "phones": "phone",
        "contacts": "contact",
        "funding": "funding",
        "programs": "program",
        "organization_identifiers": "organization_identifier",
    },
    "service": {
        "phones": "phone",
        "schedules": "schedule",
        "service_areas": "service_area",
        "service_at_locations": "service_at_location",
        "languages": "language",
        "cost_options": "cost_option",
        "funding": "funding",
        "required_documents": "required_document",
        "contacts": "contact",
    },
    "service_at_location": {"schedules": "schedule", "phones": "phone", "contacts": "contact"},
    "location": {
        "addresses": "address",
        "phones": "phone",
        "schedules": "schedule",
        "languages": "language",
        "accessibility": "accessibility",
        "contacts": "contact",
    },
    "phone": {"languages": "language"},
    "contact": {"phones": "phone"},
}
#: Per child kind: the columns naming a parent, with the parent's kind.
PARENT_COLUMNS: dict[str, dict[str, str]] = {
    child: {f"{parent}_id": parent for parent, keys in CHILDREN.items() if child in keys.values()}
    for child in {c for keys in CHILDREN.values() for c in keys.values()}
}


#: Keys that are written as rows of other tables, not as columns.
_ALWAYS_NESTED = frozenset({"attributes", "metadata"})
_NESTED_KEYS = {kind: _ALWAYS_NESTED | set(keys) for kind, keys in CHILDREN.items()} | {
    "service_at_location": _ALWAYS_NESTED | set(CHILDREN["service_at_location"]) | {"location"},
    "taxonomy_term": _ALWAYS_NESTED | {"taxonomy_detail"},
    "attribute": _ALWAYS_NESTED | {"taxonomy_term"},
    "service": _ALWAYS_NESTED | set(CHILDREN["service"]) | {"program"},
}


@cache
def package() -> dict[str, Any]:
    """Return the HSDS 3.0 data package descriptor (tables, columns, types)."""
    return json.loads(files("lotse").joinpath("data/hsds/datapackage.json").read_text("utf-8"))  # type: ignore[no-any-return]


def _resources(descriptor: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in descriptor.get("resources", []) if isinstance(r, dict) and "name" in r}


@dataclass
class Tables:
    """A data package read into nested records, with German notes on what could not be placed."""

    organizations: list[dict[str, Any]] = field(default_factory=list)
    taxonomies: list[dict[str, Any]] = field(default_factory=list)
    terms: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def is_tabular(directory: Path) -> bool:
    """Tell whether a directory holds a CSV data package (and no organizations.json)."""
    return (directory / PACKAGE_FILE).exists() and not (directory / "organizations.json").exists()


def read_tables(directory: Path) -> Tables:
    """Read a CSV data package into nested HSDS records (organisations with their services, terms)."""
    descriptor = json.loads((directory / PACKAGE_FILE).read_text("utf-8"))
    rows: dict[str, list[dict[str, Any]]] = {}
    for name, resource in _resources(descriptor).items():
        path = directory / str(resource.get("path", ""))
        types = {f["name"]: f.get("type", "string") for f in resource.get("schema", {}).get("fields", [])}
        rows[name] = list(_read_csv(path, types)) if path.is_file() else []
    tables = Tables(taxonomies=rows.get("taxonomy", []))
    taxonomies = {t["id"]: t for t in tables.taxonomies if "id" in t}
    tables.terms = [
        {**t, "taxonomy_detail": taxonomies[t["taxonomy_id"]]} if t.get("taxonomy_id") in taxonomies else t
        for t in rows.get("taxonomy_term", [])
    ]
    objects: dict[tuple[str, str], dict[str, Any]] = {}
    for kind, kind_rows in rows.items():
        for row in kind_rows:
            if "id" in row:
                objects[(kind, row["id"])] = dict(row)
    placed: set[tuple[str, str]] = set()
    for (kind, ident), obj in objects.items():
        for column, parent_kind in PARENT_COLUMNS.get(kind, {}).items():
            parent = objects.get((parent_kind, str(obj.get(column, ""))))
            if parent is not None:
                key = next(k for k, c in CHILDREN[parent_kind].items() if c == kind)
                parent.setdefault(key, []).append(obj)
                placed.add((kind, ident))
    for kind, ident in placed:
        # Nesting says whose it is; the key columns are left out as in the JSON form (a service keeps its
        # organization_id, which HSDS JSON carries too).
        for column in PARENT_COLUMNS[kind]:
            if (kind, column) != ("service", "organization_id"):
                objects[(kind, ident)].pop(column, None)
    for (kind, _), obj in objects.items():
        if kind == "service_at_location" and (
            location := objects.get(("location", obj.get("location_id", "")))
        ):
            obj["location"] = location
            placed.add(("location", location["id"]))
        if kind == "service" and (program := objects.get(("program", obj.get("program_id", "")))):
            obj["program"] = program
    terms = {t["id"]: t for t in tables.terms if "id" in t}
    by_id = {
        ident: obj for (kind, ident), obj in objects.items() if kind in CHILDREN or kind in PARENT_COLUMNS
    }
    for kind, list_key, target, entity in (
        ("attribute", "attributes", "link_id", "link_entity"),
        ("metadata", "metadata", "resource_id", "resource_type"),
    ):
        for row in rows.get(kind, []):
            ident = str(row.get(target, ""))
            owner = objects.get((str(row.get(entity, "")), ident)) or by_id.get(ident)
            if owner is None:
                tables.notes.append(
                    f"{kind}: Zeile {row.get('id')} gehört zu keinem bekannten Datensatz ({target})"
                )
                continue
            item = dict(row)
            if kind == "attribute" and item.get("taxonomy_term_id") in terms:
                item["taxonomy_term"] = terms[item["taxonomy_term_id"]]
            owner.setdefault(list_key, []).append(item)
    tables.organizations = [obj for (kind, _), obj in objects.items() if kind == "organization"]
    for (kind, ident), _obj in objects.items():
        if kind in PARENT_COLUMNS and (kind, ident) not in placed:
            tables.notes.append(f"{kind}: Zeile {ident} gehört zu keinem bekannten Datensatz")
    return tables


def _read_csv(path: Path, types: dict[str, str]) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {k: _typed(v, types.get(k, "string")) for k, v in row.items() if k and v not in (None, "")}


def _typed(value: str, kind: str) -> Any:
    if kind == "number" or kind == "integer":
        try:
            number = float(value)
        except ValueError:
            return value  # the schema check names it
        return int(number) if number.is_integer() and "." not in value else number
    if kind == "boolean":
        return value.strip().lower() in ("true", "1", "yes")
    return value


def write_tables(
    directory: Path,
    organizations: list[dict[str, Any]],
    taxonomies: list[dict[str, Any]],
    terms: list[dict[str, Any]],
) -> dict[str, int]:
    """Write nested HSDS records as the CSV data package; return rows per table and left-out values."""
    descriptor = package()
    resources = _resources(descriptor)
    tables: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in resources}
    left_out: dict[str, int] = {}

    def add(kind: str, record: dict[str, Any]) -> None:
        columns = {f["name"] for f in resources[kind]["schema"]["fields"]}
        row = {k: v for k, v in record.items() if k in columns and not isinstance(v, dict | list)}
        for key in record:
            if key not in columns and key not in _NESTED_KEYS.get(kind, _ALWAYS_NESTED):
                left_out[f"{kind}.{key}"] = left_out.get(f"{kind}.{key}", 0) + 1
        merged = tables[kind].setdefault(str(record.get("id")), {})
        for key, value in row.items():
            merged.setdefault(key, value)

    def walk(kind: str, record: dict[str, Any], parent: tuple[str, str] | None) -> None:
        own = dict(record)
        if parent is not None and f"{parent[0]}_id" in PARENT_COLUMNS.get(kind, {}):
            own[f"{parent[0]}_id"] = parent[1]
        add(kind, own)
        for attribute in record.get("attributes") or []:
            term = attribute.get("taxonomy_term")
            if isinstance(term, dict):
                add("taxonomy_term", term)
                if isinstance(term.get("taxonomy_detail"), dict):
                    add("taxonomy", term["taxonomy_detail"])
            add("attribute", {"link_id": record.get("id"), "link_entity": kind, **attribute})
        for entry in record.get("metadata") or []:
            add("metadata", {"resource_id": record.get("id"), "resource_type": kind, **entry})
        if kind == "service_at_location" and isinstance(record.get("location"), dict):
            walk("location", record["location"], None)
        if kind == "service" and isinstance(record.get("program"), dict):
            add("program", record["program"])
        for key, child in CHILDREN.get(kind, {}).items():
            for item in record.get(key) or []:
                if isinstance(item, dict):
                    walk(child, item, (kind, str(record.get("id"))))

    for organization in organizations:
        walk("organization", organization, None)
    for taxonomy in taxonomies:
        add("taxonomy", taxonomy)
    for term in terms:
        add("taxonomy_term", term)
    left_out["Verweise auf nicht enthaltene Datensätze"] = _clear_dangling(resources, tables)
    directory.mkdir(parents=True, exist_ok=True)
    for name, resource in resources.items():
        _write_csv(directory / resource["path"], resource, list(tables[name].values()))
    (directory / PACKAGE_FILE).write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    counts = {name: len(rows) for name, rows in tables.items()}
    counts["left_out"] = sum(left_out.values())
    counts.update({f"left_out:{name}": count for name, count in left_out.items() if count})
    return counts


def _clear_dangling(
    resources: dict[str, dict[str, Any]], tables: dict[str, dict[str, dict[str, Any]]]
) -> int:
    """Empty key columns naming rows the package does not hold (a feed's references to records it never sent).

    A row whose required key names nothing (an attribute of a term no one described) cannot stand in a valid
    package and is left out. Returns how many values or rows were left out.
    """
    cleared = 0
    for name, resource in resources.items():
        required = {
            f["name"] for f in resource["schema"]["fields"] if f.get("constraints", {}).get("required")
        }
        for key in resource["schema"].get("foreignKeys", []):
            columns = key["fields"] if isinstance(key["fields"], list) else [key["fields"]]
            known = set(tables.get(key["reference"]["resource"], {}))
            for ident, row in list(tables[name].items()):
                for column in columns:
                    if row.get(column) in (None, "") or str(row[column]) in known:
                        continue
                    cleared += 1
                    if column in required:
                        del tables[name][ident]
                        break
                    del row[column]
    return cleared


def _write_csv(path: Path, resource: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    columns = [f["name"] for f in resource["schema"]["fields"]]
    times = [f["name"] for f in resource["schema"]["fields"] if f.get("type") == "time"]
    for row in rows:
        for column in times:
            # JSON feeds write "10:00"; a table schema time is "10:00:00".
            if isinstance(row.get(column), str) and len(row[column]) == 5:
                row[column] += ":00"
    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _text(row.get(k)) for k in columns})
    os.replace(tmp, path)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
