"""Follow-ups of hires: is the person still employed 1 and 3 months later? Counselors record it
for their center's youth (admins for everyone); what donors ask for. A reminder goes to the
counselors of the youth's center when one is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import abort
from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import selectinload

from portal.audit import AuditAction
from portal.audit import record as record_audit
from portal.auth.models import Role, User
from portal.extensions import db, utcnow
from portal.jobs.models import Opening
from portal.notifications.links import portal_path
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from portal.placements.models import Application, ApplicationStatus, FollowUp
from portal.youth.queries import counselors_of, visible_to

REMIND_DAYS_AHEAD = 7  # a week ahead: the list counselors plan their calls with


class FollowUpError(ValueError):
    """A follow-up that cannot be recorded; str(error) is a message for the counselor."""


def _of_hires_visible_to(user: User) -> list[ColumnElement[bool]]:
    """Follow-ups of hires (still hired) of the youth `user` may see."""
    return [Application.status == ApplicationStatus.HIRED, *visible_to(user)]


def _follow_up_query(user: User):
    return (
        select(FollowUp)
        .join(FollowUp.application)
        .join(Application.youth)
        .where(*_of_hires_visible_to(user))
        .options(
            selectinload(FollowUp.application).selectinload(Application.youth),
            selectinload(FollowUp.application)
            .selectinload(Application.opening)
            .selectinload(Opening.organization),
        )
    )


def due_between(user: User, start: date, end: date) -> list[FollowUp]:
    """Follow-ups not recorded yet that fall due by `end` (those before `start` are overdue),
    of the youth `user` may see, earliest first."""
    overdue_or_in_window = or_(FollowUp.due_on < start, FollowUp.due_on.between(start, end))
    query = _follow_up_query(user).where(FollowUp.still_employed.is_(None), overdue_or_in_window)
    return list(db.session.scalars(query.order_by(FollowUp.due_on, FollowUp.id)))


@dataclass(frozen=True)
class FollowUpPlan:
    """A counselor's follow-ups not recorded yet: late, due within a week, and later."""

    overdue: list[FollowUp]
    this_week: list[FollowUp]
    coming: list[FollowUp]


def plan(user: User, today: date | None = None) -> FollowUpPlan:
    """Every follow-up not recorded yet of the hires `user` may see, earliest first, split into
    overdue, due this week (the next seven days) and coming (later)."""
    today = today or date.today()
    week_end = today + timedelta(days=REMIND_DAYS_AHEAD - 1)
    query = _follow_up_query(user).where(FollowUp.still_employed.is_(None))
    rows = list(db.session.scalars(query.order_by(FollowUp.due_on, FollowUp.id)))
    return FollowUpPlan(
        overdue=[f for f in rows if f.due_on < today],
        this_week=[f for f in rows if today <= f.due_on <= week_end],
        coming=[f for f in rows if f.due_on > week_end],
    )


def due_this_week(user: User, today: date | None = None) -> list[FollowUp]:
    """What a counselor's list shows: overdue, and due in the coming seven days."""
    today = today or date.today()
    return due_between(user, today, today + timedelta(days=REMIND_DAYS_AHEAD - 1))


def can_record(user: User, follow_up: FollowUp) -> bool:
    """Admins record any follow-up, counselors those of their center's youth."""
    if user.role == Role.ADMIN:
        return True
    center_id = follow_up.application.youth.center_id
    return user.role == Role.COUNSELOR and center_id is not None and center_id == user.center_id


def get_follow_up_or_404(follow_up_id: int, for_user: User) -> FollowUp:
    """The follow-up if `for_user` may record it; 404 otherwise (other centers stay unknown)."""
    follow_up = db.session.get(FollowUp, follow_up_id)
    if follow_up is None or not for_user.is_authenticated or not can_record(for_user, follow_up):
        abort(404)
    return follow_up


def record(
    follow_up: FollowUp,
    *,
    still_employed: bool,
    note: str | None,
    by: User,
    day: date | None = None,
) -> None:
    """Record whether the person is still employed. Recording again replaces the answer and
    who/when; recording before the due day is refused (the answer would not mean the same)."""
    if not can_record(by, follow_up):
        raise FollowUpError(_("Only a counselor of this person's center can record this."))
    day = day or date.today()
    if day < follow_up.due_on:
        raise FollowUpError(
            _(
                "This follow-up is due on %(day)s. Please record it from that day.",
                day=format_date(follow_up.due_on),
            )
        )
    _store(follow_up, still_employed=still_employed, note=note, by=by, via=None)


def record_by_youth(follow_up: FollowUp, *, still_employed: bool, via: str) -> None:
    """The young person answers her own follow-up (in Telegram): recorded as a counselor's
    answer is, with her as the one who recorded it and `via` the channel. Refused when the hire
    ended or the follow-up is not due yet."""
    if follow_up.application.status != ApplicationStatus.HIRED:
        raise FollowUpError(_("This question is closed."))
    if date.today() < follow_up.due_on:
        raise FollowUpError(_("This question is not open yet."))
    youth_user = follow_up.application.youth.user
    _store(follow_up, still_employed=still_employed, note=None, by=youth_user, via=via)
    record_audit(
        AuditAction.FOLLOW_UP_ANSWERED,
        actor=youth_user,
        subject=follow_up.application,
        youth=follow_up.application.youth,
        detail={"month": follow_up.month, "still_employed": still_employed, "via": via},
    )


def _store(follow_up: FollowUp, *, still_employed: bool, note, by: User, via: str | None) -> None:
    follow_up.still_employed = still_employed
    follow_up.note = (note or "").strip() or None
    follow_up.recorded_by = by
    follow_up.recorded_at = utcnow()
    follow_up.answered_via = via
    db.session.flush()


def _unanswered_due_by(day: date) -> list[FollowUp]:
    """The hires' follow-ups not answered yet and due by `day` (overdue ones too), oldest first."""
    query = (
        select(FollowUp)
        .join(FollowUp.application)
        .where(
            Application.status == ApplicationStatus.HIRED,
            FollowUp.still_employed.is_(None),
            FollowUp.due_on <= day,
        )
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    return list(db.session.scalars(query))


def remind(day: date | None = None) -> int:
    """Tell the counselors of each youth about follow-ups due within a week (or overdue), once
    per follow-up and counselor. Returns how many notifications were made; flushes."""
    day = day or date.today()
    end = day + timedelta(days=REMIND_DAYS_AHEAD - 1)
    made = 0
    for follow_up in _unanswered_due_by(end):
        youth = follow_up.application.youth
        params = {
            "youth_name": youth.full_name,
            "month": follow_up.month,
            "due_on": follow_up.due_on.isoformat(),
        }
        for counselor in counselors_of(youth):
            notification = notify(
                counselor,
                NotificationKind.FOLLOW_UP_DUE,
                params,
                link=portal_path("caseload.follow_ups"),
                dedupe_key=f"follow_up:{follow_up.id}",
            )
            made += notification is not None
    return made


def ask_the_hired(day: date | None = None) -> int:
    """Ask each young person whose follow-up is due (or overdue) and who can answer in Telegram
    "Are you still working at X?", once per follow-up. Returns how many were asked; flushes."""
    from portal.notifications.services import reachable_channels

    day = day or date.today()
    asked = 0
    for follow_up in _unanswered_due_by(day):
        user = follow_up.application.youth.user
        if user is None or not user.active or "telegram" not in reachable_channels(user):
            continue
        opening = follow_up.application.opening
        params = {
            "follow_up_id": follow_up.id,
            "employer": opening.organization.name,
            "opening_title": opening.title,
            "month": follow_up.month,
        }
        notification = notify(
            user,
            NotificationKind.FOLLOW_UP_QUESTION,
            params,
            dedupe_key=f"follow_up_question:{follow_up.id}",
            channels=["telegram"],
        )
        asked += notification is not None
    return asked
