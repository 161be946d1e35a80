"""The HTML pages: start, Lotse question, Laufzettel, search, offer, organisation, districts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode, urlsplit

import nh3
from flask import Blueprint, current_app, g, make_response, render_template, request, url_for
from flask.typing import ResponseReturnValue
from markupsafe import Markup
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from lotse.directory import reading
from lotse.directory.accessibility import FEATURES as ACCESSIBILITY_FEATURES
from lotse.directory.accessibility import labels as accessibility_labels
from lotse.directory.summary import offer_summary
from lotse.languages import LANGUAGE_NAMES, language_name
from lotse.models import Offer, OfferDistrict, Organization
from lotse.routing.need_choice import find_needs
from lotse.taxonomy import load_taxonomy
from lotse.web.answer_view import evidence_words, group_answer
from lotse.web.deps import services, session
from lotse.web.errors import APIError
from lotse.web.page_forms import (
    REFERRALS_PER_NEED,
    SEARCH_PER_PAGE,
    LaufzettelSchema,
    LotseFormSchema,
    SearchFormSchema,
    load_form,
)
from lotse.web.slip import appointments, first_sentence, qr_data_uri, town_name

log = logging.getLogger(__name__)
bp = Blueprint("pages", __name__)

#: Shown when the Lotse question or a search cannot be answered (never the exception's text).
SERVICE_FAILED = (
    "Die Anfrage konnte gerade nicht beantwortet werden. "
    "Bitte versuchen Sie es in einigen Minuten noch einmal."
)
#: Facets of the search answer and the query parameter each one filters by.
FACET_PARAMS = {
    "needs": "need",
    "districts": "district",
    "target_groups": "target_group",
    "languages": "language",
}


def optional_url(path: str) -> str | None:
    """Return the URL of a GET route with this exact path, or None while no blueprint serves it."""
    for rule in current_app.url_map.iter_rules():
        if rule.rule == path and "GET" in (rule.methods or ()) and not rule.arguments:
            return url_for(rule.endpoint)
    return None


@bp.app_context_processor
def _everywhere() -> dict[str, Any]:
    # base.html is also rendered by other blueprints (errors, carrier pages): it needs this helper there too.
    return {"optional_url": optional_url}


def district_names() -> dict[str, str]:
    """Return district id -> name (read once per request)."""
    if "district_names" not in g:
        g.district_names = {d.id: d.name for d in reading.districts(session())}
    return g.district_names  # type: ignore[no-any-return]


def safe_href(url: str | None) -> str | None:
    """Return a web address fit for a link (http or https only: never javascript: or data:)."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def km(value: float) -> str:
    """Return a distance the German way, e.g. "1,2 km" (below 100 m: "unter 100 m")."""
    return "unter 100 m" if value < 0.1 else f"{value:.1f} km".replace(".", ",")


def date_de(value: date | None) -> str:
    """Return a date the German way, e.g. "03.11.2025"."""
    return value.strftime("%d.%m.%Y") if value else ""


MONTHS = (
    *("Januar", "Februar", "März", "April", "Mai", "Juni"),
    *("Juli", "August", "September", "Oktober", "November", "Dezember"),
)


def date_long(value: date) -> str:
    """Return a date in words the German way, e.g. "3. November 2025"."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


@bp.context_processor
def _labels() -> dict[str, Callable[..., str | None]]:
    taxonomy = load_taxonomy()
    return {
        "label": taxonomy.label,
        "language_name": language_name,
        "languages_text": lambda codes: ", ".join(language_name(c) for c in codes),
        "district_name": lambda code: district_names().get(code, code),
        "districts_text": lambda ids: ", ".join(sorted(district_names().get(i, i) for i in ids)),
        "tel": lambda number: "".join(c for c in number if c.isdigit() or c == "+"),
        "safe_href": safe_href,
        "km": km,
        "date_de": date_de,
        "date_long": date_long,
        "accessibility_text": lambda codes: ", ".join(accessibility_labels(codes)),
        "facet_label": facet_label,
        "evidence_words": evidence_words,
    }


def _no_store(body: str, status: int = 200) -> ResponseReturnValue:
    # The Lotse page shows a person's situation: no browser or proxy cache may keep it.
    response = make_response(body, status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    """The icon browsers ask for by this name (the pages link the same SVG)."""
    return current_app.send_static_file("favicon.svg")


@bp.get("/")
def index() -> ResponseReturnValue:
    """The start page: what Lotse is, with the way to the Lotse question, search and the API."""
    counts = reading.offer_counts(session())
    return render_template(
        "index.html",
        offers=sum(counts.values()),
        organizations=len(counts),
        districts=len(reading.districts(session())),
    )


@bp.route("/lotse", methods=["GET", "POST"])
def lotse() -> ResponseReturnValue:
    """The Lotse question: a situation in, referrals grouped by need out (POST, so the text is in no URL).

    The answer's needs can be corrected: ticked off, or added from the taxonomy by German words; the
    situation travels again in the correction's POST and is never stored.
    """
    districts = reading.districts(session())
    form: dict[str, Any] = {"district": request.args.get("district", "")}
    errors: dict[str, str] = {}
    answer: dict[str, Any] | None = None
    correction: dict[str, Any] | None = None
    failure = None
    if request.method == "POST":
        form = request.form.to_dict()
        data, errors = load_form(LotseFormSchema(), request.form)
        if not errors and data["district"] and data["district"] not in {d.id for d in districts}:
            errors["district"] = "Diesen Stadtteil gibt es nicht. Bitte einen aus der Liste wählen."
        chosen = None
        if not errors and data["correct"]:
            chosen, correction = choose_needs(data, errors)
        if not errors and chosen != []:
            try:
                answer = _ask_router(data, chosen)
            except APIError as error:
                failure = error.message
            except Exception as error:  # noqa: BLE001 - the page must answer in German, whatever broke
                # Only the type: the exception's message may quote the situation, which no log may hold.
                log.error("Lotsenfrage fehlgeschlagen: %s", type(error).__name__)
                failure = SERVICE_FAILED
        if answer is not None:
            shown = correction["suggested"] if correction else []
            correction = {"needs": answer["needs"], "suggested": shown}
    taxonomy = load_taxonomy()
    body = render_template(
        "pages/lotse.html",
        form=form,
        errors=errors,
        answer=answer,
        correction=correction,
        failure=failure,
        districts=districts,
        need_labels=sorted(taxonomy.needs.values()),
        languages=sorted(LANGUAGE_NAMES.items(), key=lambda item: (item[0] != "de", item[1])),
    )
    return _no_store(body, 422 if errors else 200)


def choose_needs(data: dict[str, Any], errors: dict[str, str]) -> tuple[list[str], dict[str, Any]]:
    """The needs the case worker kept and added; several matches of an added word are offered to tick."""
    taxonomy = load_taxonomy()
    chosen = list(dict.fromkeys(data["needs"]))
    suggested: list[str] = []
    wanted = data["add_need"]
    if wanted:
        found = find_needs(wanted)
        if not found:
            errors["add_need"] = (
                f"Zu „{wanted}“ kennt Lotse keinen Bedarf. Versuchen Sie ein anderes Wort, "
                "zum Beispiel „Schulden“, „Wohnung“ oder „Pflege“."
            )
        elif len(found) == 1:
            chosen += [c for c in found if c not in chosen]
        else:
            suggested = [c for c in found if c not in chosen]
    if not chosen and not suggested and not errors:
        errors["needs"] = "Bitte lassen Sie mindestens einen Bedarf angekreuzt oder fügen Sie einen hinzu."
    kept = [{"code": c, "label": taxonomy.label(c), "evidence": ()} for c in chosen]
    return chosen, {"needs": kept, "suggested": suggested}


def _ask_router(data: dict[str, Any], needs: list[str] | None = None) -> dict[str, Any]:
    """Ask the Router (the same one POST /api/v1/route uses) and group its answer for the page."""
    from lotse.routing.service import RouteRequest
    from lotse.web.api.route import route_stats

    request_ = RouteRequest(
        situation=data["situation"],
        district=data["district"],
        age=data["age"],
        language=data["language"],
        limit=REFERRALS_PER_NEED,
        needs=tuple(needs) if needs else None,
        accessibility=tuple(data["accessibility"]),
    )
    answer = services().router.route(request_)
    # Counted like the API's questions (district and need codes only, never the text).
    route_stats().record_answer(data["district"], answer)
    return group_answer(answer)


@bp.route("/laufzettel", methods=["GET", "POST"])
def laufzettel() -> ResponseReturnValue:
    """The print view: the picked offers, large and plain; it receives offer ids only.

    The case worker's name, phone and appointments are typed here, sent back with the ids and printed,
    never stored (the answer is sent no-store like the Lotse page).
    """
    values = request.form if request.method == "POST" else request.args
    data, errors = load_form(LaufzettelSchema(), values)
    if "angebot" in errors:
        raise APIError(422, errors["angebot"])
    if errors:
        # Only the picked offers then: the slip is shown with the German messages beside the fields.
        ids_only = MultiDict([("angebot", i) for i in values.getlist("angebot")])
        data, _ = load_form(LaufzettelSchema(), ids_only)
    ids = list(dict.fromkeys(data["angebot"]))
    found = reading.get_offers(session(), ids)
    offers = [found[i] for i in ids if i in found and found[i].is_active]
    if not offers:
        raise APIError(404, "Keines der ausgewählten Angebote ist (noch) im Verzeichnis.")
    dates, date_errors = appointments(values, [o.id for o in offers])
    errors.update(date_errors)
    all_ids = list(district_names())
    items = [
        {
            "s": offer_summary(o, all_ids),
            "sentence": first_sentence(o.description),
            "qr": qr_data_uri(url_for("pages.offer", offer_id=o.id, _external=True)),
            "appointment": dates[o.id],
        }
        for o in offers
    ]
    body = render_template(
        "pages/laufzettel.html",
        items=items,
        form=data,
        errors=errors,
        missing=len(ids) - len(offers),
        today=date.today(),
        town=town_name(session(), current_app.config.get("TOWN_NAME")),
    )
    return _no_store(body, 422 if errors else 200)


@bp.get("/suche")
def search() -> ResponseReturnValue:
    """Free-text search with the filters and facets of the search API, paginated."""
    data, errors = load_form(SearchFormSchema(), request.args)
    result = None
    failure = None
    if not errors:
        try:
            result = _search(data)
        except APIError as error:
            failure = error.message
        except Exception as error:  # noqa: BLE001 - the page must answer in German, whatever broke
            log.error("Suche fehlgeschlagen: %s", type(error).__name__, exc_info=current_app.debug)
            failure = SERVICE_FAILED
    form = data or {"q": request.args.get("q", "")[:200]}
    body = render_template(
        "pages/search.html",
        form=form,
        errors=errors,
        result=result,
        failure=failure,
        facet_params=FACET_PARAMS,
        districts=reading.districts(session()),
        taxonomy=load_taxonomy(),
        accessibility_features=ACCESSIBILITY_FEATURES,
        page_url=_page_url,
        pages=_pages(result["page"], result["last_page"]) if result else [],
    )
    return make_response(body, 422 if errors else 200)


def _search(data: dict[str, Any]) -> dict[str, Any]:
    """Run the search service and shape its answer for the page."""
    from lotse.search.service import SearchQuery

    query = SearchQuery(
        text=data["q"],
        districts=tuple(data["district"]),
        needs=tuple(data["need"]),
        target_groups=tuple(data["target_group"]),
        languages=tuple(data["language"]),
        accessibility=tuple(data["accessibility"]),
        open_now=data["open_now"],
        page=data["page"],
        per_page=SEARCH_PER_PAGE,
        facets=True,
        highlight=True,
    )
    answer = services().search.search(query)
    facets = answer.facets or {}
    org_ids = list(facets.get("organizations", {}))
    names = session().execute(select(Organization.id, Organization.name).where(Organization.id.in_(org_ids)))
    org_names = {org_id: name for org_id, name in names.tuples()}
    return {
        "total": answer.total,
        "hits": [{"offer": hit.offer, "snippet": snippet(hit.highlights)} for hit in answer.hits],
        "facets": facets,
        "org_names": org_names,
        "corrections": answer.corrections,
        "corrections_text": corrected_text(data["q"], answer.corrections),
        "page": data["page"],
        "last_page": max(1, -(-answer.total // SEARCH_PER_PAGE)),
    }


def snippet(highlights: Any) -> Markup | None:
    """Return the description's highlight as HTML in which only <mark> survives (the rest is inert text)."""
    if isinstance(highlights, dict):
        highlights = highlights.get("description") or next(iter(highlights.values()), None)
    if isinstance(highlights, list | tuple):
        highlights = " … ".join(str(h) for h in highlights)
    if not highlights:
        return None
    # The search service escapes before marking; cleaning again keeps a mistake there from becoming markup.
    return Markup(nh3.clean(str(highlights), tags={"mark"}, attributes={}))


def corrected_text(text: str, corrections: Any) -> str | None:
    """Return the query with the search's spelling corrections applied, or None without any."""
    if not corrections:
        return None
    if isinstance(corrections, str):
        return corrections
    if isinstance(corrections, dict):
        return " ".join(str(corrections.get(word, word)) for word in text.split())
    return " ".join(str(c) for c in corrections)


def facet_label(name: str, code: str) -> str:
    """Return the German label of one facet value."""
    if name == "districts":
        return district_names().get(code, code)
    if name == "languages":
        return language_name(code)
    return load_taxonomy().label(code)


def _page_url(page: int | None = None, **changes: Any) -> str:
    """Return the search URL with the current filters, one page or filter changed."""
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k not in ("page", *changes)]
    for key, value in changes.items():
        pairs.extend((key, v) for v in (value if isinstance(value, list) else [value]) if v not in (None, ""))
    if page and page > 1:
        pairs.append(("page", str(page)))
    query = urlencode(pairs)
    return url_for("pages.search") + (f"?{query}" if query else "")


def _pages(current: int, last: int) -> list[int | None]:
    """Return the page numbers to link (None for a gap): first, last and two around the current."""
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    pages: list[int | None] = []
    for number in shown:
        if pages and number - (pages[-1] or 0) > 1:
            pages.append(None)
        pages.append(number)
    return pages


@bp.get("/angebote/<offer_id>")
def offer(offer_id: str) -> ResponseReturnValue:
    """One offer with everything a person needs to get there."""
    found = reading.get_offer(session(), offer_id)
    if found is None:
        raise APIError(404, "Dieses Angebot gibt es nicht (mehr) im Verzeichnis.")
    summary = offer_summary(found, list(district_names()))
    return render_template("pages/offer.html", offer=summary, record=found)


@bp.get("/organisationen/<org_id>")
def organization(org_id: str) -> ResponseReturnValue:
    """One organisation (carrier) with its active offers."""
    org = session().get(Organization, org_id)
    if org is None:
        raise APIError(404, "Diese Organisation gibt es nicht im Verzeichnis.")
    offers = session().scalars(reading.offers_query(active_only=True).where(Offer.organization_id == org_id))
    all_ids = list(district_names())
    return render_template(
        "pages/organization.html", org=org, offers=[offer_summary(o, all_ids) for o in offers]
    )


@bp.get("/stadtteile")
def districts() -> ResponseReturnValue:
    """The districts with their neighbours and how many offers serve each."""
    active = select(Offer.id).where(Offer.status == "active")
    counts = session().execute(
        select(OfferDistrict.district_id, func.count())
        .where(OfferDistrict.service_id.in_(active))
        .group_by(OfferDistrict.district_id)
    )
    per_district = {district_id: count for district_id, count in counts.tuples()}
    city_wide = session().scalar(
        select(func.count()).select_from(Offer).where(Offer.status == "active", Offer.city_wide.is_(True))
    )
    return render_template(
        "pages/districts.html",
        districts=reading.districts(session()),
        per_district=per_district,
        city_wide=city_wide or 0,
    )
