"""The Sozialplanung page (/planung) for planners and admins: map, gaps table, trend and the quarterly report.

Pictures are SVG drawn by the server and loaded as images of this site; every picture has a table beside it.
The SVG answers carry their own Content-Security-Policy: matplotlib styles its drawing with inline styles,
which an image may use, while scripts and every outside request stay forbidden.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, Response, render_template, request, url_for
from flask.typing import ResponseReturnValue

from lotse.accounts.authorization import require_planner
from lotse.directory.schedule import TIMEZONE
from lotse.planning import charts
from lotse.planning.figures import HIDDEN, MIN_CELL, display
from lotse.planning.periods import Period, PeriodError, month_label, parse_named, parse_span, recent_choices
from lotse.planning.report import quarter_report
from lotse.planning.view import MEASURES, Figures, Selection, compute, districts_of
from lotse.taxonomy import load_taxonomy
from lotse.web.auth import current_user, login_required
from lotse.web.deps import session

bp = Blueprint("planning", __name__, url_prefix="/planung")

#: Images need inline styles (matplotlib's SVG uses them); nothing else is allowed in them.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; frame-ancestors 'self'"


def today() -> date:
    """Return today's date in Bocholt."""
    from datetime import datetime

    return datetime.now(TIMEZONE).date()


@bp.before_request
@login_required
def _planners_only() -> ResponseReturnValue | None:
    require_planner(current_user())
    return None


@bp.after_request
def _private(response: Response) -> Response:
    # Planning figures are for signed-in planners: no shared cache may keep them.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_context_processor
def _planning_helpers() -> dict[str, Any]:
    return {"count": display, "month_label": month_label, "hidden_text": HIDDEN, "min_cell": MIN_CELL}


def _selection(args: Any) -> tuple[Selection, dict[str, str], str | None]:
    """Read the planner's choice from the query string; a bad one falls back to this month with a message."""
    form = {
        k: (args.get(k) or "").strip() for k in ("zeitraum", "von", "bis", "bedarf", "stadtteil", "karte")
    }
    error = None
    period: Period
    try:
        if form["zeitraum"] in ("", "frei") and (form["von"] or form["bis"]):
            period = parse_span(form["von"], form["bis"])
            form["zeitraum"] = "frei"
        else:
            period = parse_named(form["zeitraum"] or f"{today():%Y-%m}")
            form["zeitraum"] = form["zeitraum"] or f"{today():%Y-%m}"
    except PeriodError as problem:
        error = problem.message
        period = parse_named(f"{today():%Y-%m}")
    measure = form["karte"] if form["karte"] in MEASURES else "demand"
    return Selection(period, form["bedarf"] or None, form["stadtteil"] or None, measure), form, error


def _figures() -> tuple[Figures, dict[str, str], str | None]:
    selection, form, error = _selection(request.args)
    try:
        return compute(session(), selection, today()), form, error
    except PeriodError as problem:
        fallback = Selection(selection.period, None, None, selection.measure)
        form.update(bedarf="", stadtteil="")
        return compute(session(), fallback, today()), form, problem.message


def _need_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    taxonomy = load_taxonomy()
    return [
        (
            area.label,
            [(area.code, f"{area.label} (ganzer Bereich)")] + [(c, taxonomy.label(c)) for c in area.needs],
        )
        for area in taxonomy.areas.values()
    ]


def _titles(figures: Figures) -> dict[str, str]:
    selection = figures.selection
    return {
        "map": f"{MEASURES[selection.measure]}: {figures.need_label}, {selection.period.label}",
        "trend": f"Fragen je Monat: {figures.need_label}, {selection.period.label}",
    }


@bp.get("/")
def home() -> ResponseReturnValue:
    """The planning page: choose period and need; map, gaps, trend and upkeep of the offers."""
    figures, form, error = _figures()
    query = {k: v for k, v in request.args.items() if k in form}
    return render_template(
        "planning/home.html",
        figures=figures,
        form=form,
        error=error,
        titles=_titles(figures),
        periods=recent_choices(today()),
        needs=_need_choices(),
        districts=districts_of(session()),
        measures=MEASURES,
        query=query,
        csv_url=_csv_url(figures.selection),
    ), (422 if error else 200)


def _csv_url(selection: Selection) -> str:
    args = {
        "from": selection.period.start.isoformat(),
        "to": selection.period.end.isoformat(),
        "format": "csv",
    }
    if selection.need:
        args["need"] = selection.need
    if selection.district:
        args["district"] = selection.district
    return url_for("api.statistics_needs", **args)


def _svg(body: str) -> Response:
    response = Response(body, mimetype="image/svg+xml")
    response.headers["Content-Security-Policy"] = SVG_POLICY
    return response


@bp.get("/karte.svg")
def map_image() -> ResponseReturnValue:
    """The district map of the selection, shaded by demand or unmet demand."""
    figures, _form, _error = _figures()
    return _svg(charts.map_svg(figures.areas, _titles(figures)["map"], figures.selection.measure))


@bp.get("/verlauf.svg")
def trend_image() -> ResponseReturnValue:
    """The questions per month of the selection as a bar chart."""
    figures, _form, _error = _figures()
    return _svg(charts.trend_svg(figures.trend, _titles(figures)["trend"]))


@bp.get("/bericht")
def report() -> ResponseReturnValue:
    """The quarterly report for the Sozialkonferenz (printable, one page per topic)."""
    value = (request.args.get("quartal") or "").strip() or _current_quarter()
    try:
        period = parse_named(value)
    except PeriodError as problem:
        return render_template("planning/report_error.html", message=problem.message), 422
    if period.kind != "quarter":
        return render_template(
            "planning/report_error.html", message="Bitte ein Quartal wählen, z. B. 2026-Q4."
        ), 422
    report_ = quarter_report(session(), period, today())
    return render_template("planning/report.html", report=report_, quarter=value)


def _current_quarter() -> str:
    now = today()
    return f"{now.year}-Q{(now.month - 1) // 3 + 1}"
