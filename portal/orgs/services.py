"""State changes of organizations: registering an employer, verifying or rejecting it."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import Select, case, func, or_, select

from portal import search
from portal.audit import AuditAction, record
from portal.auth.models import Role, User
from portal.auth.services import AccountError, create_user
from portal.extensions import db, utcnow
from portal.jobs.models import Opening, OpeningStatus
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
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


def verify(organization: Organization, *, by: User, note: str | None = None) -> None:
    """A counselor has checked the organization is real (`note`: what they checked). Clears an
    earlier rejection; its published openings become public."""
    organization.verified_at = utcnow()
    organization.verified_by_id = by.id
    organization.verification_note = (note or "").strip() or None
    organization.rejected_at = None
    organization.rejection_reason = None
    _reviewed(organization, "verified", reason=organization.verification_note)
    record(AuditAction.ORGANIZATION_VERIFIED, actor=by, subject=organization)


def reject(organization: Organization, *, by: User, reason: str) -> None:
    """A counselor could not confirm the organization: nothing of it is public, and its members
    read why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError(_("Say why the organization is not verified."))
    organization.verified_at = None
    organization.verified_by_id = by.id
    organization.rejected_at = utcnow()
    organization.rejection_reason = reason
    _reviewed(organization, "rejected", reason=reason)
    record(AuditAction.ORGANIZATION_REJECTED, actor=by, subject=organization)


def ask_again(organization: Organization) -> None:
    """A turned-down organization corrected its details: back to the counselors' list (the
    earlier reason stays for them to read)."""
    if organization.is_rejected:
        organization.rejected_at = None
        db.session.flush()


def _reviewed(organization: Organization, decision: str, *, reason: str | None) -> None:
    """Tell the members, and let search see its openings' new visibility."""
    db.session.flush()
    for opening in organization.openings:
        search.index(opening)
    params = {"organization": organization.name, "decision": decision, "reason": reason or ""}
    for member in organization.members:
        notify(
            member,
            NotificationKind.ORGANIZATION_REVIEWED,
            params,
            link=url_for("orgs.dashboard"),
        )


def pending_organizations(
    provinces: frozenset[str] | None = None, first: frozenset[str] = frozenset()
) -> Select:
    """Organizations waiting for a counselor's check (not verified, not rejected) in
    `provinces` (None: everywhere; one that gave no province is everyone's), those in `first`
    first, then the newest."""
    query = select(Organization).where(
        Organization.verified_at.is_(None), Organization.rejected_at.is_(None)
    )
    if provinces is not None:
        query = query.where(
            or_(
                Organization.province_code.in_(sorted(provinces)),
                Organization.province_code.is_(None),
            )
        )
    return query.order_by(
        case((Organization.province_code.in_(sorted(first)), 0), else_=1),
        Organization.created_at.desc(),
        Organization.id.desc(),
    )


_WAITING = (OpeningStatus.PENDING_REVIEW, OpeningStatus.PUBLISHED)


def waiting_openings(organization: Organization) -> list[Opening]:
    """The organization's openings that wait for its check or a review to be public, oldest
    first (its check page links each one)."""
    query = (
        select(Opening)
        .where(Opening.organization_id == organization.id, Opening.status.in_(_WAITING))
        .order_by(Opening.created_at, Opening.id)
    )
    return list(db.session.scalars(query))


def waiting_openings_count(organization_ids: list[int]) -> dict[int, int]:
    """How many openings of each organization wait to be public (for review, or published)."""
    rows = db.session.execute(
        select(Opening.organization_id, func.count())
        .where(
            Opening.organization_id.in_(organization_ids),
            Opening.status.in_(_WAITING),
        )
        .group_by(Opening.organization_id)
    )
    return {organization_id: count for organization_id, count in rows}
