"""A burst of reports on one organization: untrusted reporters (visitors, new accounts) reporting
REPORT_BURST_OPENINGS or more of its openings within REPORT_BURST_MINUTES look like a campaign
against it, or a scam worth a look. Either way a counselor decides: the staff of the centers in
its province are told once per burst, and the reports made during it never hide anything."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from portal.audit import AuditAction, record
from portal.auth.models import STAFF_ROLES, Role, User
from portal.centers.models import Center
from portal.extensions import db, utcnow
from portal.jobs.models import Opening
from portal.notifications.links import portal_path
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from portal.orgs.models import Organization
from portal.safety.models import OpeningReport
from portal.safety.trust import UNTRUSTED


def check(new: OpeningReport, organization: Organization) -> bool:
    """Mark `new` (flushed) as part of a burst when it is one; the first report of a burst alerts
    the organization's counselors. True when `new` is in a burst."""
    if new.trust not in UNTRUSTED:
        return False
    minutes = current_app.config["REPORT_BURST_MINUTES"]
    rows = db.session.execute(
        select(OpeningReport.opening_id, OpeningReport.in_burst)
        .join(Opening, Opening.id == OpeningReport.opening_id)
        .where(
            Opening.organization_id == organization.id,
            OpeningReport.created_at >= utcnow() - timedelta(minutes=minutes),
            OpeningReport.trust.in_(UNTRUSTED),
        )
    ).all()
    openings = {row.opening_id for row in rows}
    if len(openings) < current_app.config["REPORT_BURST_OPENINGS"]:
        return False
    already_alerted = any(row.in_burst for row in rows)
    new.in_burst = True
    db.session.flush()
    if not already_alerted:
        alert(organization, openings=len(openings), minutes=minutes)
    return True


def alert(organization: Organization, *, openings: int, minutes: int) -> None:
    """Tell the organization's counselors, and record it on the audit trail."""
    told = counselors_of(organization)
    params = {"organization": organization.name, "count": openings, "minutes": minutes}
    link = portal_path("safety.reports_queue")
    for user in told:
        notify(user, NotificationKind.REPORT_BURST, params, link=link)
    detail = {"openings": openings, "minutes": minutes, "told": len(told)}
    record(AuditAction.REPORT_BURST, subject=organization, detail=detail)


def counselors_of(organization: Organization) -> list[User]:
    """The active staff of the centers in the organization's province and the counselor who
    verified it; the admins when there are none."""
    staff = select(User).where(User.active.is_(True), User.role.in_(STAFF_ROLES))
    local = db.session.scalars(
        staff.join(Center, Center.id == User.center_id).where(
            Center.province_code == organization.province_code
        )
    ).all()
    people = {user.id: user for user in local}
    checker = organization.verified_by
    if checker is not None and checker.active and checker.is_staff:
        people.setdefault(checker.id, checker)
    if not people:
        admins = db.session.scalars(staff.where(User.role == Role.ADMIN)).all()
        people = {user.id: user for user in admins}
    return sorted(people.values(), key=lambda user: user.id)
