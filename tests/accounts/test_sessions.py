"""Login sessions: a random secret in the cookie, its hash in the database, ended by logout or expiry."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from lotse.accounts.sessions import end_session, session_user, start_session
from lotse.db import Database
from lotse.models import User, UserSession
from lotse.models.base import utcnow
from tests.staff import Staff, build


@pytest.fixture
def staff(db: Database, tmp_path: Path) -> Staff:
    return build(db, tmp_path)


def _start(db: Database, staff: Staff) -> str:
    with db.writing() as session:
        user = session.get(User, staff.users["carrier"])
        assert user is not None
        return start_session(session, user)


def test_a_session_secret_identifies_its_user(db: Database, staff: Staff) -> None:
    secret = _start(db, staff)
    with db.session() as session:
        user = session_user(session, secret)
        assert user is not None and user.id == staff.users["carrier"]


def test_the_database_keeps_only_a_hash_of_the_secret(db: Database, staff: Staff) -> None:
    secret = _start(db, staff)
    with db.session() as session:
        assert secret not in set(session.scalars(select(UserSession.id_hash)))


def test_an_ended_session_no_longer_works(db: Database, staff: Staff) -> None:
    secret = _start(db, staff)
    with db.writing() as session:
        end_session(session, secret)
    with db.session() as session:
        assert session_user(session, secret) is None


def test_an_expired_session_no_longer_works(db: Database, staff: Staff) -> None:
    secret = _start(db, staff)
    with db.writing() as session:
        for row in session.scalars(select(UserSession)):
            row.expires_at = utcnow() - timedelta(minutes=1)
    with db.session() as session:
        assert session_user(session, secret) is None


def test_each_login_gets_a_new_secret(db: Database, staff: Staff) -> None:
    assert _start(db, staff) != _start(db, staff)
