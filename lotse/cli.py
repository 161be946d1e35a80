"""The `lotse` command line: init, import, export-hsds, serve, user add."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from lotse.config import load_config
from lotse.services import Services

DEFAULT_BUNDLE = Path("seed_data")


def _services() -> Services:
    return Services(load_config())


def _print_report(report: Any) -> None:
    for kind, counts in report.counts.items():
        parts = ", ".join(f"{_OUTCOMES.get(k, k)}: {v}" for k, v in sorted(counts.items()))
        click.echo(f"{_KINDS.get(kind, kind)}: {parts}")
    for warning in report.warnings:
        click.echo(f"Hinweis: {warning}")
    for rejection in report.rejections:
        click.echo(f"Abgelehnt: {rejection}")
    if report.rejections:
        click.echo(f"{len(report.rejections)} Datensätze abgelehnt; alle gültigen wurden übernommen.")


_KINDS = {
    "districts": "Stadtteile",
    "organizations": "Organisationen",
    "services": "Angebote",
    "files": "Dateien",
}
_OUTCOMES = {"created": "neu", "updated": "geändert", "unchanged": "unverändert", "rejected": "abgelehnt"}


@click.group()
def main() -> None:
    """Lotse: Verzeichnis und Lotsenfrage für soziale Hilfsangebote."""


@main.command()
@click.option(
    "--data",
    "data",
    type=click.Path(path_type=Path),
    default=None,
    help="Datenbündel, das in eine leere Datenbank geladen wird (Standard: seed_data/).",
)
def init(data: Path | None) -> None:
    """Schema anlegen oder migrieren, bei leerer Datenbank ein Bündel laden, Index bauen."""
    from sqlalchemy import func, select

    from lotse.directory.importer import import_bundle
    from lotse.directory.inference import infer_needs
    from lotse.models import Organization
    from lotse.schema import upgrade

    services = _services()
    upgrade(services.db)
    click.echo("Datenbankschema ist aktuell.")
    with services.db.session() as session:
        empty = not session.scalar(select(func.count()).select_from(Organization))
    if empty:
        bundle = data or DEFAULT_BUNDLE
        report = import_bundle(services.db, bundle, infer=infer_needs)
        _print_report(report)
    else:
        click.echo("Datenbank enthält schon Daten: kein Import.")
    _after_data_change(services, rebuild=empty)


def _after_data_change(services: Services, *, rebuild: bool) -> None:
    """Hook for the search index: bring it up to date after data changed."""
    hook = getattr(services, "refresh_index", None)
    if hook is not None:
        hook(rebuild=rebuild)


@main.command(name="import")
@click.argument("directory", type=click.Path(path_type=Path))
def import_(directory: Path) -> None:
    """Ein Datenbündel importieren (Upsert nach Id); Ablehnungen werden einzeln gemeldet."""
    from lotse.directory.importer import BundleError, import_bundle
    from lotse.directory.inference import infer_needs
    from lotse.schema import upgrade

    services = _services()
    upgrade(services.db)
    try:
        report = import_bundle(services.db, directory, infer=infer_needs)
    except BundleError as exc:
        click.echo(f"Fehler: {exc}", err=True)
        sys.exit(1)
    _print_report(report)
    _after_data_change(services, rebuild=False)
    sys.exit(0 if report.ok else 1)


@main.command(name="export-hsds")
@click.argument("directory", type=click.Path(path_type=Path))
def export_hsds(directory: Path) -> None:
    """Das ganze Verzeichnis als HSDS-3.0-JSON schreiben."""
    from lotse.directory.export import export_hsds as run_export

    counts = run_export(_services().db, directory)
    click.echo(
        f"Geschrieben nach {directory}: {counts['organizations']} Organisationen, "
        f"{counts['services']} Angebote, {counts['districts']} Stadtteile."
    )


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int)
def serve(host: str, port: int, workers: int) -> None:
    """Lotse unter gunicorn starten."""
    from lotse.server import run

    run(host, port, workers)


@main.group()
def user() -> None:
    """Benutzerkonten verwalten."""


@user.command(name="add")
@click.argument("email")
@click.option("--role", type=click.Choice(["admin", "carrier", "caseworker"]), required=True)
@click.option("--org", "org", default=None, help="Id der Organisation (für Trägerkonten).")
def user_add(email: str, role: str, org: str | None) -> None:
    """Konto anlegen; das Passwort kommt von der Standardeingabe."""
    from lotse.accounts.users import AccountError, create_user
    from lotse.schema import upgrade

    password = sys.stdin.readline().rstrip("\r\n")
    services = _services()
    upgrade(services.db)
    try:
        with services.db.writing() as session:
            create_user(session, email, password, role, org)
    except AccountError as exc:
        click.echo(f"Fehler: {exc}", err=True)
        sys.exit(1)
    click.echo(f"Konto {email} ({role}) angelegt.")
