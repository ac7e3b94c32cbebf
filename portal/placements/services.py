"""Named changes of an application: apply, refer, move along the pipeline, withdraw, reopen;
and saved openings. The status column changes only here; each change records who, when and
why (ApplicationStatusChange) and tells the people concerned. Services flush; callers commit."""

from __future__ import annotations

import calendar
from datetime import date, datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal.audit import AuditAction, record
from portal.auth.models import Role, User
from portal.extensions import db, utcnow
from portal.i18n import nice_date
from portal.jobs import services as opening_services
from portal.jobs.models import Opening, OpeningStatus
from portal.matching import rules
from portal.matching.profiles import from_opening, from_youth
from portal.notifications.links import portal_path
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from portal.placements.access import is_staff_for, is_youth_of, may_move
from portal.placements.cv import CvFile, CvRefused, checked_cv, document_for
from portal.placements.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    ApplicationStatusChange,
    DismissedOpening,
    FollowUp,
    SavedOpening,
)
from portal.privacy.consent import application_consent_problem, referral_consent_problem
from portal.youth.models import YouthProfile
from portal.youth.queries import counselors_of

S = ApplicationStatus
MAX_MESSAGE = 1000
FOLLOW_UP_MONTHS = (1, 3)


class ApplicationError(ValueError):
    """The change cannot be made; str(error) says why, in words for the user. `field` names
    the form field the message belongs next to, when there is one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotAllowed(ApplicationError):
    """The user may not make this change to this application."""


class StaleMove(ApplicationError):
    """The application moved since the page the change comes from was shown (someone else moved
    it first): nothing is changed, the person looks again."""


# Why an application ends (not selected, or withdrawn): code -> words.
REFUSAL_REASONS = {
    "skills": _l("The skills do not fit this work yet"),
    "experience": _l("More experience is needed"),
    "education": _l("More schooling is needed"),
    "filled": _l("All places are already filled"),
    "no_show": _l("Did not come to the interview"),
    "not_reachable": _l("We could not reach the person"),
    "offer_declined": _l("The person said no to the job"),
    "found_other_work": _l("Found other work"),
    "left": _l("Left the job or did not start"),
    "other": _l("Another reason"),
}
# Phlov's own reason, never chosen in a form: no move for 60 days (portal/interviews/expiry.py).
EXPIRED = "expired"
ENDING_REASONS = {**REFUSAL_REASONS, EXPIRED: _l("No news for 60 days: closed by Phlov")}

# The ordinary moves. Leaving HIRED needs a reason; NOT_SELECTED and WITHDRAWN are final,
# except that staff may reopen them with a reason (see REOPEN_TO).
TRANSITIONS: dict[ApplicationStatus, frozenset[ApplicationStatus]] = {
    S.APPLIED: frozenset({S.SHORTLISTED, S.NOT_SELECTED, S.WITHDRAWN}),
    S.REFERRED: frozenset({S.SHORTLISTED, S.NOT_SELECTED, S.WITHDRAWN}),
    S.SHORTLISTED: frozenset({S.INTERVIEW, S.NOT_SELECTED, S.WITHDRAWN}),
    S.INTERVIEW: frozenset({S.HIRED, S.NOT_SELECTED, S.WITHDRAWN}),
    S.HIRED: frozenset({S.NOT_SELECTED, S.WITHDRAWN}),
    S.NOT_SELECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
FINAL = frozenset({S.NOT_SELECTED, S.WITHDRAWN})
REOPEN_TO = frozenset({S.APPLIED, S.REFERRED, S.SHORTLISTED, S.INTERVIEW})
STATUS_LABELS = {
    S.APPLIED: _l("Applied"),
    S.REFERRED: _l("Sent by a counselor"),
    S.SHORTLISTED: _l("On the short list"),
    S.INTERVIEW: _l("Invited to an interview"),
    S.HIRED: _l("Hired"),
    S.NOT_SELECTED: _l("Not selected"),
    S.WITHDRAWN: _l("Withdrawn"),
}

_REFUSED_BY_RULE = {
    "closed": _l("This opening is closed. You cannot apply any more."),
    "not_published": _l("This opening is not open for applications."),
    "expired": _l("The closing date of this opening has passed."),
    "minor_hazardous": _l("This work is not safe for people under 18, so it is only for adults."),
    "minor_adult_only": _l("This opening is only for people of 18 or older."),
    "under_min_age": _l("You are younger than the minimum age of this opening."),
    "age_unknown": _l("This opening has a minimum age. Add your date of birth first."),
}


# --- who may do what (the roles are checked in access.py) -----------------------------------


def allowed_moves(application: Application, user: User) -> list[ApplicationStatus]:
    """The statuses `user` may move the application to now, in pipeline order (the buttons)."""
    targets = set(TRANSITIONS[application.status])
    if application.status in FINAL and is_staff_for(user, application.youth):
        targets |= reopen_targets(application)
    return [status for status in S if status in targets and may_move(user, application, status)]


def reopen_targets(application: Application) -> frozenset[ApplicationStatus]:
    start = S.REFERRED if application.source == ApplicationSource.REFERRED else S.APPLIED
    return frozenset({start, S.SHORTLISTED, S.INTERVIEW})


# --- starting an application ---------------------------------------------------------------


def apply(
    opening: Opening,
    youth: YouthProfile,
    *,
    by: User,
    message: str = "",
    cv: CvFile | None = None,
    day: date | None = None,
    abroad_confirmed: bool = False,
) -> Application:
    """The youth applies (optional message of at most 1000 characters, optional PDF CV). For
    work abroad they confirm they read the safe-migration panel, and their counselors are told."""
    if not (is_youth_of(by, youth) or is_staff_for(by, youth)):
        raise NotAllowed(_("You can only apply for yourself."))
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE:
        raise ApplicationError(
            _("Your message is too long: %(max)d characters at most.", max=MAX_MESSAGE),
            field="message",
        )
    if problem := application_consent_problem(youth):
        raise ApplicationError(problem)
    cv = _checked(cv)
    if opening.work_abroad and not abroad_confirmed:
        raise ApplicationError(
            _("This work is in another country. Read the safety advice, then tick the box."),
            field="abroad_confirmed",
        )
    _check_can_start(opening, youth, day or date.today())
    application = Application(
        opening=opening,
        youth=youth,
        source=ApplicationSource.APPLIED,
        status=S.APPLIED,
        message=message,
        abroad_confirmed_at=utcnow() if opening.work_abroad else None,
    )
    if cv is not None:
        application.cv = document_for(cv)
    _save_new(application, by=by)
    if opening.work_abroad:
        _tell_counselors_abroad(application)
    return application


def _checked(cv: CvFile | None) -> CvFile | None:
    """The CV as it will be kept (a photo cleaned); ApplicationError saying what is wrong."""
    try:
        return checked_cv(cv) if cv is not None else None
    except CvRefused as refused:
        raise ApplicationError(str(refused), field="cv") from refused


def _tell_counselors_abroad(application: Application) -> None:
    """A youth applied to work abroad: their counselors may talk with them before they go."""
    opening = application.opening
    params = {
        "source": "abroad",
        "youth_name": application.youth.full_name,
        "opening_title": opening.title,
        "country": opening.work_country or "",
    }
    for counselor in counselors_of(application.youth):
        notify(
            counselor,
            NotificationKind.NEW_APPLICATION,
            params,
            link=portal_path("caseload.application", application_id=application.id),
        )


def refer(
    opening: Opening,
    youth: YouthProfile,
    *,
    by: User,
    note: str,
    day: date | None = None,
    cv: CvFile | None = None,
) -> Application:
    """A counselor sends one of their center's youth to an opening, with a note for the
    employer and optionally a CV (which she has seen: a minor's is released at once)."""
    if not is_staff_for(by, youth):
        raise NotAllowed(_("Only a counselor of this person's center can refer them."))
    if problem := referral_consent_problem(youth):
        raise ApplicationError(problem)
    note = (note or "").strip()
    if not note:
        raise ApplicationError(
            _("Write a short note for the employer: why this person fits."), field="note"
        )
    if len(note) > MAX_MESSAGE:
        raise ApplicationError(
            _("The note is too long: %(max)d characters at most.", max=MAX_MESSAGE), field="note"
        )
    cv = _checked(cv)
    _check_can_start(opening, youth, day or date.today())
    application = Application(
        opening=opening,
        youth=youth,
        source=ApplicationSource.REFERRED,
        status=S.REFERRED,
        referred_by_id=by.id,
        referral_note=note,
    )
    if cv is not None:
        application.cv = document_for(cv)
        application.cv.released_at, application.cv.released_by_id = utcnow(), by.id
    _save_new(application, by=by)
    return application


def existing_application(opening: Opening, youth: YouthProfile) -> Application | None:
    return db.session.scalar(
        select(Application).where(
            Application.opening_id == opening.id, Application.youth_id == youth.id
        )
    )


def _check_can_start(opening: Opening, youth: YouthProfile, day: date) -> None:
    if existing_application(opening, youth) is not None:
        raise ApplicationError(_("There is already an application of this person to this opening."))
    why = why_not_open_to(opening, youth, day)
    if why:
        raise ApplicationError(why)


def why_not_open_to(opening: Opening, youth: YouthProfile, day: date | None = None) -> str | None:
    """Why `youth` may not apply to `opening` on `day` (closed, not verified, too young for
    it), in words for them; None when they may."""
    if not opening.organization.is_verified:
        return _("This opening is not open for applications.")
    refusal = rules.refusal(from_youth(youth), from_opening(opening), day or date.today())
    if refusal:
        return str(_REFUSED_BY_RULE.get(refusal, _REFUSED_BY_RULE["closed"]))
    return None


def _save_new(application: Application, *, by: User) -> None:
    application.status_changes.append(
        ApplicationStatusChange(from_status=None, to_status=application.status, changed_by_id=by.id)
    )
    try:
        with db.session.begin_nested():  # the unique key is the last word when two race
            db.session.add(application)
            db.session.flush()
    except IntegrityError:
        raise ApplicationError(
            _("There is already an application of this person to this opening.")
        ) from None
    referred = application.source == ApplicationSource.REFERRED
    _audit(application, AuditAction.REFERRAL if referred else AuditAction.APPLICATION_STATUS, by=by)
    _tell_employer(application, by=by)


def _audit(
    application: Application,
    action: AuditAction,
    *,
    by: User,
    from_status: ApplicationStatus | None = None,
    reason_code: str | None = None,
) -> None:
    """The audit trail's record of a new application or a step: who, from and to which step
    (the reason's code, never its words: they may hold a phone number)."""
    detail = {"from": from_status, "to": application.status, "reason_code": reason_code}
    detail = {key: str(value) for key, value in detail.items() if value}
    record(action, actor=by, subject=application, youth=application.youth, detail=detail)


# --- moving along the pipeline -------------------------------------------------------------


def move(
    application: Application,
    to_status: ApplicationStatus | str,
    *,
    by: User,
    reason_code: str | None = None,
    reason: str | None = None,
    day: date | None = None,
    tell_youth: bool = True,
    from_status: ApplicationStatus | None = None,
) -> None:
    """Move the application one step; refuses a step the pipeline or `by`'s role does not
    allow. Not selected needs a reason code; leaving 'hired' and reopening need a reason.
    `day`: the day of a hire (today by default; not in the future, not before the application).
    `from_status`: the step the user saw; another one means someone moved it first (StaleMove).
    `tell_youth=False` when the caller tells her itself, with more (an interview's details)."""
    to_status = S(to_status)
    reason = (reason or "").strip()[:MAX_MESSAGE] or None
    reason_code = reason_code or None
    current = application.status
    if from_status is not None and from_status != current:
        raise StaleMove(
            _(
                "While you had this page open, this application moved to “%(status)s”. "
                "Nothing was changed: look at it again, then choose.",
                status=STATUS_LABELS[current],
            )
        )
    _check_move(application, to_status, by=by, reason_code=reason_code, reason=reason)
    if to_status == S.HIRED:
        day = _hire_day(application, day)
    _write_step(application, to_status, by=by, reason_code=reason_code, reason=reason)
    if to_status == S.HIRED:
        _hire(application, by=by, day=day)
    elif current == S.HIRED:
        _unhire(application)
    db.session.flush()
    _audit(
        application,
        AuditAction.APPLICATION_STATUS,
        by=by,
        from_status=current,
        reason_code=reason_code,
    )
    _tell_youth(application, by=by, reason_code=reason_code, youth_too=tell_youth)


def record_step(
    application: Application,
    to_status: ApplicationStatus,
    *,
    by: User,
    at: datetime,
    reason_code: str | None = None,
    reason: str | None = None,
) -> None:
    """Only the step itself, checked as `move` checks it and dated `at`: the status and its
    history row, nobody told, nothing audited (the demo's year of history, written after the
    fact; a hire's follow-ups are `start_follow_ups`)."""
    _check_move(application, to_status, by=by, reason_code=reason_code, reason=reason)
    _write_step(application, to_status, by=by, reason_code=reason_code, reason=reason, at=at)


def _write_step(
    application: Application,
    to_status: ApplicationStatus,
    *,
    by: User,
    reason_code: str | None,
    reason: str | None,
    at: datetime | None = None,
) -> None:
    application.status_changes.append(
        ApplicationStatusChange(
            from_status=application.status,
            to_status=to_status,
            changed_by=by,
            changed_at=at or utcnow(),
            reason_code=reason_code,
            reason=reason,
        )
    )
    application.status = to_status


def withdraw(application: Application, *, by: User, reason: str | None = None) -> None:
    """The youth (or their counselor) takes the application back."""
    move(application, S.WITHDRAWN, by=by, reason=reason)


def reopen(
    application: Application,
    *,
    by: User,
    reason: str,
    to_status: ApplicationStatus | None = None,
) -> None:
    """Staff bring a final application back (a mistake, the person is available again)."""
    start = S.REFERRED if application.source == ApplicationSource.REFERRED else S.APPLIED
    move(application, to_status or start, by=by, reason=reason)


def _check_move(
    application: Application,
    to_status: ApplicationStatus,
    *,
    by: User,
    reason_code: str | None,
    reason: str | None,
) -> None:
    current = application.status
    if to_status == current:
        raise ApplicationError(_("The application is already at this step."))
    reopening = current in FINAL and to_status in reopen_targets(application)
    if to_status not in TRANSITIONS[current] and not (
        reopening and is_staff_for(by, application.youth)
    ):
        raise ApplicationError(
            _(
                "An application cannot go from “%(current)s” to “%(to)s”.",
                current=STATUS_LABELS[current],
                to=STATUS_LABELS[to_status],
            )
        )
    if not may_move(by, application, to_status):
        raise NotAllowed(_("You cannot make this change to this application."))
    if reason_code is not None and reason_code not in REFUSAL_REASONS:
        raise ApplicationError(_("Choose a reason from the list."), field="reason_code")
    if (current == S.HIRED or reopening) and not (reason or reason_code):
        raise ApplicationError(_("Say why: this step needs a reason."), field="reason")
    if to_status == S.NOT_SELECTED and reason_code is None:
        raise ApplicationError(_("Choose why the person was not selected."), field="reason_code")


def _hire_day(application: Application, day: date | None) -> date:
    """The day of the hire: today unless said; never in the future, nor before the application."""
    today = date.today()
    if day is None:
        return today
    if day > today:
        raise ApplicationError(_("The day of the hire cannot be in the future."), field="hired_on")
    started = (application.created_at or utcnow()).date()
    if day < started:
        raise ApplicationError(
            _(
                "The day of the hire cannot be before the application (%(day)s).",
                day=nice_date(started),
            ),
            field="hired_on",
        )
    return day


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day
    (31 January + 1 month = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _hire(application: Application, *, by: User, day: date) -> None:
    start_follow_ups(application, day)
    db.session.flush()
    opening = application.opening
    if hires_for(opening) >= opening.positions and opening.status == OpeningStatus.PUBLISHED:
        opening_services.close(opening, by=by, reason=_("All places are filled."))


def start_follow_ups(application: Application, day: date) -> None:
    """Hired on `day`: the checks 1 and 3 months later (those it has already are kept)."""
    application.hired_on = day
    have = {follow_up.month for follow_up in application.follow_ups}
    for month in FOLLOW_UP_MONTHS:
        if month not in have:
            application.follow_ups.append(FollowUp(month=month, due_on=add_months(day, month)))


def _unhire(application: Application) -> None:
    """Leaving 'hired' (did not start, a mistake): no hire to follow up any more. Follow-ups
    already recorded are kept; they are what donors count."""
    application.hired_on = None
    for follow_up in list(application.follow_ups):
        if follow_up.still_employed is None:
            application.follow_ups.remove(follow_up)


def hires_for(opening: Opening) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(Application)
        .where(Application.opening_id == opening.id, Application.status == S.HIRED)
    )


# --- telling people ------------------------------------------------------------------------


def _tell_youth(
    application: Application,
    *,
    by: User,
    reason_code: str | None = None,
    youth_too: bool = True,
) -> None:
    params = {
        "opening_title": application.opening.title,
        "status": str(application.status),
        "application_id": application.id,
    }
    link = portal_path("placements.my_applications")
    youth_user = application.youth.user
    if youth_too and youth_user is not None and youth_user.id != by.id and youth_user.active:
        # Her message words some reasons kindly ("did not come"): only hers carries the code.
        hers = {**params, "reason_code": reason_code} if reason_code else params
        notify(youth_user, NotificationKind.STATUS_CHANGE, hers, link=link)
    counselor = application.referred_by
    if counselor is not None and counselor.id != by.id and counselor.active:
        notify(counselor, NotificationKind.STATUS_CHANGE, params)


def _tell_employer(application: Application, *, by: User) -> None:
    opening = application.opening
    params = {
        "opening_title": opening.title,
        "youth_name": application.youth.full_name,
        "source": str(application.source),
    }
    link = portal_path("placements.applicants", opening_id=opening.id)
    for member in opening.organization.members:
        if member.active and member.role == Role.EMPLOYER and member.id != by.id:
            notify(member, NotificationKind.NEW_APPLICATION, params, link=link)


# --- saved openings ------------------------------------------------------------------------


def save_opening(youth: YouthProfile, opening: Opening) -> None:
    """Keep an opening to look at again (saving twice keeps one)."""
    if db.session.get(SavedOpening, (youth.id, opening.id)) is None:
        db.session.add(SavedOpening(youth_id=youth.id, opening_id=opening.id))
        db.session.flush()


def unsave_opening(youth: YouthProfile, opening: Opening) -> None:
    saved = db.session.get(SavedOpening, (youth.id, opening.id))
    if saved is not None:
        db.session.delete(saved)
        db.session.flush()


def is_saved(youth: YouthProfile, opening: Opening) -> bool:
    return db.session.get(SavedOpening, (youth.id, opening.id)) is not None


# --- "not for me" -----------------------------------------------------------------------------


def dismiss_opening(youth: YouthProfile, opening: Opening) -> None:
    """She said "not for me": it is no longer suggested or sent to her (twice keeps one)."""
    if db.session.get(DismissedOpening, (youth.id, opening.id)) is None:
        db.session.add(DismissedOpening(youth_id=youth.id, opening_id=opening.id))
        db.session.flush()


def undismiss_opening(youth: YouthProfile, opening: Opening) -> None:
    dismissed = db.session.get(DismissedOpening, (youth.id, opening.id))
    if dismissed is not None:
        db.session.delete(dismissed)
        db.session.flush()


def dismissed_opening_ids(youth: YouthProfile) -> set[int]:
    """The openings she said are not for her."""
    query = select(DismissedOpening.opening_id).where(DismissedOpening.youth_id == youth.id)
    return set(db.session.scalars(query))
