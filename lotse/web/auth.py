"""Who is asking: login and logout pages, the session cookie, Bearer tokens for the JSON API.

Browsers authenticate with a session cookie (a random secret whose hash the database keeps, so logout
ends it everywhere); scripts with `Authorization: Bearer <token>`. The JSON API reads only Bearer tokens:
a cookie carries no authority there, which is why the API needs no CSRF token.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import Blueprint, g, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from lotse.accounts.authorization import PermissionDenied
from lotse.accounts.sessions import end_session, session_user, start_session
from lotse.accounts.tokens import needs_touch, token_user, touch_token
from lotse.accounts.users import MAX_PASSWORD_LENGTH, authenticate
from lotse.models import User
from lotse.web.deps import services
from lotse.web.deps import session as db_session
from lotse.web.errors import APIError, error_response

bp = Blueprint("auth", __name__)

#: Key of the login secret in the (signed) session cookie.
SESSION_KEY = "lotse_sid"
#: Where staff land after logging in.
HOME = "carrier.home"
F = TypeVar("F", bound=Callable[..., Any])


def bearer_token() -> str | None:
    """Return the token of an `Authorization: Bearer` header, if there is one."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def current_user() -> User | None:
    """Return the user of this request: by Bearer token on the API, by session cookie elsewhere."""
    if "lotse_user" not in g:
        g.lotse_user = _api_user() if request.path.startswith("/api/") else _cookie_user()
    return g.lotse_user  # type: ignore[no-any-return]


def _cookie_user() -> User | None:
    secret = session.get(SESSION_KEY)
    return session_user(db_session(), secret) if secret else None


def _api_user() -> User | None:
    raw = bearer_token()
    if raw is None:
        return None
    found = token_user(db_session(), raw)
    if found is None:
        return None
    user, token = found
    if needs_touch(token):
        with services().db.writing() as writing:
            touch_token(writing, token.id)
    return user


def api_user() -> User:
    """Return the API caller, or answer 401 (no or unknown token)."""
    user = current_user()
    if user is None:
        message = (
            "Bitte melden Sie sich mit einem API-Token an (Authorization: Bearer …)."
            if bearer_token() is None
            else "Dieses API-Token ist unbekannt oder widerrufen."
        )
        raise APIError(401, message)
    return user


def login_required(view: F) -> F:
    """Send visitors who are not logged in to the login page (and back here afterwards)."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_user() is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def _safe_next(target: str | None) -> str | None:
    """Accept only a path on this site as the place to return to (no open redirect)."""
    if not target or len(target) > 500:
        return None
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
    ):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    """The login page for carrier staff, admins and case workers."""
    from lotse.web.security import check_login_rate

    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        if current_user() is not None:
            return redirect(next_url or url_for(HOME))
        return _login_page(next_url=next_url)
    check_login_rate()
    email = request.form.get("email", "").strip()
    password = request.form.get("password", "")
    if not email or not password:
        return _login_page("Bitte geben Sie E-Mail-Adresse und Passwort ein.", email, next_url, 422)
    with services().db.writing() as writing:
        user = authenticate(writing, email, password[: MAX_PASSWORD_LENGTH + 1])
        secret = start_session(writing, user) if user is not None else None
    if secret is None:
        return _login_page("E-Mail-Adresse oder Passwort ist falsch.", email, next_url, 401)
    # A new session on login: nothing from before (not even the CSRF secret) carries over.
    session.clear()
    session[SESSION_KEY] = secret
    return redirect(next_url or url_for(HOME))


def _login_page(
    error: str | None = None, email: str = "", next_url: str | None = None, status: int = 200
) -> ResponseReturnValue:
    body = render_template("auth/login.html", error=error, email=email, next_url=next_url)
    return body, status, {"Cache-Control": "no-store"}


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    """End the login session (in the database too, so a copied cookie stops working)."""
    secret = session.get(SESSION_KEY)
    if secret:
        with services().db.writing() as writing:
            end_session(writing, secret)
    session.clear()
    return redirect(url_for("auth.login", abgemeldet=1))


@bp.app_errorhandler(PermissionDenied)
def _permission_denied(error: PermissionDenied) -> ResponseReturnValue:
    """Refused by the authorisation rules: 403 in the one error shape (JSON or page)."""
    return error_response(APIError(403, error.message))


@bp.app_context_processor
def _user_in_templates() -> dict[str, Any]:
    return {"current_user": current_user}
