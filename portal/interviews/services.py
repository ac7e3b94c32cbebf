"""Setting an interview (and moving it: the earlier row stays, replaced), and "did not come".
Each change is on the audit trail and the young person is told on her channels at once.
Services flush; the caller commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.i18n import local_time
from portal.interviews.maps import map_link_problem
from portal.interviews.models import Interview
from portal.interviews.wording import interview_day
from portal.notifications.links import portal_path
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from portal.placements import services as placements
from portal.placements.access import may_move
from portal.placements.models import Application, ApplicationStatus
from portal.placements.services import ApplicationError, NotAllowed

S = ApplicationStatus
SCHEDULABLE = frozenset({S.SHORTLISTED, S.INTERVIEW})
LONGEST_AHEAD = timedelta(days=180)
MAX_PLACE, MAX_ASK_FOR, MAX_BRING = 300, 200, 500
NO_SHOW = "no_show"  # the refusal reason that already says it (placements.REFUSAL_REASONS)


@dataclass(frozen=True)
class Plan:
    """What the employer or counselor wrote: `starts_at` is naive UTC (see portal/i18n.py)."""

    starts_at: datetime
    place: str
    map_url: str | None = None
    ask_for: str = ""
    bring: str = ""


def current_interview(application: Application) -> Interview | None:
    """The interview that stands (the latest, not replaced), if any."""
    return db.session.scalar(
        select(Interview)
        .where(Interview.application_id == application.id, Interview.replaced_at.is_(None))
        .order_by(Interview.id.desc())
        .limit(1)
    )


def history(application: Application) -> list[Interview]:
    """Every date and place set for this application, the latest first."""
    query = select(Interview).where(Interview.application_id == application.id)
    return list(db.session.scalars(query.order_by(Interview.id.desc())))


def may_schedule(user: User, application: Application) -> bool:
    return application.status in SCHEDULABLE and may_move(user, application, S.INTERVIEW)


def schedule(
    application: Application, plan: Plan, *, by: User, now: datetime | None = None
) -> Interview:
    """Set the interview (from the short list, which moves the application to "interview"), or
    move it to a new date or place (the earlier one is kept, replaced). She is told at once."""
    now = now or utcnow()
    if not may_move(by, application, S.INTERVIEW):
        raise NotAllowed(_("You cannot make this change to this application."))
    if application.status not in SCHEDULABLE:
        raise ApplicationError(_("Put the person on the short list first."))
    plan = _checked(plan, now)
    previous = current_interview(application)
    if application.status == S.SHORTLISTED:
        placements.move(application, S.INTERVIEW, by=by, tell_youth=False)
    if previous is not None:
        previous.replaced_at = now
    interview = Interview(
        application=application,
        starts_at=plan.starts_at,
        place=plan.place,
        map_url=plan.map_url,
        ask_for=plan.ask_for,
        bring=plan.bring,
        created_by_id=by.id,
        created_at=now,
    )
    db.session.add(interview)
    db.session.flush()
    detail = {"interview_id": interview.id, "starts_at": plan.starts_at.isoformat()}
    if previous is not None:
        detail["replaces"] = previous.id
        detail["was_at"] = previous.starts_at.isoformat()
    action = AuditAction.INTERVIEW_MOVED if previous else AuditAction.INTERVIEW_SET
    record(action, actor=by, subject=application, youth=application.youth, detail=detail)
    tell_youth(interview, "moved" if previous else "invited")
    return interview


def _checked(plan: Plan, now: datetime) -> Plan:
    place, ask_for, bring = plan.place.strip(), plan.ask_for.strip(), plan.bring.strip()
    map_url = (plan.map_url or "").strip() or None
    if plan.starts_at <= now:
        raise ApplicationError(_("Choose a day and time that has not passed yet."), field="day")
    if plan.starts_at > now + LONGEST_AHEAD:
        raise ApplicationError(_("Choose a day within the next six months."), field="day")
    if not place:
        raise ApplicationError(_("Write where the interview is."), field="place")
    if len(place) > MAX_PLACE:
        raise ApplicationError(_("Shorten the place, please."), field="place")
    if len(ask_for) > MAX_ASK_FOR:
        raise ApplicationError(_("Shorten the name, please."), field="ask_for")
    if len(bring) > MAX_BRING:
        raise ApplicationError(_("Shorten the list, please."), field="bring")
    if map_url and (problem := map_link_problem(map_url)):
        raise ApplicationError(problem, field="map_url")
    return Plan(plan.starts_at, place, map_url, ask_for, bring)


def no_show_open(
    application: Application, interview: Interview | None, now: datetime | None = None
) -> bool:
    """Whether "did not come" may be said now: at the interview step, from the interview's day
    (Cambodian) on."""
    if application.status != S.INTERVIEW:
        return False
    if interview is None:
        return True
    return local_time(interview.starts_at).date() <= local_time(now or utcnow()).date()


def record_no_show(application: Application, *, by: User, now: datetime | None = None) -> None:
    """She did not come: the application ends, not selected, for the reason that says so
    (one tap). Not before the interview's day."""
    now = now or utcnow()
    if application.status != S.INTERVIEW:
        raise ApplicationError(_("This application is not at the interview step."))
    interview = current_interview(application)
    if not no_show_open(application, interview, now):
        raise ApplicationError(
            _(
                "The interview is on %(day)s. You can say the person did not come after that.",
                day=interview_day(interview.starts_at),
            )
        )
    placements.move(application, S.NOT_SELECTED, by=by, reason_code=NO_SHOW)


def tell_youth(interview: Interview, stage: str) -> bool:
    """Tell the young person about her interview on the channels she chose (the in-portal list,
    Telegram when linked, SMS to a confirmed phone): True when anything was made for her."""
    application = interview.application
    user = application.youth.user
    if user is None or not user.active:
        return False  # no account: her counselor calls her (the day's list shows her)
    params = {
        "stage": stage,
        "application_id": application.id,
        "opening_title": application.opening.title,
        "employer": application.opening.organization.name,
        "starts_at": interview.starts_at.isoformat(),
        "place": interview.place,
        "ask_for": interview.ask_for,
        "bring": interview.bring,
    }
    link = portal_path("placements.my_applications") + f"#application-{application.id}"
    made = notify(
        user,
        NotificationKind.INTERVIEW,
        params,
        link=link,
        dedupe_key=f"interview-{interview.id}-{stage}",
    )
    return made is not None
