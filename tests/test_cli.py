"""The `lotse` command line: init, import, export-hsds and user add."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from lotse.cli import main
from lotse.db import Database
from lotse.models import Offer, Organization, User
from tests import builders
from tests.conftest import MUSTERHAUSEN, requires_shared


@pytest.fixture
def env(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("LOTSE_DATABASE_URL", database_url)
    monkeypatch.setenv("LOTSE_INSTANCE_DIR", str(tmp_path / "instance"))
    database = Database(database_url)
    yield database
    database.dispose()


def _offers(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Offer)) or 0


@requires_shared()
def test_init_loads_the_bundle_into_an_empty_database_once(env: Database) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["init", "--data", str(MUSTERHAUSEN)])
    assert first.exit_code == 0, first.output
    assert _offers(env) == 45
    second = runner.invoke(main, ["init", "--data", str(MUSTERHAUSEN)])
    assert second.exit_code == 0 and "kein Import" in second.output
    assert _offers(env) == 45


@requires_shared()
def test_import_exits_zero_and_reports_counts(env: Database) -> None:
    result = CliRunner().invoke(main, ["import", str(MUSTERHAUSEN)])
    assert result.exit_code == 0
    assert "Angebote: neu: 45" in result.output


def test_import_with_rejections_exits_one_and_names_them(env: Database, tmp_path: Path) -> None:
    bad = builders.service("Kaputt", codes=("XYZ.ABC",))
    bundle = builders.write_bundle(tmp_path / "b", [builders.organization(builders.service("Gut"), bad)])
    result = CliRunner().invoke(main, ["import", str(bundle)])
    assert result.exit_code == 1
    assert "Abgelehnt:" in result.output and "XYZ.ABC" in result.output
    assert _offers(env) == 1


def test_import_of_missing_directory_fails_in_german(env: Database, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", str(tmp_path / "fehlt")])
    assert result.exit_code == 1 and "gibt es nicht" in result.output


@requires_shared()
def test_export_writes_the_bundle_files(env: Database, tmp_path: Path) -> None:
    CliRunner().invoke(main, ["import", str(MUSTERHAUSEN)])
    result = CliRunner().invoke(main, ["export-hsds", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"organizations.json", "districts.geojson"}


def test_user_add_reads_the_password_from_stdin_and_hashes_it(env: Database) -> None:
    result = CliRunner().invoke(
        main, ["user", "add", "a@example.org", "--role", "admin"], input="ein-langes-passwort\n"
    )
    assert result.exit_code == 0, result.output
    with env.session() as session:
        user = session.scalars(select(User)).one()
    assert user.password_hash.startswith("$argon2id$")


def test_carrier_user_needs_an_existing_organisation(env: Database) -> None:
    result = CliRunner().invoke(
        main,
        ["user", "add", "c@example.org", "--role", "carrier", "--org", "nope"],
        input="ein-langes-passwort\n",
    )
    assert result.exit_code == 1 and "Organisation" in result.output


def _two_organisations(tmp_path: Path) -> None:
    first = builders.organization(builders.service("Tafel"), name="Bocholter Tafel e.V.")
    second = builders.organization(builders.service("Frauenhaus"), name="Caritasverband Bocholt")
    bundle = builders.write_bundle(tmp_path / "bundle", [first, second])
    assert CliRunner().invoke(main, ["import", str(bundle)]).exit_code == 0


def _add_carrier(org: str) -> Any:
    command = ["user", "add", "c@example.org", "--role", "carrier", "--org", org]
    return CliRunner().invoke(main, command, input="ein-langes-passwort\n")


def test_user_add_takes_a_unique_part_of_the_organisations_name(env: Database, tmp_path: Path) -> None:
    _two_organisations(tmp_path)
    result = _add_carrier("tafel")
    assert result.exit_code == 0, result.output
    with env.session() as session:
        user = session.scalars(select(User)).one()
        organization = session.get(Organization, user.organization_id)
        assert organization is not None and organization.name == "Bocholter Tafel e.V."


def test_user_add_names_every_organisation_an_ambiguous_part_fits(env: Database, tmp_path: Path) -> None:
    _two_organisations(tmp_path)
    result = _add_carrier("bocholt")
    assert result.exit_code == 1
    assert "mehreren Organisationen" in result.output and "Caritasverband Bocholt" in result.output


def test_org_list_shows_names_with_ids(env: Database, tmp_path: Path) -> None:
    _two_organisations(tmp_path)
    result = CliRunner().invoke(main, ["org", "list"])
    lines = result.output.splitlines()
    assert [line.split("\t")[1] for line in lines] == ["Bocholter Tafel e.V.", "Caritasverband Bocholt"]
    assert all(line.split("\t")[0] for line in lines)


def test_serve_refuses_to_start_without_rules(
    env: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOTSE_RULES", str(tmp_path / "fehlt.yaml"))
    result = CliRunner().invoke(main, ["serve", "--port", "1"])
    assert result.exit_code == 1 and "Keine Regeldatei gefunden" in result.output


def test_serve_refuses_to_start_with_broken_rules(
    env: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "rules.yaml").write_text("rules:\n  - id: a\n    when: {need: GEL.NIX}\n", encoding="utf-8")
    monkeypatch.setenv("LOTSE_RULES", str(tmp_path / "rules.yaml"))
    result = CliRunner().invoke(main, ["serve", "--port", "1"])
    assert result.exit_code == 1 and "Regeldatei nicht nutzbar" in result.output


def test_rules_check_names_every_problem_with_its_line_and_exits_one(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "rules:\n  - id: a\n    when: {alter: 3}\n    then:\n      - promote: {by: 1}\n        reason: W.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["rules", "check", str(path)])
    assert result.exit_code == 1
    assert "rules.yaml, Zeile 3: Regel „a“, when: unbekannte Bedingung „alter“" in result.output
    assert "rules.yaml, Zeile 5: Regel „a“, then: unbekannte Wirkung „promote“" in result.output


def test_rules_check_accepts_the_shipped_rules() -> None:
    from lotse.routing.sources import DEFAULT_RULES

    result = CliRunner().invoke(main, ["rules", "check", str(DEFAULT_RULES)])
    assert result.exit_code == 0 and "alle gültig" in result.output


def test_rules_list_shows_every_condition_and_effect_with_its_form() -> None:
    from lotse.routing.rules import CONDITIONS, EFFECTS

    result = CliRunner().invoke(main, ["rules", "list"])
    assert result.exit_code == 0
    assert all(
        f"  {kind.syntax}\n      {kind.description}" in result.output for kind in (*CONDITIONS, *EFFECTS)
    )
