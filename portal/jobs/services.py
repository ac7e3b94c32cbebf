"""Named state changes of an opening. The status column changes only here, and each change
records who made it, when and why (OpeningStatusChange). Services flush; callers commit."""

from __future__ import annotations

from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from portal import search
from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.courses.models import CourseDetails
from portal.extensions import db, utcnow
from portal.jobs.models import (
    Opening,
    OpeningKind,
    OpeningStatus,
    OpeningStatusChange,
    ScreeningLevel,
)
from portal.jobs.queries import published_openings
from portal.notifications.links import portal_path
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from portal.occupations import isco_for
from portal.orgs.models import Organization
from portal.screening.openings import may_publish, needs_confirmation, screen_opening
from portal.screening_admin.decisions import record_decision


class TransitionError(ValueError):
    """The opening cannot move to that status from where it is."""


class ScreeningHold(TransitionError):
    """The screening does not let the opening be public: "high", or "review" not confirmed."""


# Which statuses each status may move to.
ALLOWED = {
    OpeningStatus.DRAFT: {OpeningStatus.PENDING_REVIEW, OpeningStatus.PUBLISHED},
    OpeningStatus.PENDING_REVIEW: {
        OpeningStatus.PUBLISHED,
        OpeningStatus.REJECTED,
        OpeningStatus.DECLINED,
        OpeningStatus.DRAFT,
    },
    OpeningStatus.REJECTED: {
        OpeningStatus.PENDING_REVIEW,
        OpeningStatus.DRAFT,
        OpeningStatus.DECLINED,
    },
    OpeningStatus.PUBLISHED: {OpeningStatus.CLOSED, OpeningStatus.PENDING_REVIEW},
    OpeningStatus.CLOSED: {OpeningStatus.PUBLISHED, OpeningStatus.PENDING_REVIEW},
    OpeningStatus.DECLINED: set(),  # for good: not edited, not sent again
}


def _change_status(
    opening: Opening, to: OpeningStatus, *, by: User | None, reason: str | None = None
) -> None:
    current = opening.status
    if current is not None and current != to and to not in ALLOWED[current]:
        raise TransitionError(
            _("An opening cannot go from %(current)s to %(to)s.", current=current, to=to)
        )
    if to in (OpeningStatus.PENDING_REVIEW, OpeningStatus.PUBLISHED):
        screen_opening(opening)  # the queue shows the reasons; publishing obeys them
    if to == OpeningStatus.PUBLISHED:
        _check_screening(opening)
    opening.status = to
    if to == OpeningStatus.PUBLISHED:
        opening.published_at = utcnow()
        opening.review_note = None
    opening.status_changes.append(
        OpeningStatusChange(
            from_status=current, to_status=to, changed_by_id=by.id if by else None, reason=reason
        )
    )
    db.session.flush()
    search.index(opening)
    if by is not None and by.is_staff and to in STAFF_DECISIONS:
        _audit_decision(opening, current, by=by)


# Status changes that are a staff member's decision on an opening, for the audit trail.
STAFF_DECISIONS = frozenset(
    {OpeningStatus.PUBLISHED, OpeningStatus.REJECTED, OpeningStatus.DECLINED, OpeningStatus.CLOSED}
)


def _audit_decision(opening: Opening, current: OpeningStatus | None, *, by: User) -> None:
    detail = {"from": str(current) if current else None, "to": str(opening.status)}
    checked = opening.screening_level == ScreeningLevel.REVIEW and opening.screening_confirmed_by_id
    if opening.status == OpeningStatus.PUBLISHED and checked:
        detail["warnings_checked"] = True  # a counselor confirmed the screening's warnings
    decision = record_decision(opening, current, by=by)
    if decision is not None:  # what the counselor made of the warnings, with the rules
        detail["screening"] = str(decision.decision)
        detail["rules"] = decision.rule_names
    record(AuditAction.OPENING_DECIDED, actor=by, subject=opening, detail=detail)


def _check_screening(opening: Opening) -> None:
    """The one place where the screening stops an opening from being public, by any path
    (web form, edit, import, demo seed, any future API)."""
    if opening.screening_level == ScreeningLevel.HIGH:
        raise ScreeningHold(
            _(
                "This opening has serious warning signs. It cannot be published. "
                "Decline it, or edit it so that it is checked again."
            )
        )
    if needs_confirmation(opening):
        raise ScreeningHold(
            _(
                "This opening has warning signs. A counselor must confirm they checked them "
                "before it is published."
            )
        )


def submit_for_review(opening: Opening, *, by: User | None) -> None:
    """An employer's new or edited opening waits for a counselor."""
    _change_status(opening, OpeningStatus.PENDING_REVIEW, by=by)


def publish(
    opening: Opening,
    *,
    by: User | None,
    reason: str | None = None,
    confirmed_warnings: bool = False,
) -> None:
    """Make the opening public (a counselor approved it, or it came from a trusted import).
    Raises ScreeningHold when the screening says no (see _check_screening). A counselor who
    ticked "I checked these warnings" (`confirmed_warnings`) lets a "review" opening through."""
    was_waiting = opening.status == OpeningStatus.PENDING_REVIEW
    if confirmed_warnings:
        reason = _confirm_warnings(opening, by=by) or reason
    _change_status(opening, OpeningStatus.PUBLISHED, by=by, reason=reason)
    if was_waiting:
        tell_members(opening, "approved", endpoint="jobs.detail")


def _confirm_warnings(opening: Opening, *, by: User | None) -> str | None:
    """Record that a counselor checked the warnings of a "review" opening; returns the reason
    the status change keeps. Nobody confirms a "high" one, and nobody confirms for a program."""
    screen_opening(opening)
    if by is None or not by.is_staff or opening.screening_level != ScreeningLevel.REVIEW:
        return None
    opening.screening_confirmed_by_id = by.id
    opening.screening_confirmed_at = utcnow()
    names = ", ".join(reason["name"] for reason in opening.screening_reasons)
    return _("Warning signs checked by the counselor: %(names)s", names=names)


def hold_if_unsafe(opening: Opening, *, by: User | None) -> bool:
    """Screen an opening whose words changed. A published one that may no longer be public goes
    back to the review queue and its organization is told; returns True then."""
    screen_opening(opening)
    if opening.status != OpeningStatus.PUBLISHED or may_publish(opening):
        return False
    note = _("It has warning signs. A counselor checks it before young people see it again.")
    _change_status(opening, OpeningStatus.PENDING_REVIEW, by=by, reason=note)
    tell_members(opening, "held", reason=note, endpoint="jobs.detail")
    return True


# Openings that are public or may become public: what a new known bad contact may concern.
LIVE_STATUSES = (OpeningStatus.DRAFT, OpeningStatus.PENDING_REVIEW, OpeningStatus.PUBLISHED)


def rescreen_live(*, by: User | None, organization: Organization | None = None) -> list[Opening]:
    """Screen again every live opening (of `organization`, or all), after the known bad
    contacts or an organization's licence changed. Published ones that may no longer be public
    go back to the queue. Returns the openings that became "high" now."""
    query = select(Opening).where(Opening.status.in_(LIVE_STATUSES))
    if organization is not None:
        query = query.where(Opening.organization_id == organization.id)
    became_high = []
    for opening in db.session.scalars(query.options(selectinload(Opening.organization))).all():
        was_high = opening.screening_level == ScreeningLevel.HIGH
        hold_if_unsafe(opening, by=by)
        if opening.screening_level == ScreeningLevel.HIGH and not was_high:
            became_high.append(opening)
    db.session.flush()
    return became_high


def reject(opening: Opening, *, by: User, reason: str) -> None:
    """Send the opening back to its organization with a reason it can act on."""
    if not reason or not reason.strip():
        raise TransitionError(_("Say why the opening is sent back."))
    opening.review_note = reason.strip()
    _change_status(opening, OpeningStatus.REJECTED, by=by, reason=reason.strip())
    tell_members(opening, "sent_back", reason=opening.review_note, endpoint="jobs.edit")


def decline(opening: Opening, *, by: User, reason: str) -> None:
    """Turn the opening down for good (fake, unsafe, not a real opening): it cannot be edited or
    sent again."""
    if not reason or not reason.strip():
        raise TransitionError(_("Say why the opening is declined."))
    opening.review_note = reason.strip()
    _change_status(opening, OpeningStatus.DECLINED, by=by, reason=reason.strip())
    tell_members(opening, "declined", reason=opening.review_note, endpoint="orgs.dashboard")


def tell_members(
    opening: Opening, decision: str, *, endpoint: str = "jobs.detail", reason: str = ""
) -> None:
    """OPENING_REVIEWED to each employer account of the opening's organization, linking to
    `endpoint` (the opening's page by default)."""
    values = {} if endpoint == "orgs.dashboard" else {"opening_id": opening.id}
    params = {"opening_title": opening.title, "decision": decision, "reason": reason}
    for member in opening.organization.members:
        notify(
            member,
            NotificationKind.OPENING_REVIEWED,
            params,
            link=portal_path(endpoint, **values),
        )


def close(opening: Opening, *, by: User | None, reason: str | None = None) -> None:
    """No more applications: filled, cancelled or past its date."""
    _change_status(opening, OpeningStatus.CLOSED, by=by, reason=reason)


def next_ref(organization: Organization, session=None) -> str:
    """A reference for an opening posted on the web, unique within its organization.

    Two openings posted at the same moment would count the same number: the organization's row
    is locked first (FOR UPDATE on PostgreSQL; SQLite already lets one writer in at a time), so
    the second waits for the first to commit and counts it. `session`: db.session by default."""
    session = session or db.session
    session.execute(
        select(Organization.id).where(Organization.id == organization.id).with_for_update()
    )
    count = session.scalar(select(func.count()).where(Opening.organization_id == organization.id))
    number = (count or 0) + 1
    while session.scalar(
        select(Opening.id).where(
            Opening.organization_id == organization.id, Opening.ref == f"WEB-{number:04d}"
        )
    ):
        number += 1
    return f"WEB-{number:04d}"


# Fields of an opening that its form may set (the status changes only through the services above).
EDITABLE_FIELDS = frozenset(
    {
        "kind",
        "title",
        "description",
        "skills",
        "province_code",
        "district_code",
        "salary_min",
        "salary_max",
        "currency",
        "min_age",
        "hazardous",
        "min_education",
        "languages",
        "positions",
        "closing_date",
        "ref",
        "work_abroad",
        "work_country",
        "isco_minor_group",
    }
)
COURSE_FIELDS = frozenset(
    {"start_date", "duration_weeks", "fee", "fee_currency", "scholarship_available"}
)
# An employer's change to one of these goes back to a counselor before young people see it.
_REVIEWED_AGAIN = frozenset({OpeningStatus.DRAFT, OpeningStatus.PUBLISHED, OpeningStatus.REJECTED})


def save_draft(opening: Opening, *, by: User | None) -> None:
    """Keep a staff member's opening unpublished for now."""
    _change_status(opening, OpeningStatus.DRAFT, by=by)


def edit_needs_review(opening: Opening, *, by: User) -> bool:
    """True when saving `by`'s edit will send the opening back to the review queue."""
    return not by.is_staff and opening.status in _REVIEWED_AGAIN


def _apply(opening: Opening, fields: dict, course: dict | None) -> None:
    unknown = (set(fields) - EDITABLE_FIELDS) | (set(course or {}) - COURSE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(opening, name, value)
    if not opening.isco_minor_group:  # not chosen on the form: found from title and skills
        opening.isco_minor_group = isco_for(opening.title, opening.skills or ())
    if opening.kind != OpeningKind.COURSE or course is None:
        opening.course = None  # only courses have course details
        return
    if opening.course is None:
        opening.course = CourseDetails()
    for name, value in course.items():
        setattr(opening.course, name, value)


def create_opening(
    organization: Organization,
    fields: dict,
    *,
    by: User,
    course: dict | None = None,
    publish_now: bool = False,
) -> Opening:
    """A new opening: staff publish it or keep it as a draft; an employer's waits for review."""
    fields = {**fields, "ref": fields.get("ref") or next_ref(organization)}
    opening = Opening(organization=organization, created_by_id=by.id)
    _apply(opening, fields, course)
    db.session.add(opening)
    screen_opening(opening)
    # Each branch below is a status change, which also puts the new opening in the search index.
    if not by.is_staff:
        submit_for_review(opening, by=by)
    elif publish_now and may_publish(opening):
        publish(opening, by=by)
    elif publish_now:
        submit_for_review(opening, by=by)  # warning signs: a counselor checks it on the queue
    else:
        save_draft(opening, by=by)
    return opening


def update_opening(opening: Opening, fields: dict, *, by: User, course: dict | None = None) -> bool:
    """Save an edit; returns True when it sent the opening back to the review queue."""
    if opening.status == OpeningStatus.DECLINED and not by.is_staff:
        raise TransitionError(_("This opening was declined. It cannot be changed or sent again."))
    needs_review = edit_needs_review(opening, by=by)
    fields = {**fields, "ref": fields.get("ref") or opening.ref}  # an empty ref keeps the old one
    _apply(opening, fields, course)
    if needs_review:
        submit_for_review(opening, by=by)
    elif hold_if_unsafe(opening, by=by):
        return True
    db.session.flush()
    search.index(opening)
    return needs_review


def delete_opening(opening: Opening) -> None:
    """Remove the opening, its status history and course details, and drop it from search."""
    search.remove(opening)
    db.session.delete(opening)
    db.session.flush()


def can_change_status(opening: Opening, to: OpeningStatus) -> bool:
    """True when a named change to `to` is allowed from the opening's current status."""
    return opening.status != to and to in ALLOWED.get(opening.status, set())


CLOSED_BY_DATE = "closing date passed"
REMINDER_DAYS = 7


def close_expired(day: date) -> int:
    """Close the published openings whose closing date is before `day`; returns how many."""
    expired = db.session.scalars(
        select(Opening).where(
            Opening.status == OpeningStatus.PUBLISHED,
            Opening.closing_date.is_not(None),
            Opening.closing_date < day,
        )
    ).all()
    for opening in expired:
        close(opening, by=None, reason=CLOSED_BY_DATE)
    return len(expired)


def closing_reminders(day: date) -> int:
    """Tell the members of each organization whose public opening closes within
    REMINDER_DAYS of `day` (once per opening and member); returns how many were told."""
    soon = db.session.scalars(
        published_openings(day)
        .where(Opening.closing_date.is_not(None))
        .where(Opening.closing_date <= day + timedelta(days=REMINDER_DAYS))
        .options(selectinload(Opening.organization))
    ).all()
    told = 0
    for opening in soon:
        params = {"opening_title": opening.title, "closing_date": opening.closing_date.isoformat()}
        link = portal_path("jobs.detail", opening_id=opening.id)
        for member in opening.organization.members:
            made = notify(
                member,
                NotificationKind.CLOSING_REMINDER,
                params,
                link=link,
                dedupe_key=f"closing:{opening.id}",
            )
            told += made is not None
    return told
