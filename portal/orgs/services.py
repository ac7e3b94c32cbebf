"""State changes of organizations: registering an employer, verifying it."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.auth.services import AccountError, create_user
from portal.extensions import db, utcnow
from portal.orgs.models import Organization, OrgKind


def find_organization(name: str) -> Organization | None:
    """The organization with this name, ignoring case and surrounding spaces."""
    return db.session.scalar(
        select(Organization).where(func.lower(Organization.name) == name.strip().lower())
    )


def register_employer(
    *,
    organization_name: str,
    kind: str,
    province_code: str,
    contact_name: str,
    phone: str,
    email: str | None,
    password: str,
) -> User:
    """A new, unverified organization and the employer account that manages it."""
    if find_organization(organization_name):
        raise AccountError(
            _(
                "An organization named %(name)s is already registered. Ask its staff or your center.",  # noqa: E501
                name=organization_name,
            ),
            "organization_name",
        )
    organization = Organization(
        name=organization_name,
        kind=OrgKind(kind),
        province_code=province_code,
        contact_name=contact_name,
        contact_phone=phone,
        contact_email=email,
    )
    db.session.add(organization)
    db.session.flush()
    user = create_user(
        role=Role.EMPLOYER,
        email=email,
        phone=phone,
        password=password,
        display_name=contact_name,
        organization_id=organization.id,
    )
    organization.contact_phone = user.phone
    return user


def verify(organization: Organization, *, by: User) -> None:
    """A counselor has checked the organization is real."""
    organization.verified_at = utcnow()
    organization.verified_by_id = by.id
