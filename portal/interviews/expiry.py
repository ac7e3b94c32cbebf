"""`flask applications expire`: an application with no move for 60 days closes by itself, with a
reason she can read, after a warning a week before (at 53 days). A move, a new interview date or
an interview still to come starts the count again. The close waits for a warning at least a week
old, so an application found idle for months (the first run) is warned first, never closed at
once. Meant for cron, daily; running it twice does nothing more. Services flush; the command
commits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import selectinload

from portal.audit import AuditAction, record
from portal.extensions import db, utcnow
from portal.i18n import local_time
from portal.interviews.models import ExpiryWarning, Interview
from portal.notifications.links import portal_path
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from portal.placements.models import Application, ApplicationStatus, ApplicationStatusChange
from portal.placements.services import EXPIRED

S = ApplicationStatus
IDLE_DAYS = 60
NOTICE_DAYS = 7  # warned this long before: at 53 days
OPEN = (S.APPLIED, S.REFERRED, S.SHORTLISTED, S.INTERVIEW)


@dataclass
class Expiry:
    """What a run did (or, in a dry run, would do)."""

    warned: list[int] = field(default_factory=list)  # application ids
    closed: list[int] = field(default_factory=list)


def idle_since(cutoff: datetime):
    """Open applications with no step, no interview set and no interview held after `cutoff`
    (idle since `cutoff` or longer)."""
    last_step = (
        select(func.max(ApplicationStatusChange.changed_at))
        .where(ApplicationStatusChange.application_id == Application.id)
        .scalar_subquery()
    )
    interview_since = exists().where(
        Interview.application_id == Application.id,
        or_(Interview.created_at > cutoff, Interview.starts_at > cutoff),
    )
    return (
        select(Application)
        .where(
            Application.status.in_(OPEN),
            Application.created_at <= cutoff,
            func.coalesce(last_step, Application.created_at) <= cutoff,
            ~interview_since,
        )
        .options(selectinload(Application.youth), selectinload(Application.opening))
        .order_by(Application.id)
    )


def last_move(application: Application) -> datetime:
    """The application's last step, interview set or interview held."""
    moments = [application.created_at]
    moments += db.session.scalars(
        select(ApplicationStatusChange.changed_at).where(
            ApplicationStatusChange.application_id == application.id
        )
    ).all()
    for interview in db.session.scalars(
        select(Interview).where(Interview.application_id == application.id)
    ):
        moments += [interview.created_at, interview.starts_at]
    return max(moments)


def warning_since(application: Application, moment: datetime) -> ExpiryWarning | None:
    return db.session.scalar(
        select(ExpiryWarning)
        .where(ExpiryWarning.application_id == application.id, ExpiryWarning.warned_at > moment)
        .order_by(ExpiryWarning.warned_at)
        .limit(1)
    )


def expire(now: datetime | None = None, *, dry_run: bool = False) -> Expiry:
    """Warn the applications idle for 53 days, close those idle for 60 whose warning is a week
    old. `dry_run` only says which."""
    now = now or utcnow()
    done = Expiry()
    warn_cutoff = now - timedelta(days=IDLE_DAYS - NOTICE_DAYS)
    for application in db.session.scalars(idle_since(warn_cutoff)).all():
        last = last_move(application)
        warning = warning_since(application, last)
        if warning is None:
            done.warned.append(application.id)
            if not dry_run:
                _warn(application, now)
        elif last <= now - timedelta(days=IDLE_DAYS) and (
            warning.warned_at <= now - timedelta(days=NOTICE_DAYS)
        ):
            done.closed.append(application.id)
            if not dry_run:
                _close(application, now)
    db.session.flush()
    return done


def _warn(application: Application, now: datetime) -> None:
    closes_on = local_time(now).date() + timedelta(days=NOTICE_DAYS)
    db.session.add(ExpiryWarning(application_id=application.id, warned_at=now))
    record(
        AuditAction.APPLICATION_EXPIRY_WARNED,
        actor=None,
        subject=application,
        youth=application.youth,
        detail={"closes_on": closes_on.isoformat()},
    )
    _tell(application, "warning", closes_on)


def _close(application: Application, now: datetime) -> None:
    """Phlov closes it: not selected, for the reason only Phlov gives (staff may reopen it)."""
    current = application.status
    application.status = S.NOT_SELECTED
    application.status_changes.append(
        ApplicationStatusChange(
            from_status=current, to_status=S.NOT_SELECTED, changed_at=now, reason_code=EXPIRED
        )
    )
    db.session.flush()
    record(
        AuditAction.APPLICATION_STATUS,
        actor=None,
        subject=application,
        youth=application.youth,
        detail={"from": str(current), "to": str(S.NOT_SELECTED), "reason_code": EXPIRED},
    )
    _tell(application, "closed")


def _tell(application: Application, stage: str, closes_on: date | None = None) -> None:
    user = application.youth.user
    if user is None or not user.active:
        return
    params = {"stage": stage, "application_id": application.id}
    params["opening_title"] = application.opening.title
    if closes_on is not None:
        params["closes_on"] = closes_on.isoformat()
    link = portal_path("placements.my_applications") + f"#application-{application.id}"
    notify(user, NotificationKind.APPLICATION_EXPIRY, params, link=link)
