"""Access to the app's services and a request-scoped database session from views."""

from __future__ import annotations

from flask import current_app, g
from sqlalchemy.orm import Session

from lotse.services import Services


def services() -> Services:
    """Return the services of the current app."""
    return current_app.extensions["lotse"]  # type: ignore[no-any-return]


def session() -> Session:
    """Return the reading session of this request (closed when the request ends)."""
    if "db_session" not in g:
        g.db_session = services().db.session()
    return g.db_session  # type: ignore[no-any-return]


def close_session(_exc: BaseException | None = None) -> None:
    """Close the request's session, if one was opened."""
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.close()
