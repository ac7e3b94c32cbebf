"""Who may see and change an organization: the one place every view asks."""

from __future__ import annotations

from flask import abort

from portal.auth.models import Role, User
from portal.extensions import db
from portal.orgs.models import Organization


def is_member(user: User | None, organization: Organization) -> bool:
    """The user is an employer account of this organization."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.role == Role.EMPLOYER
        and user.organization_id == organization.id
    )


def can_see_contact(user: User | None, organization: Organization) -> bool:
    """Contact details are for staff (and the organization itself), not the public."""
    return bool(user is not None and user.is_authenticated and user.is_staff) or is_member(
        user, organization
    )


def can_verify(user: User | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_staff)


def get_organization_or_404(organization_id: int, for_user: User | None) -> Organization:
    """Organization pages are public: 404 only when there is no such organization."""
    organization = db.session.get(Organization, organization_id)
    if organization is None:
        abort(404)
    return organization


def own_organization_or_404(user: User) -> Organization:
    """The organization an employer account manages; 404 if the account has none."""
    organization = (
        db.session.get(Organization, user.organization_id) if user.organization_id else None
    )
    if organization is None or not is_member(user, organization):
        abort(404)
    return organization
