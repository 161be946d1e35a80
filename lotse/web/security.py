"""Hardening: security headers, CSRF on forms, and rate limits that every worker and server shares.

Rate limits count in the Lotse database (table `rate_limit`) through a small storage for the `limits`
library: a per-process memory store would give each gunicorn worker its own count, and Redis would be one
more server to run. Login attempts are written through on every attempt (exact). The public API counts in
the process and adds its hits to the shared counter at most every API_BUFFER_SECONDS: a write per request
halved the throughput of two SQLite workers, and a limit of hundreds per minute needs no millisecond accuracy.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from typing import Any, cast

from flask import Blueprint, Flask, current_app, g, has_request_context, request, session
from flask.typing import ResponseReturnValue
from flask_limiter import Limiter
from flask_wtf.csrf import CSRFError, CSRFProtect
from limits import parse_many
from limits.storage import Storage
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import Table, case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from lotse.db import Database
from lotse.models import RateLimitCounter
from lotse.web.errors import APIError, error_response

log = logging.getLogger(__name__)

#: Requests per client on the public API (JSON and HSDS): generous for people and the widget,
#: low enough that one script cannot crowd out everybody else.
DEFAULT_API_LIMIT = "600 per minute"
#: Login attempts per client address: enough for typos, far too few for guessing passwords.
DEFAULT_LOGIN_LIMIT = "10 per minute;60 per hour"
#: Every this many counter updates a worker deletes counters whose window has ended.
CLEANUP_EVERY = 500
#: How long a worker may keep public-API hits to itself before adding them to the shared counter. It does so
#: only while the client is below BUFFER_BELOW of its limit; closer to the limit every hit is written through,
#: so the limit itself holds exactly across workers and servers.
API_BUFFER_SECONDS = 0.25
BUFFER_BELOW = 0.5
#: Pages only from here; no inline script and no inline style (not even style="…" attributes).
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
#: Blueprints whose forms always need a CSRF token (they log in or change data).
GUARDED_BLUEPRINTS = ("auth", "carrier")
#: Blueprints under the public API rate limit.
PUBLIC_API_BLUEPRINTS = ("api", "hsds")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
_TABLE = cast(Table, RateLimitCounter.__table__)


class DatabaseStorage(Storage):
    """A `limits` storage (fixed windows) in the Lotse database, shared by all workers and servers."""

    STORAGE_SCHEME = ["lotsedb"]  # noqa: RUF012 - the `limits` registry reads this class attribute

    def __init__(
        self,
        uri: str | None = None,
        wrap_exceptions: bool = False,
        database: Database | None = None,
        buffer_seconds: float = 0.0,
        **_: Any,
    ) -> None:
        super().__init__(uri, wrap_exceptions)
        if database is None:
            raise ValueError("DatabaseStorage braucht die Lotse-Datenbank (storage option 'database').")
        self.db = database
        self.buffer_seconds = buffer_seconds
        self._updates = 0
        self._lock = threading.Lock()
        #: key -> hits counted here but not yet added to the shared counter
        self._pending: dict[str, int] = {}
        #: key -> (shared count, window end, when it was read)
        self._known: dict[str, tuple[int, float, float]] = {}

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        """Errors of the database that `limits` may wrap."""
        return SQLAlchemyError

    def incr(self, key: str, expiry: int | float, amount: int = 1) -> int:
        """Count `amount` hits for a key; a key whose window ended starts a new one."""
        if self.buffer_seconds <= 0:
            return self._add(key, expiry, amount)
        with self._lock:
            now = time.time()
            pending = self._pending.get(key, 0) + amount
            shared, expires_at, read_at = self._known.get(key, (0, 0.0, 0.0))
            far_below = shared + pending < _limit_of(key) * BUFFER_BELOW
            if far_below and expires_at > now and now - read_at < self.buffer_seconds:
                self._pending[key] = pending
                self._remember(key, shared + pending, expires_at)
                return shared + pending
            self._pending[key] = 0
            try:
                # Far below the limit the hits may wait: a request never queues for the write lock for them.
                count = self._add(key, expiry, pending, wait=not far_below)
            except OperationalError:
                if not far_below:
                    raise
                self._pending[key] = pending
                estimate = shared + pending if expires_at > now else pending
                self._remember(key, estimate, expires_at if expires_at > now else now + expiry)
                return estimate
            self._known[key] = (count, self._last_expiry, now)
            return count

    def _add(self, key: str, expiry: int | float, amount: int, wait: bool = True) -> int:
        """Add hits to the shared counter in one upsert and return its new count. Without `wait`, SQLite
        raises OperationalError at once when another connection is writing (Database.write_if_free_engine)."""
        now = time.time()
        table = _TABLE
        dialect = sqlite if self.db.is_sqlite else postgresql
        insert = dialect.insert(table).values(key=key, count=amount, expires_at=now + expiry)
        ended = table.c.expires_at <= now
        statement = insert.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "count": case((ended, amount), else_=table.c.count + amount),
                "expires_at": case((ended, now + expiry), else_=table.c.expires_at),
            },
        ).returning(table.c.count, table.c.expires_at)
        engine = self.db.write_engine if wait else self.db.write_if_free_engine
        with engine.begin() as connection:
            count, expires_at = connection.execute(statement).one()
            self._updates += 1
            if self._updates % CLEANUP_EVERY == 0:
                connection.execute(delete(table).where(table.c.expires_at < now))
        self._last_expiry = float(expires_at)
        self._remember(key, int(count), float(expires_at))
        return int(count)

    @staticmethod
    def _remember(key: str, count: int, expires_at: float) -> None:
        # The rate-limit headers of this request ask for the same numbers right away; two more
        # queries per request would cost more than the counting itself.
        if has_request_context():
            g.lotse_rate_hits = {**g.get("lotse_rate_hits", {}), key: (count, expires_at)}

    def _recent(self, key: str) -> tuple[int, float] | None:
        """What this request's own hit on the key returned (None outside a request or without a hit)."""
        if not has_request_context():
            return None
        found: tuple[int, float] | None = g.get("lotse_rate_hits", {}).get(key)
        return found

    def get(self, key: str) -> int:
        """Return the hits of a key in its current window."""
        recent = self._recent(key)
        if recent is not None:
            return recent[0]
        table = _TABLE
        query = select(table.c.count).where(table.c.key == key, table.c.expires_at > time.time())
        with self.db.engine.connect() as connection:
            return int(connection.execute(query).scalar() or 0)

    def get_expiry(self, key: str) -> float:
        """Return when the key's window ends (seconds since the epoch)."""
        recent = self._recent(key)
        if recent is not None:
            return recent[1]
        table = _TABLE
        with self.db.engine.connect() as connection:
            value = connection.execute(select(table.c.expires_at).where(table.c.key == key)).scalar()
        return float(value) if value is not None else time.time()

    def check(self) -> bool:
        """Tell whether the database answers."""
        try:
            with self.db.engine.connect() as connection:
                connection.execute(select(1))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        """Forget all counters."""
        table = _TABLE
        with self.db.write_engine.begin() as connection:
            count = connection.execute(select(func.count()).select_from(table)).scalar()
            connection.execute(delete(table))
        return int(count or 0)

    def clear(self, key: str) -> None:
        """Forget one key's counter."""
        table = _TABLE
        with self.db.write_engine.begin() as connection:
            connection.execute(delete(table).where(table.c.key == key))


def _limit_of(key: str) -> int:
    """Read the allowed amount from a `limits` key (…/<amount>/<multiples>/<granularity>); 0 if unknown."""
    try:
        return int(key.rsplit("/", 3)[-3])
    except (ValueError, IndexError):
        return 0


def client_address() -> str:
    """Return the client's address (behind a proxy, configure the proxy fix in the WSGI entry point)."""
    return request.remote_addr or "unbekannt"


def _api_key() -> str:
    # A script with a token counts as itself, wherever it runs; everyone else by address.
    from lotse.web.auth import bearer_token, current_user

    user = current_user() if bearer_token() else None
    return f"user:{user.id}" if user is not None else f"ip:{client_address()}"


def _setting(app: Flask, name: str, default: str) -> str:
    """Read a limit: defaults, then the environment, then the app configuration (tests) wins."""
    value = app.config.get(name) or os.environ.get(name) or default
    app.config[name] = value
    return str(value)


def check_login_rate() -> None:
    """Count one login attempt of this client; too many in the window answer 429."""
    limiter: FixedWindowRateLimiter = current_app.extensions["lotse_login_limiter"]
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return
    for item in parse_many(current_app.config["LOTSE_RATELIMIT_LOGIN"]):
        try:
            allowed = limiter.hit(item, "login", client_address())
        except SQLAlchemyError:
            log.warning("Zähler für Anmeldeversuche nicht erreichbar")
            return
        if not allowed:
            reset_at = limiter.get_window_stats(item, "login", client_address()).reset_time
            wait = max(1, math.ceil(reset_at - time.time()))
            raise APIError(
                429,
                "Zu viele Anmeldeversuche von Ihrem Anschluss. Bitte warten Sie einige Minuten.",
                code="too_many_logins",
                headers={"Retry-After": str(wait)},
            )


def init_app(app: Flask) -> None:
    """Install headers, CSRF protection and rate limits on an app (its blueprints are registered)."""
    _init_rate_limits(app)
    _init_csrf(app)

    @app.before_request
    def _no_nul_in_addresses() -> None:
        # PostgreSQL refuses NUL in text and answers with an error; no real address or query holds one.
        if "\x00" in request.path or any("\x00" in v for v in request.args.values()):
            raise APIError(400, "Die Adresse enthält unzulässige Zeichen.", code="bad_request")

    @app.after_request
    def _headers(response: Any) -> Any:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if app.config.get("SESSION_COOKIE_SECURE"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if request.blueprint in GUARDED_BLUEPRINTS:
            # Staff pages show unpublished details and tokens: no cache may keep them.
            response.headers["Cache-Control"] = "no-store"
        if response.status_code == 401 and request.path.startswith("/api/"):
            response.headers.setdefault("WWW-Authenticate", 'Bearer realm="lotse"')
        return response


def _init_rate_limits(app: Flask) -> None:
    api_limit = _setting(app, "LOTSE_RATELIMIT_API", DEFAULT_API_LIMIT)
    _setting(app, "LOTSE_RATELIMIT_LOGIN", DEFAULT_LOGIN_LIMIT)
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # A counter that cannot be written must not turn a good request into an error page.
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    limiter = Limiter(
        key_func=client_address,
        storage_uri="lotsedb://",
        storage_options={"database": app.extensions["lotse"].db, "buffer_seconds": API_BUFFER_SECONDS},
        strategy="fixed-window",
        key_prefix="lotse",
    )
    limiter.init_app(app)
    # One budget per client across every route of the JSON and HSDS APIs, not one per route.
    shared = limiter.shared_limit(api_limit, scope="public-api", key_func=_api_key)
    for name in PUBLIC_API_BLUEPRINTS:
        if name in app.blueprints:
            shared(cast(Blueprint, app.blueprints[name]))
    app.extensions["lotse_limiter"] = limiter
    # Logins are few and guessing must be stopped exactly: their counter is written on every attempt.
    app.extensions["lotse_login_limiter"] = FixedWindowRateLimiter(
        DatabaseStorage(database=app.extensions["lotse"].db)
    )


def _init_csrf(app: Flask) -> None:
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 10 * 3600)  # as long as a login lasts
    csrf = CSRFProtect(app)

    @app.before_request
    def _csrf() -> None:
        from lotse.web.auth import SESSION_KEY

        if request.method in SAFE_METHODS or request.blueprint in PUBLIC_API_BLUEPRINTS:
            return
        if request.path.startswith(("/api/", "/hsds/")):
            return
        # Forms that log in or change data always need the token; any other form does as soon as the
        # browser is logged in. A form sent without a login carries no authority to abuse.
        if request.blueprint in GUARDED_BLUEPRINTS or session.get(SESSION_KEY):
            csrf.protect()

    @app.errorhandler(CSRFError)
    def _csrf_failed(_error: CSRFError) -> ResponseReturnValue:
        message = (
            "Das Formular ist abgelaufen oder kam nicht von Lotse. "
            "Bitte laden Sie die Seite neu und senden Sie es noch einmal."
        )
        return error_response(APIError(400, message, code="csrf_failed"))
