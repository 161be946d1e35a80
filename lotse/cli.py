"""The `lotse` command line: init, import, export-hsds, serve, rules, user add."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from lotse.config import load_config
from lotse.services import Services

DEFAULT_BUNDLE = Path("seed_data")


def _services() -> Services:
    services = Services(load_config())
    # Close the database connections (and the search index) when the command ends, however it ends.
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(services.close)
    return services


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
    "rules": "Regeldatei (rules.yaml)",
    "files": "Dateien",
    "fields": "Einzelne Felder",
    "taxonomies": "Taxonomien",
    "taxonomy_terms": "Taxonomie-Begriffe",
}
_OUTCOMES = {
    "created": "neu",
    "updated": "geändert",
    "unchanged": "unverändert",
    "rejected": "abgelehnt",
    "repaired": "repariert",
    "dropped": "verworfen",
    "imported": "übernommen",
    "kept": "Lotse-eigene, unverändert",
}


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
    from lotse.models import Organization
    from lotse.schema import upgrade

    services = _services()
    upgrade(services.db)
    click.echo("Datenbankschema ist aktuell.")
    with services.db.session() as session:
        empty = not session.scalar(select(func.count()).select_from(Organization))
    if empty:
        bundle = data or DEFAULT_BUNDLE
        report = import_bundle(services.db, bundle, infer=services.infer_needs, progress=_progress())
        _import_rules(services, bundle, report)
        _print_report(report)
    else:
        click.echo("Datenbank enthält schon Daten: kein Import.")
    _after_data_change(services, rebuild=empty)
    _require_rules(services)


#: Seconds between two progress lines of an import.
PROGRESS_SECONDS = 5.0


def _progress() -> Callable[[int, int], None]:
    """Print how far an import is, every few seconds (on standard error): a short import stays quiet."""
    started = time.monotonic()
    last = [started]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_SECONDS and total:
            last[0] = now
            click.echo(f"Import: {done} von {total} Organisationen ({now - started:.0f} s) …", err=True)

    return show


def _import_rules(services: Services, bundle: Path, report: Any) -> None:
    """Validate and install a bundle's routing rules (rules.yaml); each problem is rejected with its line."""
    from lotse.directory.importer import Rejection
    from lotse.routing.sources import RULES_FILE, install_bundle_rules

    problems = install_bundle_rules(bundle, services.instance_dir)
    if problems is None:
        return
    if not problems:
        report.count("rules", "created")
    for problem in problems:
        where = f"Zeile {problem.line}" if problem.line else ""
        report.reject(Rejection(RULES_FILE, where, None, None, problem.message), "rules")


def _after_data_change(services: Services, *, rebuild: bool) -> None:
    """Hook for the search index: bring it up to date after data changed."""
    hook = getattr(services, "refresh_index", None)
    if hook is not None:
        message = hook(rebuild=rebuild)
        if message:
            click.echo(message)


@main.command(name="import")
@click.argument("directory", type=click.Path(path_type=Path))
def import_(directory: Path) -> None:
    """Ein Datenbündel importieren (Upsert nach Id); Ablehnungen werden einzeln gemeldet."""
    from lotse.directory.importer import BundleError, import_bundle
    from lotse.schema import upgrade

    services = _services()
    upgrade(services.db)
    try:
        report = import_bundle(services.db, directory, infer=services.infer_needs, progress=_progress())
    except BundleError as exc:
        click.echo(f"Fehler: {exc}", err=True)
        sys.exit(1)
    _import_rules(services, directory, report)
    _print_report(report)
    _after_data_change(services, rebuild=False)
    sys.exit(0 if report.ok else 1)


@main.command(name="export-hsds")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--csv", "tabular", is_flag=True, help="Als tabellarisches HSDS (CSV-Datenpaket) schreiben.")
def export_hsds(directory: Path, tabular: bool) -> None:
    """Das ganze Verzeichnis als HSDS-3.0-JSON (oder mit --csv als CSV-Datenpaket) schreiben."""
    from lotse.directory.export import export_hsds as run_export

    counts = run_export(_services().db, directory, tabular=tabular)
    click.echo(
        f"Geschrieben nach {directory}: {counts['organizations']} Organisationen, "
        f"{counts['services']} Angebote, {counts['districts']} Stadtteile."
    )
    if counts.get("csv_left_out"):
        details = ", ".join(
            f"{name.removeprefix('csv_left_out:')} ({count})"
            for name, count in sorted(counts.items())
            if name.startswith("csv_left_out:")
        )
        click.echo(
            f"Hinweis: {counts['csv_left_out']} Werte haben keinen Platz im CSV-Datenpaket und fehlen dort "
            f"(das JSON-Format enthält sie): {details}."
        )


@main.command()
def reindex() -> None:
    """Den Suchindex aus der Datenbank neu bauen (neue Generation, atomar umgeschaltet)."""
    from lotse.schema import upgrade

    services = _services()
    upgrade(services.db)
    try:
        click.echo(services.search.refresh(rebuild=True))
    finally:
        services.close()


@main.command(name="check-index")
def check_index() -> None:
    """Index und aktive Angebote vergleichen (Ids und Versionen); Exit 1 bei Abweichungen."""
    from lotse.search.meta import IndexUnavailable

    services = _services()
    try:
        found = services.search.check()
    except IndexUnavailable as exc:
        click.echo(f"Kein lesbarer Suchindex ({exc}). Abhilfe: lotse reindex", err=True)
        sys.exit(1)
    finally:
        services.close()
    for ident in found.missing:
        click.echo(f"Fehlt im Index: {ident}")
    for ident in found.extra:
        click.echo(f"Im Index, aber nicht aktiv in der Datenbank: {ident}")
    for ident, indexed, current in found.stale:
        click.echo(f"Veraltet im Index: {ident} (Index Version {indexed}, Datenbank Version {current})")
    if found:
        click.echo(f"{len(found.ids)} Abweichungen. Abhilfe: lotse reindex")
        sys.exit(1)
    click.echo("Suchindex und Datenbank stimmen überein.")


@main.command()
@click.option(
    "--corpus",
    "corpus",
    multiple=True,
    type=click.Path(path_type=Path, exists=True),
    help="JSONL-Datei oder Ordner mit gelabelten Situationen (Vorgabe: corpus/train/).",
)
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Zieldatei des Modells.")
@click.option(
    "--writer-labels",
    is_flag=True,
    help="Mit den Bedarfen der Schreiber trainieren, auch wo zweite Leser die Texte gelabelt haben "
    "(corpus/agreement/train/).",
)
def train(corpus: tuple[Path, ...], out: Path | None, writer_labels: bool) -> None:
    """Train the need model from the labelled corpus (needs scikit-learn: pip install '.[train]')."""
    from lotse.routing.training import default_corpus, development_sets, load_corpus, second_readers
    from lotse.routing.training import train as train_model

    files: list[Path] = []
    for item in corpus or default_corpus():
        files.extend(sorted(item.glob("*.jsonl")) if item.is_dir() else [item])
    if not files:
        raise click.ClickException("Kein Korpus gefunden: --corpus DATEI oder ORDNER angeben.")
    try:
        examples = load_corpus(files, None if writer_labels else second_readers())
        train_model(
            examples,
            out or Path(__file__).parent / "data" / "need_model.npz",
            log=click.echo,
            development=development_sets(),
        )
    except (ValueError, KeyError) as exc:
        raise click.ClickException(str(exc)) from exc
    except ImportError as exc:
        raise click.ClickException(
            "scikit-learn fehlt: Training braucht die Entwicklungsabhängigkeiten (pip install '.[train]')."
        ) from exc


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int)
def serve(host: str, port: int, workers: int) -> None:
    """Lotse unter gunicorn starten."""
    from lotse.server import run

    _require_rules(_services())
    run(host, port, workers)


def _require_rules(services: Services) -> None:
    """Stop with a German message when no usable rules file is in force (emergencies must not vanish)."""
    from lotse.routing.rules import RulesError

    try:
        services.check_rules()
    except RulesError as exc:
        click.echo(f"Fehler: Regeldatei nicht nutzbar – {exc}", err=True)
        click.echo(
            "Lotse startet nicht ohne Regeln (Notfälle zuerst). Siehe README, Abschnitt Rules.", err=True
        )
        sys.exit(1)
    finally:
        services.close()


@main.group()
def rules() -> None:
    """Die Regelsprache auflisten und Regeldateien prüfen."""


@rules.command(name="list")
def rules_list() -> None:
    """Alle Bedingungen, Wirkungen und Auswahlen der Regeln mit ihrer Form auflisten."""
    from lotse.routing.rules import describe

    click.echo(describe())


@rules.command(name="check")
@click.argument("path", type=click.Path(path_type=Path))
def rules_check(path: Path) -> None:
    """Eine Regeldatei prüfen: jedes Problem mit seiner Zeile; Exit 1, wenn eines gefunden wird."""
    from lotse.routing.rules import RulesError, load_rules

    try:
        ruleset = load_rules(path)
    except RulesError as exc:
        for problem in exc.problems:
            click.echo(f"{exc.source}, {problem}")
        count = len(exc.problems)
        click.echo(
            f"{count} {'Problem' if count == 1 else 'Probleme'}: so ist die Datei nicht nutzbar.", err=True
        )
        sys.exit(1)
    click.echo(f"{path.name}: {len(ruleset)} Regeln, alle gültig.")


@main.command(name="widget-demo")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--lotse-url", default="http://127.0.0.1:8000", show_default=True, help="Adresse von Lotse.")
@click.option("--district", default=None, help="Voreingestellter Stadtteil (data-district).")
@click.option("--need", default=None, help="Voreingestellter Bedarf (data-need).")
def widget_demo(port: int, lotse_url: str, district: str | None, need: str | None) -> None:
    """Eine fremde Beispielseite mit dem Lotse-Suchfeld auf 127.0.0.1:PORT zeigen (zweiter Ursprung)."""
    from lotse.web.widget import DemoServer

    server = DemoServer("127.0.0.1", port, lotse_url, district, need)
    click.echo(f"Beispielseite: {server.url} (bettet {lotse_url.rstrip('/')}/widget.js ein); Ende: Strg+C.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.group()
def user() -> None:
    """Benutzerkonten verwalten."""


@user.command(name="add")
@click.argument("email")
@click.option("--role", type=click.Choice(["admin", "carrier", "caseworker", "planner"]), required=True)
@click.option(
    "--org",
    "org",
    default=None,
    help="Organisation (für Trägerkonten): Id, Name oder ein eindeutiger Teil davon.",
)
def user_add(email: str, role: str, org: str | None) -> None:
    """Konto anlegen; das Passwort kommt von der Standardeingabe."""
    from lotse.accounts.users import AccountError, create_user, resolve_organization
    from lotse.schema import upgrade

    password = sys.stdin.readline().rstrip("\r\n")
    services = _services()
    try:
        upgrade(services.db)
        with services.db.writing() as session:
            create_user(session, email, password, role, resolve_organization(session, org) if org else None)
    except AccountError as exc:
        click.echo(f"Fehler: {exc}", err=True)
        sys.exit(1)
    finally:
        services.close()
    click.echo(f"Konto {email} ({role}) angelegt.")


@main.group()
def org() -> None:
    """Organisationen (Träger) anzeigen."""


@org.command(name="list")
def org_list() -> None:
    """Alle Organisationen mit ihrer Id und der Zahl ihrer Angebote zeigen."""
    from lotse.directory import reading

    services = _services()
    try:
        with services.db.session() as session:
            counts = reading.offer_counts(session)
            for organization in session.scalars(reading.organizations_query()):
                click.echo(
                    f"{organization.id}\t{organization.name}\t{counts.get(organization.id, 0)} Angebote"
                )
    finally:
        services.close()


@user.command(name="list")
def user_list() -> None:
    """Alle Konten mit Rolle, Organisation und Status zeigen."""
    from lotse.accounts.users import list_users

    services = _services()
    try:
        with services.db.session() as session:
            for account in list_users(session):
                state = "aktiv" if account.active else "deaktiviert"
                click.echo(f"{account.email}\t{account.role}\t{account.organization_id or '-'}\t{state}")
    finally:
        services.close()


@user.command(name="deactivate")
@click.argument("email")
def user_deactivate(email: str) -> None:
    """Konto deaktivieren: Anmeldungen enden, API-Tokens werden widerrufen (nichts wird gelöscht)."""
    from lotse.accounts.users import find_user, set_active

    services = _services()
    try:
        with services.db.writing() as session:
            account = find_user(session, email)
            if account is not None:
                set_active(session, account.id, False)
    finally:
        services.close()
    if account is None:
        click.echo(f"Fehler: Ein Konto „{email}“ gibt es nicht.", err=True)
        sys.exit(1)
    click.echo(f"Konto {email} deaktiviert.")


def _add_planning_commands() -> None:
    from lotse.planning.commands import report, stats

    main.add_command(report)
    main.add_command(stats)


_add_planning_commands()
