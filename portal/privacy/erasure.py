"""Erasure: a young person asks, a counselor of her center confirms (or she cancels), and
`anonymise` removes what identifies her while the figures stay (gender, province, birth year,
education, the statuses and hires of her applications). The dormant-profile sweep uses the same
`anonymise`. Services flush; the view or the command commits."""

from __future__ import annotations

import secrets
from datetime import date

from sqlalchemy import delete, select

from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.auth.sessions import end_all_sessions
from portal.cv.privacy import erase_cv
from portal.extensions import db, utcnow
from portal.notifications.models import Notification
from portal.placements.models import (
    Application,
    ApplicationDocument,
    ApplicationStatusChange,
    FollowUp,
    SavedOpening,
)
from portal.privacy.notices import NO_NAME, employers_of, forget_name, staff_of
from portal.youth.models import YouthProfile
from portal.youth.queries import visible_to

ANONYMISED_NAME = NO_NAME  # what lists show instead of a name: no language, nobody
BIRTHDAY_KEPT = (7, 1)  # only the year is kept: 1 July gives the age within a year


def request_erasure(profile: YouthProfile) -> None:
    """The young person asks to be erased; a counselor of her center confirms."""
    if profile.erasure_requested_at is None and profile.anonymised_at is None:
        profile.erasure_requested_at = utcnow()
        db.session.flush()
        record(AuditAction.ERASURE_REQUESTED, subject=profile)


def cancel_erasure(profile: YouthProfile) -> None:
    profile.erasure_requested_at = None
    db.session.flush()


def pending_erasures(user: User) -> list[YouthProfile]:
    """The requests `user` may confirm: their center's (admins: all), oldest first."""
    return list(
        db.session.scalars(
            select(YouthProfile)
            .where(
                *visible_to(user),
                YouthProfile.erasure_requested_at.is_not(None),
                YouthProfile.anonymised_at.is_(None),
            )
            .order_by(YouthProfile.erasure_requested_at)
        )
    )


def confirm_erasure(profile: YouthProfile, *, by: User) -> None:
    """A counselor confirms the young person's request: her profile is anonymised now."""
    if profile.erasure_requested_at is None:
        raise ValueError("no erasure was requested for this profile")
    record(AuditAction.ERASURE_CONFIRMED, actor=by, subject=profile)
    anonymise(profile, by=by, reason="request")


def anonymise(profile: YouthProfile, *, by: User | None, reason: str) -> bool:
    """Remove what identifies the young person; keep what the figures count. False when she
    was anonymised already (running it twice changes nothing)."""
    if profile.anonymised_at is not None:
        return False
    old_name = profile.full_name
    _scrub_profile(profile)
    erase_cv(profile)
    applications = list(
        db.session.scalars(select(Application).where(Application.youth_id == profile.id))
    )
    _scrub_applications(applications)
    db.session.execute(delete(SavedOpening).where(SavedOpening.youth_id == profile.id))
    _scrub_named_notifications(profile, old_name)
    if profile.user is not None:
        _close_account(profile.user)
    profile.anonymised_at = utcnow()
    db.session.flush()
    record(AuditAction.ANONYMISED, actor=by, subject=profile, detail={"reason": reason})
    return True


def _scrub_profile(profile: YouthProfile) -> None:
    born: date = profile.date_of_birth
    profile.full_name = ANONYMISED_NAME
    profile.date_of_birth = date(born.year, *BIRTHDAY_KEPT)
    profile.phone = None
    profile.district_code = None
    profile.ref = None
    profile.skills = []
    profile.set_consent(False)
    profile.dormant_warned_at = None


def _scrub_applications(applications: list[Application]) -> None:
    """Her words and the words about her go; statuses, sources, dates and hires stay."""
    ids = [application.id for application in applications]
    if not ids:
        return
    db.session.execute(
        delete(ApplicationDocument).where(ApplicationDocument.application_id.in_(ids))
    )
    for application in applications:
        application.message = ""
        application.referral_note = None
    db.session.execute(
        ApplicationStatusChange.__table__.update()
        .where(ApplicationStatusChange.application_id.in_(ids))
        .values(reason=None)
    )
    db.session.execute(
        FollowUp.__table__.update().where(FollowUp.application_id.in_(ids)).values(note=None)
    )
    for application in applications:
        db.session.expire(application, ["cv", "status_changes", "follow_ups"])


def _scrub_named_notifications(profile: YouthProfile, old_name: str) -> None:
    """Her own notifications go; employers' and counselors' that name her lose the name."""
    if profile.user_id is not None:
        db.session.execute(delete(Notification).where(Notification.user_id == profile.user_id))
    # Those sent to her profile before she had an account (a claim code), too.
    db.session.execute(delete(Notification).where(Notification.youth_id == profile.id))
    forget_name(old_name, employers_of(profile) | staff_of(profile))


def _close_account(user: User) -> None:
    """Switched off, with no login left: the phone and e-mail may sign up again."""
    end_all_sessions(user)
    user.active = False
    user.phone = None
    user.email = f"erased-{user.id}@erased.invalid"  # an account needs a login; this is nobody's
    user.display_name = ""
    user.notification_settings = {}
    user.set_password(secrets.token_urlsafe(32))
