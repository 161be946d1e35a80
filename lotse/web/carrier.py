"""Pages for carrier staff and admins: their offers, editing, confirming, history, tokens, accounts.

The forms are turned into the same body the JSON API takes and loaded through the same schema; the
changes go through the same services in lotse.directory.offers, which check authorisation and versions.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask import session as session_cookie
from flask.typing import ResponseReturnValue
from marshmallow import ValidationError
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from lotse.accounts.authorization import is_admin, require_admin, require_editor
from lotse.accounts.tokens import issue_token, list_tokens, revoke_token
from lotse.accounts.users import (
    AccountError,
    change_own_password,
    create_user,
    list_users,
    set_active,
    set_password,
)
from lotse.directory import history, offers, reading
from lotse.directory.accessibility import FEATURES
from lotse.directory.offer_fields import OPTIONAL_TEXTS, STATUSES, read_fields
from lotse.directory.opening_hours import HoursError, read_hours, understood
from lotse.directory.schedule import TIMEZONE
from lotse.directory.summary import offer_summary
from lotse.languages import LANGUAGE_NAMES
from lotse.models import Organization, User
from lotse.models.user import ROLES
from lotse.taxonomy import load_taxonomy
from lotse.web.api.offer_schemas import OfferWriteSchema
from lotse.web.auth import current_user, login_required
from lotse.web.deps import services, session
from lotse.web.errors import field_messages

bp = Blueprint("carrier", __name__, url_prefix="/traeger")

STATUS_LABELS = {
    "active": "aktiv",
    "inactive": "deaktiviert",
    "defunct": "eingestellt",
    "temporarily closed": "vorübergehend geschlossen",
}
ROLE_LABELS = {
    "admin": "Administration",
    "carrier": "Träger",
    "caseworker": "Fallberatung",
    "planner": "Sozialplanung",
}
_TEXT_FIELDS = ("name", "status", *OPTIONAL_TEXTS)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NUMBER = re.compile(r"^-?\d{1,6}([.,]\d{1,12})?$")


def _user() -> User:
    user = current_user()
    assert user is not None  # login_required ran first
    return user


def show_value(value: Any) -> str:
    """Render a field value of the history in German (lists joined, places as one line)."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        return "; ".join(show_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(str(v) for k, v in value.items() if v is not None and k != "district")
    if isinstance(value, str) and (day := _ISO_DATE.match(value)):
        return f"{day.group(3)}.{day.group(2)}.{day.group(1)}"
    return str(value)


def de_datetime(moment: datetime | None) -> str:
    """Render a moment in German local time, e.g. "03.11.2025, 14:05 Uhr"."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # SQLite hands back naive UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(TIMEZONE).strftime("%d.%m.%Y, %H:%M Uhr")


@bp.app_context_processor
def _carrier_helpers() -> dict[str, Any]:
    return {
        "status_label": lambda status: STATUS_LABELS.get(status, status),
        "role_label": lambda role: ROLE_LABELS.get(role, role),
        "is_admin": is_admin,
        "show_value": show_value,
        "de_date": lambda day: day.strftime("%d.%m.%Y") if day else "",
        "de_datetime": de_datetime,
    }


@bp.get("/")
@login_required
def home() -> ResponseReturnValue:
    """Start page: listings to confirm first, then all the organisation's (or, for admins, all) offers."""
    user = _user()
    if user.role == "caseworker":
        return render_template("carrier/caseworker.html")
    if user.role == "planner":
        return redirect(url_for("planning.home"))
    require_editor(user)
    organization_id = request.args.get("organisation") if is_admin(user) else None
    listed = offers.editable_offers(session(), user, organization_id or None)
    current = [o for o in listed if o.status not in ("inactive", "defunct")]
    return render_template(
        "carrier/home.html",
        stale=offers.stale_offers(session(), user),
        offers=listed,
        without_contact=[o for o in current if not reachable(o)],
        without_hours=[o for o in current if not o.schedules],
        organizations=_organizations() if is_admin(user) else [],
        organization_id=organization_id,
        stale_days=offers.STALE_AFTER_DAYS,
    )


def reachable(offer: Any) -> bool:
    """Tell whether a resident can reach the offer: a phone, e-mail, web address (its own or its
    organisation's) or an address."""
    summary = offer_summary(offer)
    address = summary.location.address if summary.location else None
    return bool(summary.phone or summary.email or summary.url or address)


def _organizations() -> list[Organization]:
    return list(session().scalars(select(Organization).order_by(Organization.name)))


def form_to_body(form: MultiDict[str, str]) -> dict[str, Any]:
    """Turn the offer form into the body the JSON API takes (same field names, same types)."""
    body: dict[str, Any] = {key: form.get(key, "").strip() or None for key in _TEXT_FIELDS}
    body["name"] = body["name"] or ""
    body["description"] = body["description"] or ""
    body["status"] = body["status"] or "active"
    body["needs"] = form.getlist("needs")
    body["target_groups"] = form.getlist("target_groups")
    body["districts"] = form.getlist("districts")
    body["city_wide"] = form.get("city_wide") == "1"
    body["languages"] = form.getlist("languages")
    body["accessibility"] = form.getlist("accessibility")
    for key in ("minimum_age", "maximum_age"):
        body[key] = _number(form.get(key, ""), int)
    location = {
        "name": form.get("location_name", "").strip() or None,
        "address": form.get("location_address", "").strip() or None,
        "lat": _number(form.get("location_lat", ""), float),
        "lon": _number(form.get("location_lon", ""), float),
        "district": form.get("location_district", "").strip() or None,
    }
    body["location"] = location if any(v is not None for v in location.values()) else None
    version = _number(form.get("version", ""), int)
    if version is not None:
        body["version"] = version
    return body


def _number(text: str, kind: type) -> Any:
    # A number the form cannot read is passed on as text, so the schema names the field in German.
    text = text.strip()
    if not text:
        return None
    if _NUMBER.match(text):
        try:
            return kind(text.replace(",", "."))
        except ValueError:
            return text
    return text


def _form_values(body: dict[str, Any], offer_fields: dict[str, Any] | None) -> dict[str, Any]:
    """The values the form shows: what was sent, else what the offer holds."""
    values = dict(offer_fields or {})
    values.update({k: v for k, v in body.items() if k != "location"})
    if "location" in body:
        values["locations"] = [body["location"]] if body["location"] else []
    return values


def _render_form(
    offer: Any,
    values: dict[str, Any],
    errors: dict[str, str],
    status: int = 200,
    conflict: str | None = None,
    hours: str | None = None,
) -> ResponseReturnValue:
    user = _user()
    taxonomy = load_taxonomy()
    body = render_template(
        "carrier/offer_form.html",
        offer=offer,
        values=values,
        errors=errors,
        error_targets={name: error_target(name) for name in errors},
        conflict=conflict,
        hours=hours,
        areas=list(taxonomy.areas.values()),
        needs=taxonomy.needs,
        target_groups=taxonomy.target_groups,
        districts=reading.districts(session()),
        statuses=[(s, STATUS_LABELS[s]) for s in STATUSES],
        languages=sorted(LANGUAGE_NAMES.items(), key=lambda item: (item[0] != "de", item[1])),
        accessibility=FEATURES,
        organizations=_organizations() if is_admin(user) and offer is None else [],
        labels=history.FIELD_LABELS,
    )
    return body, status


#: Where the error summary links for errors that belong to a group of fields rather than one input.
_ERROR_TARGETS = {
    "location": "feld-location_address",
    "organization": "feld-organization_id",
    "version": "feld-name",
}


def error_target(name: str) -> str:
    """Return the id of the field an error message belongs to (the summary links there)."""
    if name in _ERROR_TARGETS:
        return _ERROR_TARGETS[name]
    parts = name.split(".")
    if parts[0] in ("location", "locations") and len(parts) > 1:
        return f"feld-location_{parts[-1]}"
    return f"feld-{parts[0]}"


def _flat(messages: Any, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in (messages or {}).items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, f"{name}."))
        else:
            out[name] = value if isinstance(value, str) else " ".join(map(str, value))
    return out


def _hours_preview(text: str | None) -> tuple[str | None, str | None]:
    """What Lotse understands of the opening hours typed, or the German reason it cannot read them."""
    if not (text or "").strip():
        return "keine Öffnungszeiten angegeben", None
    try:
        return understood(read_hours(text or "")), None
    except HoursError as error:
        return None, str(error)


def _save(offer_id: str | None) -> ResponseReturnValue:
    """Save the form; "check" only shows what the hours are read as, "verify" saves and confirms."""
    user = _user()
    action = request.form.get("action", "save")
    body = form_to_body(request.form)
    current = offers.offer_for_editing(session(), user, offer_id) if offer_id else None
    shown = _form_values(body, read_fields(current) if current else None)
    if action == "check":
        hours, problem = _hours_preview(body.get("schedule"))
        return _render_form(current, shown, {"schedule": problem} if problem else {}, 200, hours=hours)
    try:
        values = OfferWriteSchema().load(body)
    except ValidationError as error:
        return _render_form(current, shown, _flat(field_messages(error.messages)), 422)
    version = values.pop("version", None)
    try:
        with services().db.writing() as writing:
            if offer_id is None:
                organization_id = request.form.get("organization_id") or None
                saved = offers.create_offer(
                    writing, user, values, organization_id, infer=services().infer_needs
                )
            else:
                saved = offers.update_offer(
                    writing, user, offer_id, values, version, replace=True, infer=services().infer_needs
                )
            changed = offer_id is None or saved.version != version
            if action == "verify":
                saved = offers.verify_offer(writing, user, saved.id, saved.version)
            saved_id, saved_name = saved.id, saved.name
    except offers.InvalidOffer as error:
        return _render_form(current, shown, error.fields, 422)
    except offers.VersionConflict as error:
        return _render_form(current, shown, {}, 409, conflict=error.message)
    if action == "verify":
        done = "Ihre Änderungen sind gespeichert, und " if changed else "Danke! "
        flash(f"{done}„{saved_name}“ ist als aktuell bestätigt.")
    else:
        flash(f"„{saved_name}“ ist gespeichert.")
    return redirect(url_for("carrier.edit_offer", offer_id=saved_id))


@bp.route("/angebote/neu", methods=["GET", "POST"])
@login_required
def new_offer() -> ResponseReturnValue:
    """Create an offer."""
    require_editor(_user())
    if request.method == "POST":
        return _save(None)
    return _render_form(None, {"status": "active", "needs": [], "target_groups": [], "districts": []}, {})


@bp.route("/angebote/<offer_id>", methods=["GET", "POST"])
@login_required
def edit_offer(offer_id: str) -> ResponseReturnValue:
    """Edit every field of an offer."""
    if request.method == "POST":
        return _save(offer_id)
    offer = offers.offer_for_editing(session(), _user(), offer_id)
    return _render_form(offer, read_fields(offer), {})


def _version() -> int | None:
    value = _number(request.form.get("version", ""), int)
    return value if isinstance(value, int) else None


def _act(offer_id: str, action: str) -> ResponseReturnValue:
    user = _user()
    try:
        with services().db.writing() as writing:
            if action == "verify":
                offer = offers.verify_offer(writing, user, offer_id, _version())
                flash(f"Danke! „{offer.name}“ ist als aktuell bestätigt.")
            elif action == "deactivate":
                offer = offers.deactivate_offer(writing, user, offer_id, _version())
                flash(f"„{offer.name}“ ist deaktiviert; Sie können es jederzeit wieder aktivieren.")
            else:
                revision = _number(request.form.get("revision", ""), int)
                if not isinstance(revision, int):
                    abort(400)
                offer = offers.restore_offer(
                    writing, user, offer_id, revision, _version(), infer=services().infer_needs
                )
                flash(f"Die frühere Version von „{offer.name}“ ist wiederhergestellt.")
    except offers.VersionConflict as error:
        flash(error.message, "error")
    target = request.form.get("back") == "home"
    return redirect(url_for("carrier.home") if target else url_for("carrier.edit_offer", offer_id=offer_id))


@bp.post("/angebote/<offer_id>/bestaetigen")
@login_required
def verify_offer(offer_id: str) -> ResponseReturnValue:
    """Confirm a listing ("still correct")."""
    return _act(offer_id, "verify")


@bp.post("/angebote/<offer_id>/deaktivieren")
@login_required
def deactivate_offer(offer_id: str) -> ResponseReturnValue:
    """Deactivate a listing (never deleted)."""
    return _act(offer_id, "deactivate")


@bp.post("/angebote/<offer_id>/wiederherstellen")
@login_required
def restore_offer(offer_id: str) -> ResponseReturnValue:
    """Restore an earlier version of a listing."""
    return _act(offer_id, "restore")


@bp.get("/angebote/<offer_id>/verlauf")
@login_required
def offer_history(offer_id: str) -> ResponseReturnValue:
    """The history of a listing: who changed which fields when, with old and new values."""
    offer = offers.offer_for_editing(session(), _user(), offer_id)
    return render_template(
        "carrier/history.html",
        offer=offer,
        revisions=history.revisions(session(), _user(), offer_id),
        labels=history.FIELD_LABELS,
    )


@bp.route("/tokens", methods=["GET", "POST"])
@login_required
def tokens() -> ResponseReturnValue:
    """The user's API tokens: create one (shown once) or revoke one."""
    user = _user()
    new_token = None
    if request.method == "POST":
        name = request.form.get("name", "").strip()[:200] or "API"
        with services().db.writing() as writing:
            _token, new_token = issue_token(writing, user, name)
    return render_template("carrier/tokens.html", tokens=list_tokens(session(), user.id), new_token=new_token)


@bp.post("/tokens/<int:token_id>/widerrufen")
@login_required
def revoke(token_id: int) -> ResponseReturnValue:
    """Revoke one of the user's API tokens."""
    with services().db.writing() as writing:
        done = revoke_token(writing, _user().id, token_id)
    flash("Das Token ist widerrufen." if done else "Dieses Token gibt es nicht (mehr).")
    return redirect(url_for("carrier.tokens"))


@bp.route("/konten", methods=["GET", "POST"])
@login_required
def users() -> ResponseReturnValue:
    """Admins manage accounts: create, (de)activate, set a new password."""
    require_admin(_user())
    errors: dict[str, str] = {}
    form: dict[str, str] = {}
    if request.method == "POST":
        form = {k: request.form.get(k, "").strip() for k in ("email", "role", "organization_id")}
        try:
            with services().db.writing() as writing:
                create_user(
                    writing,
                    form["email"],
                    request.form.get("password", ""),
                    form["role"],
                    form["organization_id"] or None,
                )
        except AccountError as error:
            errors["form"] = str(error)
        else:
            flash(f"Konto {form['email']} ist angelegt.")
            return redirect(url_for("carrier.users"))
    return render_template(
        "carrier/users.html",
        users=list_users(session()),
        organizations=_organizations(),
        roles=[(r, ROLE_LABELS[r]) for r in ROLES],
        form=form,
        errors=errors,
    ), (422 if errors else 200)


@bp.post("/konten/<int:user_id>")
@login_required
def change_user(user_id: int) -> ResponseReturnValue:
    """Admins activate or deactivate an account, or give it a new password."""
    admin = _user()
    require_admin(admin)
    action = request.form.get("action")
    try:
        with services().db.writing() as writing:
            if action == "password":
                set_password(writing, user_id, request.form.get("password", ""))
                flash(
                    "Das neue Passwort gilt; alle Anmeldungen dieses Kontos sind beendet "
                    "und seine API-Tokens widerrufen."
                )
            elif action in ("activate", "deactivate"):
                if user_id == admin.id and action == "deactivate":
                    raise AccountError("Ihr eigenes Konto können Sie nicht deaktivieren.")
                set_active(writing, user_id, action == "activate")
                flash("Das Konto ist " + ("aktiviert." if action == "activate" else "deaktiviert."))
            else:
                abort(400)
    except AccountError as error:
        flash(str(error), "error")
    return redirect(url_for("carrier.users"))


@bp.route("/passwort", methods=["GET", "POST"])
@login_required
def own_password() -> ResponseReturnValue:
    """Everyone logged in changes their own password (with the old one); every login and token ends."""
    from lotse.web.security import check_login_rate

    error = None
    if request.method == "POST":
        check_login_rate()  # the old password is guessed no faster here than on the login page
        try:
            with services().db.writing() as writing:
                change_own_password(
                    writing,
                    _user().id,
                    request.form.get("old_password", ""),
                    request.form.get("new_password", ""),
                )
        except AccountError as exc:
            error = str(exc)
        else:
            session_cookie.clear()
            return redirect(url_for("auth.login", passwort_geaendert=1))
    return render_template("carrier/password.html", error=error), (422 if error else 200)
