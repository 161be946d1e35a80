"""Accounts: creating users, argon2id passwords, logging in, deactivating."""

from __future__ import annotations

from pathlib import Path

import pytest

from lotse.accounts.sessions import session_user, start_session
from lotse.accounts.tokens import issue_token, token_user
from lotse.accounts.users import (
    AccountError,
    authenticate,
    change_own_password,
    create_user,
    set_active,
    set_password,
)
from lotse.db import Database
from lotse.models import User
from tests.staff import OWN_ORG, PASSWORD, Staff, build


@pytest.fixture
def staff(db: Database, tmp_path: Path) -> Staff:
    return build(db, tmp_path)


def test_passwords_are_stored_as_argon2id_hashes(db: Database, staff: Staff) -> None:
    with db.session() as session:
        user = session.get(User, staff.users["carrier"])
        assert user is not None
        assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash


def test_right_password_authenticates(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        user = authenticate(session, staff.emails["carrier"].upper(), PASSWORD)
        assert user is not None and user.last_login_at is not None


def test_wrong_password_does_not_authenticate(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        assert authenticate(session, staff.emails["carrier"], "falsch-falsch") is None


def test_unknown_address_does_not_authenticate(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        assert authenticate(session, "niemand@example.org", PASSWORD) is None


def test_carrier_accounts_need_an_organisation(db: Database, staff: Staff) -> None:
    with db.writing() as session, pytest.raises(AccountError, match="Organisation"):
        create_user(session, "neu@example.org", PASSWORD, "carrier")


def test_short_passwords_are_refused(db: Database, staff: Staff) -> None:
    with db.writing() as session, pytest.raises(AccountError, match="mindestens"):
        create_user(session, "neu@example.org", "kurz", "carrier", OWN_ORG)


def test_the_same_address_cannot_have_two_accounts(db: Database, staff: Staff) -> None:
    with db.writing() as session, pytest.raises(AccountError, match="gibt es schon"):
        create_user(session, staff.emails["carrier"].upper(), PASSWORD, "caseworker")


def test_deactivated_accounts_lose_logins_sessions_and_tokens(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        user = session.get(User, staff.users["carrier"])
        assert user is not None
        secret = start_session(session, user)
        _token, raw = issue_token(session, user)
    with db.writing() as session:
        set_active(session, staff.users["carrier"], False)
    with db.writing() as session:
        assert authenticate(session, staff.emails["carrier"], PASSWORD) is None
        assert session_user(session, secret) is None
        assert token_user(session, raw) is None


def test_a_new_password_ends_the_other_sessions(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        user = session.get(User, staff.users["carrier"])
        assert user is not None
        secret = start_session(session, user)
    with db.writing() as session:
        set_password(session, staff.users["carrier"], "ganz-neues-passwort")
    with db.writing() as session:
        assert session_user(session, secret) is None
        assert authenticate(session, staff.emails["carrier"], "ganz-neues-passwort") is not None


def test_a_new_password_revokes_every_api_token(db: Database, staff: Staff) -> None:
    with db.writing() as session:
        user = session.get(User, staff.users["carrier"])
        assert user is not None
        _token, raw = issue_token(session, user)
    with db.writing() as session:
        set_password(session, staff.users["carrier"], "ganz-neues-passwort")
    with db.writing() as session:
        assert token_user(session, raw) is None


def test_an_own_password_change_needs_the_old_password(db: Database, staff: Staff) -> None:
    with db.writing() as session, pytest.raises(AccountError, match="bisherige Passwort"):
        change_own_password(session, staff.users["carrier"], "falsch-geraten", "ganz-neues-passwort")


def _cli_env(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOTSE_DATABASE_URL", db.url.render_as_string(hide_password=False))
    monkeypatch.setenv("LOTSE_INSTANCE_DIR", str(tmp_path / "instance"))


def test_cli_lists_and_deactivates_accounts(
    db: Database, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from lotse.cli import main

    _cli_env(db, tmp_path, monkeypatch)
    runner = CliRunner()
    assert runner.invoke(main, ["user", "deactivate", staff.emails["carrier"]]).exit_code == 0
    listed = runner.invoke(main, ["user", "list"]).output
    assert f"{staff.emails['carrier']}\tcarrier\t{OWN_ORG}\tdeaktiviert" in listed


def test_cli_deactivating_an_unknown_account_fails_in_german(
    db: Database, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from lotse.cli import main

    _cli_env(db, tmp_path, monkeypatch)
    result = CliRunner().invoke(main, ["user", "deactivate", "niemand@example.org"])
    assert result.exit_code == 1 and "gibt es nicht" in result.output
