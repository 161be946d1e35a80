"""Who may do what: checked by the services that change data, not only by the views."""

from __future__ import annotations

from lotse.models import User

#: Roles that may change offers at all (admins everything, carrier staff their organisation's).
EDITOR_ROLES = ("admin", "carrier")


class PermissionDenied(Exception):
    """The acting user may not do this; the message is German."""

    def __init__(self, message: str = "Dafür fehlt Ihnen die Berechtigung.") -> None:
        super().__init__(message)
        self.message = message


def is_admin(user: User | None) -> bool:
    """Tell whether the user is an active admin."""
    return user is not None and user.active and user.role == "admin"


def require_admin(user: User | None) -> None:
    """Refuse everyone but admins."""
    if not is_admin(user):
        raise PermissionDenied("Das dürfen nur Administratorinnen und Administratoren.")


def require_editor(user: User | None) -> User:
    """Refuse everyone who may not change offers at all (case workers, inactive accounts)."""
    if user is None or not user.active or user.role not in EDITOR_ROLES:
        raise PermissionDenied("Angebote ändern dürfen nur Träger und Administration.")
    if user.role == "carrier" and not user.organization_id:
        raise PermissionDenied("Ihr Trägerkonto ist keiner Organisation zugeordnet.")
    return user


def can_edit(user: User | None, organization_id: str) -> bool:
    """Tell whether the user may change offers of this organisation."""
    if user is None or not user.active:
        return False
    if user.role == "admin":
        return True
    return (
        user.role == "carrier"
        and user.organization_id is not None
        and user.organization_id == organization_id
    )


def require_organization(user: User | None, organization_id: str) -> None:
    """Refuse a user acting on an organisation that is not theirs (admins act on all)."""
    require_editor(user)
    if not can_edit(user, organization_id):
        raise PermissionDenied("Dieses Angebot gehört nicht zu Ihrer Organisation.")


def editable_organization(user: User | None, requested: str | None) -> str | None:
    """Return the organisation a new offer belongs to: the carrier's own, or the one an admin names."""
    user = require_editor(user)
    if user.role == "carrier":
        assert user.organization_id is not None  # require_editor checked it
        if requested and requested != user.organization_id:
            raise PermissionDenied("Sie können nur Angebote Ihrer eigenen Organisation anlegen.")
        return user.organization_id
    return requested or None


#: Roles that may read the planning statistics (the Sozialplanung page, its API and the report).
PLANNING_ROLES = ("admin", "planner")


def require_planner(user: User | None) -> User:
    """Refuse everyone but social planners and admins."""
    if user is None or not user.active or user.role not in PLANNING_ROLES:
        raise PermissionDenied("Die Planungsstatistik sehen nur Sozialplanung und Administration.")
    return user
