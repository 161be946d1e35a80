"""Creating users and checking passwords (argon2id)."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lotse.models import Organization, User
from lotse.models.user import ROLES

MIN_PASSWORD_LENGTH = 10
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


def find_user(session: Session, email: str) -> User | None:
    """Return the user with this e-mail address (case-insensitive)."""
    return session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def create_user(
    session: Session, email: str, password: str, role: str, organization_id: str | None = None
) -> User:
    """Create a user; carrier staff must belong to an existing organisation."""
    email = email.strip()
    if not _EMAIL.match(email):
        raise AccountError(f"„{email}“ ist keine gültige E-Mail-Adresse.")
    if role not in ROLES:
        raise AccountError(f"Unbekannte Rolle „{role}“ (erlaubt: {', '.join(ROLES)}).")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein.")
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
