"""Tabular HSDS: the specification's CSV data package is read as a bundle and written so that it validates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from frictionless import validate

from lotse.db import Database
from lotse.directory.export import export_hsds
from lotse.directory.importer import import_bundle
from lotse.schema import upgrade
from tests.conftest import MUSTERHAUSEN, SHARED, requires_shared
from tests.directory.hsds_compare import losses

pytestmark = requires_shared()
CSV_EXAMPLE = SHARED / "hsds/examples/csv"
EDGE = SHARED / "hsds-outside/edge-cases"


def _package_errors(directory: Path) -> list[str]:
    report = validate(str(directory / "datapackage.json"))
    return [f"{task.name}: {error.note}" for task in report.tasks for error in task.errors]


def test_official_csv_example_imports(db: Database) -> None:
    report = import_bundle(db, CSV_EXAMPLE)
    assert report.rejections == []
    assert (report.counts["organizations"]["created"], report.counts["services"]["created"]) == (1, 1)


def test_official_csv_example_gives_the_same_service_as_the_json_example(
    db: Database, tmp_path: Path
) -> None:
    import_bundle(db, CSV_EXAMPLE)
    export_hsds(db, tmp_path)
    (org,) = json.loads((tmp_path / "organizations.json").read_text())
    example = json.loads((SHARED / "hsds/examples/organization_full.json").read_text())["services"][0]
    (service,) = org["services"]
    for key in ("name", "url", "minimum_age", "last_modified", "assured_date"):
        assert service[key] == example[key], key
    assert [s["id"] for s in service["schedules"]] == [s["id"] for s in example["schedules"]]
    assert service["service_areas"][0]["name"] == example["service_areas"][0]["name"]


@pytest.mark.parametrize("bundle", [MUSTERHAUSEN, EDGE, CSV_EXAMPLE], ids=["musterhausen", "edge", "csv"])
def test_csv_export_validates_against_the_data_package(db: Database, tmp_path: Path, bundle: Path) -> None:
    import_bundle(db, bundle)
    export_hsds(db, tmp_path / "csv", tabular=True)
    assert _package_errors(tmp_path / "csv") == []


def test_csv_export_reads_back_into_the_same_directory(db: Database, tmp_path: Path) -> None:
    import_bundle(db, MUSTERHAUSEN)
    export_hsds(db, tmp_path / "json")
    export_hsds(db, tmp_path / "csv", tabular=True)
    other = Database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    upgrade(other)
    report = import_bundle(other, tmp_path / "csv")
    export_hsds(other, tmp_path / "again")
    other.dispose()
    assert report.rejections == []
    first = json.loads((tmp_path / "json/organizations.json").read_text())
    again = json.loads((tmp_path / "again/organizations.json").read_text())
    assert losses(first, again) == []


def test_csv_directory_without_organizations_json_is_read_as_tables(db: Database, tmp_path: Path) -> None:
    shutil.copytree(CSV_EXAMPLE, tmp_path / "csv")
    (tmp_path / "csv/services.csv").unlink()
    report = import_bundle(db, tmp_path / "csv")
    assert report.counts["organizations"]["created"] == 1 and "services" not in report.counts
