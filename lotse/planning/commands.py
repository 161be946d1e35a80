"""The planning commands: `lotse report --quarter 2026-Q4 OUT.html` and `lotse stats demo`."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from lotse.planning.periods import PeriodError, parse_named


@click.command()
@click.option("--quarter", required=True, help="Quartal, z. B. 2026-Q4.")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def report(quarter: str, out: Path) -> None:
    """Den Quartalsbericht für die Sozialkonferenz als druckbare HTML-Datei schreiben."""
    from flask import render_template
    from markupsafe import Markup

    from lotse import create_app
    from lotse.planning.report import quarter_report
    from lotse.web.planning import today

    try:
        period = parse_named(quarter)
    except PeriodError as problem:
        raise click.BadParameter(problem.message, param_hint="--quarter") from None
    if period.kind != "quarter":
        raise click.BadParameter("Bitte ein Quartal angeben, z. B. 2026-Q4.", param_hint="--quarter")
    app = create_app()
    services = app.extensions["lotse"]
    try:
        with app.app_context(), services.db.session() as session:
            css = files("lotse").joinpath("static/planning.css").read_text(encoding="utf-8")
            stylesheet = Markup(f"<style>{css}</style>")  # our own file, not user input
            html = render_template(
                "planning/report_file.html",
                report=quarter_report(session, period, today()),
                stylesheet=stylesheet,
            )
    finally:
        services.close()
    out.write_text(html, encoding="utf-8")
    click.echo(f"Quartalsbericht {period.label} geschrieben: {out}")


@click.group()
def stats() -> None:
    """Statistik der Lotsenfragen."""


@stats.command(name="demo")
@click.option("--remove", is_flag=True, help="Die Demonstrationszahlen wieder löschen.")
def demo(remove: bool) -> None:
    """Eine frische Datenbank mit Demonstrationszahlen füllen (deutlich als solche markiert)."""
    from lotse.cli import _services
    from lotse.planning.demo import DemoRefused, fill_demo, remove_demo
    from lotse.web.planning import today

    services = _services()
    if remove:
        with services.db.writing() as session:
            remove_demo(session)
        click.echo("Demonstrationszahlen gelöscht.")
        return
    try:
        rows = fill_demo(services.db, today())
    except DemoRefused as problem:
        click.echo(f"Abgelehnt: {problem}", err=True)
        raise SystemExit(1) from None
    click.echo(
        f"{rows} Zeilen Demonstrationszahlen geschrieben (ein Jahr bis gestern). Seite, API und Bericht "
        "kennzeichnen sie als Demonstration; löschen mit „lotse stats demo --remove“."
    )
