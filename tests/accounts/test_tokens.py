"""API tokens: shown once, stored only as a hash, revocable."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from lotse.accounts.tokens import issue_token, revoke_token, token_hash, token_user
from lotse.db import Database
from lotse.models import ApiToken, User
from tests.staff import Staff, build


@pytest.fixture
def staff(db: Database, tmp_path: Path) -> Staff:
    return build(db, tmp_path)


def _issue(db: Database, staff: Staff) -> tuple[int, str]:
    with db.writing() as session:
        user = session.get(User, staff.users["carrier"])
        assert user is not None
        token, raw = issue_token(session, user, "Skript")
        return token.id, raw


def test_only_the_hash_of_a_token_is_stored(db: Database, staff: Staff) -> None:
    token_id, raw = _issue(db, staff)
    with db.session() as session:
        stored = session.get(ApiToken, token_id)
        assert stored is not None and stored.token_hash == token_hash(raw) and raw not in stored.token_hash


def test_a_token_identifies_its_user(db: Database, staff: Staff) -> None:
    _token_id, raw = _issue(db, staff)
    with db.session() as session:
        found = token_user(session, raw)
        assert found is not None and found[0].id == staff.users["carrier"]


def test_a_revoked_token_no_longer_works(db: Database, staff: Staff) -> None:
    token_id, raw = _issue(db, staff)
    with db.writing() as session:
        assert revoke_token(session, staff.users["carrier"], token_id)
    with db.session() as session:
        assert token_user(session, raw) is None


def test_nobody_revokes_someone_elses_token(db: Database, staff: Staff) -> None:
    token_id, raw = _issue(db, staff)
    with db.writing() as session:
        assert not revoke_token(session, staff.users["other_carrier"], token_id)
    with db.session() as session:
        assert token_user(session, raw) is not None


def test_an_unknown_token_is_nobody(db: Database, staff: Staff) -> None:
    with db.session() as session:
        assert token_user(session, "lotse_erfunden") is None


def test_tokens_are_random(db: Database, staff: Staff) -> None:
    first, second = _issue(db, staff)[1], _issue(db, staff)[1]
    with db.session() as session:
        hashes = set(session.scalars(select(ApiToken.token_hash)))
    assert first != second and {token_hash(first), token_hash(second)} <= hashes
