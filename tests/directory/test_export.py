"""Export as HSDS 3.0: valid against the official schemas, and import of an export is lossless."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from lotse.db import Database
from lotse.directory.export import export_hsds
from lotse.directory.importer import import_bundle
from lotse.schema import upgrade
from tests.conftest import MUSTERHAUSEN, SEED, SHARED, requires_shared

COMPILED = SHARED / "hsds/schema/compiled"


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((COMPILED / f"{name}.json").read_text())
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@requires_shared()
@pytest.mark.parametrize("bundle", [MUSTERHAUSEN, SEED], ids=["musterhausen", "seed"])
def test_every_exported_organization_validates(db: Database, tmp_path: Path, bundle: Path) -> None:
    import_bundle(db, bundle)
    export_hsds(db, tmp_path / "out")
    validator = _validator("organization")
    organizations = json.loads((tmp_path / "out/organizations.json").read_text())
    errors = [(o["name"], e.message) for o in organizations for e in validator.iter_errors(o)]
    assert errors == []


@requires_shared()
def test_exported_taxonomy_terms_validate(db: Database, tmp_path: Path) -> None:
    import_bundle(db, MUSTERHAUSEN)
    export_hsds(db, tmp_path / "out")
    schema = json.loads((SHARED / "hsds/schema/taxonomy_term.json").read_text())
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    terms = json.loads((tmp_path / "out/taxonomy_terms.json").read_text())
    assert len(terms) >= 70 + 13 + 23
    assert [e.message for t in terms for e in validator.iter_errors(t)] == []


@requires_shared()
def test_import_of_an_export_gives_back_the_same_directory(db: Database, tmp_path: Path) -> None:
    import_bundle(db, MUSTERHAUSEN)
    export_hsds(db, tmp_path / "first")
    other = Database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    upgrade(other)
    report = import_bundle(other, tmp_path / "first")
    assert report.rejections == []
    export_hsds(other, tmp_path / "second")
    other.dispose()
    for name in ("organizations.json", "districts.geojson", "taxonomy_terms.json"):
        first = json.loads((tmp_path / "first" / name).read_text())
        assert first == json.loads((tmp_path / "second" / name).read_text()), name


@requires_shared()
def test_reimporting_an_export_into_the_same_database_changes_nothing(db: Database, tmp_path: Path) -> None:
    import_bundle(db, MUSTERHAUSEN)
    export_hsds(db, tmp_path / "out")
    report = import_bundle(db, tmp_path / "out")
    assert report.rejections == []
    assert set(report.counts["organizations"]) == {"unchanged"}
