"""API tokens for carrier staff's own scripts: random secrets, stored only as SHA-256 hashes, revocable."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lotse.models import ApiToken, User
from lotse.models.base import utcnow

#: Prefix that makes a Lotse token recognisable (e.g. by secret scanners) without revealing anything.
TOKEN_PREFIX = "lotse_"
#: A token's last use is written at most this often, so reading scripts do not turn into writers.
LAST_USED_RESOLUTION = timedelta(minutes=10)
MAX_TOKEN_LENGTH = 200


def token_hash(raw: str) -> str:
    """Return the stored form of a token (a 256-bit random secret needs no slow hash)."""
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def issue_token(session: Session, user: User, name: str = "") -> tuple[ApiToken, str]:
    """Create a token for a user; return the stored row and the secret, which is shown only once."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, token_hash=token_hash(raw), name=name.strip()[:200])
    session.add(token)
    session.flush()
    return token, raw


def token_user(session: Session, raw: str) -> tuple[User, ApiToken] | None:
    """Return the active user and the token for a secret, or None if it is unknown or revoked."""
    if not raw or len(raw) > MAX_TOKEN_LENGTH:
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(raw)))
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    return token.user, token


def needs_touch(token: ApiToken) -> bool:
    """Tell whether the token's last use is old enough to be written again."""
    last = token.last_used_at
    if last is not None and last.tzinfo is None:  # SQLite hands back naive UTC
        last = last.replace(tzinfo=utcnow().tzinfo)
    return last is None or utcnow() - last > LAST_USED_RESOLUTION


def touch_token(session: Session, token_id: int) -> None:
    """Record that a token was used just now."""
    session.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=utcnow()))


def list_tokens(session: Session, user_id: int) -> list[ApiToken]:
    """Return a user's tokens, newest first (revoked ones included, marked)."""
    query = select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id.desc())
    return list(session.scalars(query))


def revoke_token(session: Session, user_id: int, token_id: int) -> bool:
    """Revoke one of a user's tokens; return False when the user has no such active token."""
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.id == token_id, ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def revoke_all_tokens(session: Session, user_id: int) -> None:
    """Revoke every token of a user (when the account is deactivated)."""
    session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
