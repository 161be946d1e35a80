"""GET /api/v1/search: free text plus filters, facets, paging and highlighted snippets."""

from __future__ import annotations

from typing import Any

from flask import request
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue

from lotse.search.service import SearchQuery
from lotse.taxonomy import load_taxonomy
from lotse.web.api import bp
from lotse.web.api.search_schemas import SearchAnswerSchema, SearchArgsSchema
from lotse.web.deps import services
from lotse.web.errors import APIError


@bp.record_once
def _follow_change_log(state: BlueprintSetupState) -> None:
    # A serving process keeps its index in step in the background (tests drive the index themselves).
    app = state.app
    if app.config.get("SEARCH_BACKGROUND", not app.testing):
        app.extensions["lotse"].search.start()


#: Schemas are built once: building one costs more than loading or dumping with it.
_ARGS = SearchArgsSchema()
_ANSWER = SearchAnswerSchema()


def _load_args() -> dict[str, Any]:
    """The query string through the schema; repeated parameters (need=a&need=b) count like need=a,b."""
    raw = {key: ",".join(request.args.getlist(key)) for key in request.args}
    return _ARGS.load(raw, unknown="exclude")  # type: ignore[no-any-return]


def _unknown(name: str, values: list[str], known: set[str], label: str) -> None:
    bad = [v for v in values if v not in known]
    if bad:
        message = f"{label}: {', '.join(bad)}."
        raise APIError(422, message, fields={name: message})


def _districts(ids: list[str], neighbours: bool) -> tuple[str, ...]:
    if not ids:
        return ()
    # The districts as routing keeps them (re-read only when they change), not a query per search.
    districts = services().districts()
    known = set(districts.ids())
    _unknown("district", ids, known, "Unbekannter Stadtteil")
    chosen = set(ids)
    if neighbours:
        for ident in ids:
            place = districts.get(ident)
            chosen.update(n for n in (place.neighbours if place else ()) if n in known)
    return tuple(sorted(chosen))


@bp.get("/search")
def search() -> ResponseReturnValue:
    """Search the offers.
    ---
    get:
      summary: Angebote suchen – Freitext und Filter, mit Facetten
      description: >
        Findet Angebote nach Freitext (Groß-/Kleinschreibung, Umlaute, Wortformen, zusammengesetzte Wörter,
        Umgangssprache und Vertipper werden berücksichtigt) und Filtern. Ohne Suchtext listet die Suche nach
        den Filtern, alphabetisch. Mehrere Werte eines Filters: durch Kommas getrennt oder wiederholt;
        ein Angebot passt, wenn es einen davon hat. Stadtweite Angebote passen zu jedem Stadtteil.
      parameters:
        - {in: query, name: q, schema: {type: string, maxLength: 300}}
        - {in: query, name: district, schema: {type: string}, description: Stadtteil-Ids (Komma)}
        - {in: query, name: neighbours, schema: {type: boolean}, description: Nachbarstadtteile einbeziehen}
        - {in: query, name: need, schema: {type: string}, description: Bedarfs- oder Bereichscodes}
        - {in: query, name: target_group, schema: {type: string}, description: Zielgruppencodes}
        - {in: query, name: language, schema: {type: string}, description: Sprachen (ISO 639-1)}
        - {in: query, name: accessibility, schema: {type: string}, description: Barrierefreiheit (alle)}
        - {in: query, name: age, schema: {type: integer, minimum: 0, maximum: 120}}
        - {in: query, name: open_now, schema: {type: boolean}}
        - {in: query, name: page, schema: {type: integer, minimum: 1, maximum: 1000}}
        - {in: query, name: per_page, schema: {type: integer, minimum: 1, maximum: 100}}
        - {in: query, name: facets, schema: {type: boolean}}
        - {in: query, name: highlight, schema: {type: boolean}}
      responses:
        200: {content: {application/json: {schema: SearchAnswerSchema}}}
        422: Error422
    """
    args = _load_args()
    taxonomy = load_taxonomy()
    _unknown("need", args["need"], set(taxonomy.needs) | set(taxonomy.areas), "Unbekannter Bedarf")
    _unknown("target_group", args["target_group"], set(taxonomy.target_groups), "Unbekannte Zielgruppe")
    query = SearchQuery(
        text=args["q"],
        districts=_districts(args["district"], args["neighbours"]),
        needs=tuple(args["need"]),
        target_groups=tuple(args["target_group"]),
        languages=tuple(args["language"]),
        accessibility=tuple(args["accessibility"]),
        age=args["age"],
        open_now=args["open_now"],
        page=args["page"],
        per_page=args["per_page"],
        facets=args["facets"],
        highlight=args["highlight"],
    )
    result = services().search.search(query)
    items = [
        {
            **hit.offer.shown(),
            "score": round(hit.score, 4),
            "highlights": hit.highlights,
            "matched_terms": hit.matched_terms,
        }
        for hit in result.hits
    ]
    return _ANSWER.dump(
        {
            "total": result.total,
            "page": query.page,
            "per_page": query.per_page,
            "items": items,
            "facets": result.facets,
            "corrections": result.corrections,
        }
    )
