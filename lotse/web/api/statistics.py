"""GET /api/v1/statistics/needs: demand, unmet demand and supply per district and need, for planners.

Counts of fewer than 5 questions are null (JSON) or "< 5" (CSV), as on the planning page.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Response
from flask.typing import ResponseReturnValue

from lotse.accounts.authorization import require_planner
from lotse.planning.figures import NO_DISTRICT_NAME, Row, display
from lotse.planning.periods import Period, PeriodError
from lotse.planning.view import Selection, compute
from lotse.web.api import bp
from lotse.web.api.statistics_schemas import NeedStatisticsSchema, StatisticsArgsSchema
from lotse.web.auth import api_user
from lotse.web.deps import session
from lotse.web.errors import APIError
from lotse.web.params import load_args
from lotse.web.planning import today

_ARGS = StatisticsArgsSchema()
_ANSWER = NeedStatisticsSchema()
#: German column names of the CSV, in the order of the JSON fields.
CSV_COLUMNS = (
    "Stadtteil-Id",
    "Stadtteil",
    "Bedarfscode",
    "Bedarf",
    "Fragen",
    "davon ungedeckt",
    "Fragen ohne erkannten Bedarf (Stadtteil)",
    "Angebote im Stadtteil",
    "Angebote in Nachbarstadtteilen",
    "stadtweite Angebote",
)


@bp.get("/statistics/needs")
def statistics_needs() -> ResponseReturnValue:
    """Demand and supply per district and need for social planning.
    ---
    get:
      summary: Sozialplanung – Nachfrage, ungedeckte Nachfrage und Angebote je Stadtteil und Bedarf
      description: >
        Nur für Konten der Sozialplanung und der Administration (Bearer-Token). Zählt die Lotsenfragen im
        Zeitraum (nie ihren Text): je Stadtteil und Bedarf die Fragen, davon ungedeckte (kein Angebot im
        Stadtteil, in einem Nachbarstadtteil oder stadtweit), die Fragen ohne erkannten Bedarf, und die
        aktiven Angebote nach Reichweite. Zahlen unter 5 sind null (CSV „< 5“) und in keiner Summe
        enthalten. `format=csv` liefert dasselbe für Excel (Semikolon, UTF-8 mit BOM).
      security: [{bearer: []}]
      parameters:
        - in: query
          schema: StatisticsArgsSchema
      responses:
        200:
          content:
            application/json: {schema: NeedStatisticsSchema}
            text/csv: {schema: {type: string}}
        401: Error401
        403: Error403
        422: Error422
        429: Error429
    """
    require_planner(api_user())
    args = load_args(_ARGS)
    period = Period(args["from_"], args["to"], f"{args['from_']:%d.%m.%Y} bis {args['to']:%d.%m.%Y}")
    selection = Selection(period, args["need"], args["district"])
    try:
        figures = compute(session(), selection, today())
    except PeriodError as problem:
        field = "district" if "Stadtteil" in problem.message else "need"
        raise APIError(422, problem.message, fields={field: problem.message}) from None
    rows = [r for r in figures.rows if r.questions != 0 or _has_supply(r)]
    if args["format"] == "csv":
        return _csv(rows, period)
    body: dict[str, Any] = _ANSWER.dump(
        {"period_from": period.start, "period_to": period.end, "demo": figures.demo,
         "rows": [r.as_dict() for r in rows]}
    )  # fmt: skip
    return body, 200, {"Cache-Control": "no-store"}


def _has_supply(row: Row) -> bool:
    return bool(row.offers_in_district or row.offers_near or row.offers_city_wide)


def _csv(rows: list[Row], period: Period) -> Response:
    """The rows as CSV for German Excel: semicolons, UTF-8 with BOM, "< 5" for hidden counts."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(
            (
                r.district or "",
                r.district_name if r.district else NO_DISTRICT_NAME,
                r.need,
                r.need_label,
                display(r.questions),
                display(r.unmet),
                display(r.no_need),
                r.offers_in_district,
                r.offers_near,
                r.offers_city_wide,
            )
        )
    name = f"lotse-bedarfe-{period.start.isoformat()}-{period.end.isoformat()}.csv"
    return Response(
        "\ufeff" + out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )
