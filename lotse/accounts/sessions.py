"""Login sessions: the cookie carries a random secret, the database its hash, so logout really ends it."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lotse.models import User, UserSession
from lotse.models.base import utcnow

#: A login lasts a working day at most; then staff sign in again.
SESSION_LIFETIME = timedelta(hours=10)
MAX_SECRET_LENGTH = 200


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogateescape")).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)  # SQLite drops the zone


def start_session(session: Session, user: User) -> str:
    """Open a new login session for a user and return its secret (for the cookie)."""
    now = utcnow()
    # Expired sessions of anyone are dropped here, so the table never grows without bound.
    session.execute(delete(UserSession).where(UserSession.expires_at < now))
    secret = secrets.token_urlsafe(32)
    session.add(UserSession(id_hash=_hash(secret), user_id=user.id, expires_at=now + SESSION_LIFETIME))
    session.flush()
    return secret


def session_user(session: Session, secret: str | None) -> User | None:
    """Return the active user of a session secret, or None when it is unknown, ended or expired."""
    if not secret or not isinstance(secret, str) or len(secret) > MAX_SECRET_LENGTH:
        return None
    found = session.scalar(select(UserSession).where(UserSession.id_hash == _hash(secret)))
    if found is None or _aware(found.expires_at) <= utcnow() or not found.user.active:
        return None
    return found.user


def end_session(session: Session, secret: str | None) -> None:
    """End one login session (logout)."""
    if secret and isinstance(secret, str) and len(secret) <= MAX_SECRET_LENGTH:
        session.execute(delete(UserSession).where(UserSession.id_hash == _hash(secret)))


def end_all_sessions(session: Session, user_id: int) -> None:
    """End every login session of a user (password changed, account deactivated)."""
    session.execute(delete(UserSession).where(UserSession.user_id == user_id))
