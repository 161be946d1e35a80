"""Creating users and checking passwords (argon2id)."""

from __future__ import annotations

import re
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lotse.accounts.sessions import end_all_sessions
from lotse.accounts.tokens import revoke_all_tokens
from lotse.models import Organization, User
from lotse.models.base import utcnow
from lotse.models.user import ROLES

MIN_PASSWORD_LENGTH = 10
#: Longer passwords are refused before hashing, so nobody can make the server hash megabytes.
MAX_PASSWORD_LENGTH = 200
MAX_EMAIL_LENGTH = 300
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHasher()  # argon2id with the library's recommended parameters


class AccountError(ValueError):
    """A user cannot be created or changed as asked; the message is German."""


def hash_password(password: str) -> str:
    """Return the argon2id hash of a password."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Check a password against its hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password(password: str) -> None:
    """Refuse a password that is too short or too long (German message)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"Das Passwort darf höchstens {MAX_PASSWORD_LENGTH} Zeichen lang sein.")


@cache
def _dummy_hash() -> str:
    """A hash to verify when an e-mail address is unknown, so such a login takes as long as any."""
    return _hasher.hash("lotse-dummy-password")


def find_user(session: Session, email: str) -> User | None:
    """Return the user with this e-mail address (case-insensitive)."""
    if "\x00" in email:  # PostgreSQL refuses NUL in text; no address contains one
        return None
    return session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def create_user(
    session: Session, email: str, password: str, role: str, organization_id: str | None = None
) -> User:
    """Create a user; carrier staff must belong to an existing organisation."""
    email = email.strip()
    if len(email) > MAX_EMAIL_LENGTH or not _EMAIL.match(email):
        raise AccountError(f"„{email}“ ist keine gültige E-Mail-Adresse.")
    if role not in ROLES:
        raise AccountError(f"Unbekannte Rolle „{role}“ (erlaubt: {', '.join(ROLES)}).")
    check_password(password)
    if role == "carrier" and not organization_id:
        raise AccountError("Trägerkonten brauchen eine Organisation (--org).")
    if organization_id and session.get(Organization, organization_id) is None:
        raise AccountError(f"Organisation „{organization_id}“ gibt es nicht.")
    if find_user(session, email) is not None:
        raise AccountError(f"Ein Konto für „{email}“ gibt es schon.")
    user = User(
        email=email,
        password_hash=hash_password(password),
        role=role,
        organization_id=organization_id,
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """Return the active user with these credentials, or None (same work for unknown addresses)."""
    user = find_user(session, email) if len(email) <= MAX_EMAIL_LENGTH else None
    if len(password) > MAX_PASSWORD_LENGTH:
        return None
    if user is None:
        verify_password(_dummy_hash(), password)
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    return user


def list_users(session: Session) -> list[User]:
    """Return all accounts, by role and e-mail address."""
    return list(session.scalars(select(User).order_by(User.role, User.email)))


def set_active(session: Session, user_id: int, active: bool) -> User:
    """Activate or deactivate an account; deactivating ends its sessions and revokes its tokens."""
    user = _get(session, user_id)
    user.active = active
    if not active:
        end_all_sessions(session, user.id)
        revoke_all_tokens(session, user.id)
    return user


def set_password(session: Session, user_id: int, password: str) -> User:
    """Give an account a new password: every login session ends and every API token is revoked.

    Whoever knew the old password may have made tokens with it; a new password must lock them out too.
    """
    check_password(password)
    user = _get(session, user_id)
    user.password_hash = hash_password(password)
    end_all_sessions(session, user.id)
    revoke_all_tokens(session, user.id)
    return user


def change_own_password(session: Session, user_id: int, old_password: str, new_password: str) -> User:
    """A user changes their own password, proving the old one; like set_password, all logins end."""
    user = _get(session, user_id)
    if len(old_password) > MAX_PASSWORD_LENGTH or not verify_password(user.password_hash, old_password):
        raise AccountError("Das bisherige Passwort stimmt nicht.")
    if new_password == old_password:
        raise AccountError("Das neue Passwort muss sich vom bisherigen unterscheiden.")
    return set_password(session, user_id, new_password)


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise AccountError(f"Konto {user_id} gibt es nicht.")
    return user


def resolve_organization(session: Session, wanted: str) -> str:
    """Return the id of the organisation named by its id, its name or a unique part of its name."""
    if session.get(Organization, wanted) is not None:
        return wanted
    needle = wanted.strip().casefold()
    organizations = list(session.scalars(select(Organization).order_by(Organization.name)))
    exact = [o for o in organizations if o.name.casefold() == needle]
    found = exact or [o for o in organizations if needle and needle in o.name.casefold()]
    if len(found) == 1:
        return found[0].id
    if not found:
        raise AccountError(
            f"Keine Organisation passt zu „{wanted}“. `lotse org list` zeigt alle mit ihren Ids."
        )
    names = "; ".join(f"{o.name} ({o.id})" for o in found[:8])
    raise AccountError(
        f"„{wanted}“ passt zu mehreren Organisationen: {names}. Bitte genauer oder die Id angeben."
    )
