"""POST /api/v1/route: the Lotse question (CONTRACT section 3). The situation is never stored or logged."""

from __future__ import annotations

import atexit
import weakref
from typing import Any

from flask import current_app
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue

from lotse.routing.service import RouteRequest
from lotse.routing.stats import RouteStats
from lotse.web.api import bp
from lotse.web.api.route_schemas import RouteAnswerSchema, RouteRequestSchema
from lotse.web.deps import services
from lotse.web.errors import APIError
from lotse.web.params import load_json

_STATS = "lotse.route_stats"
#: Schemas are built once: building one costs more than loading or dumping with it.
_REQUEST = RouteRequestSchema()
_ANSWER = RouteAnswerSchema()
#: Recorders of the apps still alive; their last counts are written when the process ends.
_LIVE: weakref.WeakSet[RouteStats] = weakref.WeakSet()


@bp.record_once
def _keep_offers_current(state: BlueprintSetupState) -> None:
    # A serving process reads its offers before it takes questions and follows changes in the
    # background, so no question pays for reading them (tests drive the pool themselves).
    app = state.app
    if app.config.get("SEARCH_BACKGROUND", not app.testing):
        app.extensions["lotse"].warm_up()


@atexit.register
def _flush_all() -> None:
    for stats in list(_LIVE):
        stats.flush()


def route_stats() -> RouteStats:
    """Return the app's statistics recorder (created on first use, flushed when the process ends)."""
    stats = current_app.extensions.get(_STATS)
    if stats is None:
        flush = float(current_app.config["ROUTE_STATS_FLUSH_SECONDS"])
        router = services().router
        stats = RouteStats(services().db, flush_seconds=flush, neighbours=router.neighbours, background=True)
        _LIVE.add(stats)
        current_app.extensions[_STATS] = stats
    assert isinstance(stats, RouteStats)
    return stats


@bp.post("/route")
def route() -> ResponseReturnValue:
    """The Lotse question: from a described situation to needs and referrals with reasons.
    ---
    post:
      summary: Lotsenfrage – von der geschilderten Lage zu passenden Angeboten
      description: >
        Erkennt die Bedarfe in der Schilderung (nur die, die Lotse für vorhanden hält; Notfälle zuerst,
        dann die wahrscheinlichsten) und nennt je Bedarf höchstens `limit` passende Angebote, geordnet nach
        Bedarf und Rang, jeweils mit Begründungen. Notfall-Angebote (rund um die Uhr, Krisenhilfe) stehen
        oben und tragen `emergency: true`. `need` ist null bei einem Angebot, das zur Schilderung passt,
        aber zu keinem erkannten Bedarf. Angebote außerhalb ihrer Altersgrenzen oder nicht mehr aktive
        Angebote werden nie genannt. Die Schilderung wird weder gespeichert noch protokolliert.
      requestBody:
        required: true
        content: {application/json: {schema: RouteRequestSchema}}
      responses:
        200: {content: {application/json: {schema: RouteAnswerSchema}}}
        400: Error400
        415: Error415
        422: Error422
    """
    args = load_json(_REQUEST)
    router = services().router
    district = args.get("district")
    if district is not None:
        known = router.district_ids()
        if district not in known:
            message = f"Unbekannter Stadtteil „{district}“. Gültig sind: {', '.join(known)}."
            raise APIError(422, message, fields={"district": message})
    answer = router.route(RouteRequest(**args))
    route_stats().record_answer(district, answer)
    body: dict[str, Any] = _ANSWER.dump(answer)
    return body
