"""Who may change which offers: admins all, carrier staff their organisation's, case workers none."""

from __future__ import annotations

import pytest

from lotse.accounts.authorization import (
    PermissionDenied,
    can_edit,
    editable_organization,
    require_admin,
    require_organization,
)
from lotse.models import User

ORG, OTHER = "org-a", "org-b"


def _user(role: str, org: str | None = None, active: bool = True) -> User:
    return User(id=1, email="x@example.org", password_hash="-", role=role, organization_id=org, active=active)


def test_admins_edit_every_organisation() -> None:
    assert can_edit(_user("admin"), OTHER)


def test_carrier_staff_edit_only_their_organisation() -> None:
    carrier = _user("carrier", ORG)
    assert can_edit(carrier, ORG) and not can_edit(carrier, OTHER)


def test_case_workers_edit_nothing() -> None:
    with pytest.raises(PermissionDenied):
        require_organization(_user("caseworker"), ORG)


def test_inactive_accounts_edit_nothing() -> None:
    assert not can_edit(_user("admin", active=False), ORG)


def test_carrier_accounts_without_organisation_edit_nothing() -> None:
    with pytest.raises(PermissionDenied):
        require_organization(_user("carrier", None), ORG)


def test_new_offers_of_carrier_staff_belong_to_their_organisation() -> None:
    assert editable_organization(_user("carrier", ORG), None) == ORG


def test_carrier_staff_cannot_name_another_organisation() -> None:
    with pytest.raises(PermissionDenied):
        editable_organization(_user("carrier", ORG), OTHER)


def test_only_admins_pass_the_admin_check() -> None:
    with pytest.raises(PermissionDenied):
        require_admin(_user("carrier", ORG))
