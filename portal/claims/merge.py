"""Two profiles of the same person made one: a counselor chooses which stays; applications
(with their history, CVs and follow-ups), saved and dismissed openings, messages and the login
move to it; the other profile is closed (removed), so no list or figure counts her twice. The
audit trail keeps the merge, under both numbers. Flushes; the view commits."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import delete, or_, select, update

from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.auth.sessions import end_all_sessions
from portal.claims.models import ClaimCode
from portal.extensions import db, utcnow
from portal.notifications.models import Notification
from portal.placements.models import (
    Application,
    ApplicationDocument,
    ApplicationStatus,
    ApplicationStatusChange,
    DismissedOpening,
    FollowUp,
    SavedOpening,
)
from portal.youth.models import YouthProfile
from portal.youth.queries import visible_to
from portal.youth.services import MAX_SKILLS

# When both profiles applied to the same opening, the application further along stays.
PROGRESS = {
    ApplicationStatus.WITHDRAWN: 0,
    ApplicationStatus.NOT_SELECTED: 1,
    ApplicationStatus.APPLIED: 2,
    ApplicationStatus.REFERRED: 2,
    ApplicationStatus.SHORTLISTED: 3,
    ApplicationStatus.INTERVIEW: 4,
    ApplicationStatus.HIRED: 5,
}


class MergeRefused(ValueError):
    """These two profiles cannot be merged; the message says why."""


@dataclass
class Merged:
    applications: int = 0  # moved to the profile that stays
    joined: int = 0  # both had applied to the same opening: one application kept
    saved: int = 0


def possible_duplicates(profile: YouthProfile, for_user: User) -> list[YouthProfile]:
    """Profiles `for_user` may see that look like the same person: the same phone, or the same
    name and date of birth."""
    same = [
        (YouthProfile.full_name == profile.full_name)
        & (YouthProfile.date_of_birth == profile.date_of_birth)
    ]
    if profile.phone:
        same.append(YouthProfile.phone == profile.phone)
    query = select(YouthProfile).where(
        *visible_to(for_user),
        YouthProfile.id != profile.id,
        YouthProfile.anonymised_at.is_(None),
        or_(*same),
    )
    return list(db.session.scalars(query.order_by(YouthProfile.id).limit(20)))


def merge_problem(keep: YouthProfile, close: YouthProfile) -> str | None:
    """Why these two cannot be merged, or None."""
    if keep.id == close.id:
        return _("Choose two different profiles.")
    if keep.anonymised_at is not None or close.anonymised_at is not None:
        return _("An anonymised profile cannot be merged.")
    return None


def merge_profiles(keep: YouthProfile, close: YouthProfile, *, by: User) -> Merged:
    """Move everything of `close` to `keep`, then close `close`."""
    problem = merge_problem(keep, close)
    if problem:
        raise MergeRefused(problem)
    merged = Merged()
    _move_applications(keep, close, merged)
    merged.saved = _move_marks(SavedOpening, keep, close)
    _move_marks(DismissedOpening, keep, close)
    db.session.execute(
        update(Notification).where(Notification.youth_id == close.id).values(youth_id=keep.id)
    )
    _move_login(keep, close)
    _fill_gaps(keep, close)
    detail = {"kept": keep.id, "closed": close.id, "applications": merged.applications}
    record(AuditAction.PROFILES_MERGED, actor=by, subject=keep, youth=keep, detail=detail)
    record(AuditAction.PROFILES_MERGED, actor=by, subject=keep, youth=close.id, detail=detail)
    db.session.execute(delete(ClaimCode).where(ClaimCode.youth_id == close.id))
    db.session.delete(close)
    db.session.flush()
    db.session.expire(keep)
    return merged


def _move_applications(keep: YouthProfile, close: YouthProfile, merged: Merged) -> None:
    kept = {a.opening_id: a for a in _applications(keep)}
    for application in _applications(close):
        other = kept.get(application.opening_id)
        if other is None:
            application.youth_id = keep.id
            merged.applications += 1
            continue
        stays, goes = (
            (application, other) if PROGRESS[application.status] > PROGRESS[other.status]
            else (other, application)
        )  # fmt: skip
        _join(stays, goes)
        if stays is application:
            application.youth_id = keep.id
        merged.joined += 1
    db.session.flush()


def _applications(profile: YouthProfile) -> list[Application]:
    return list(db.session.scalars(select(Application).where(Application.youth_id == profile.id)))


def _join(stays: Application, goes: Application) -> None:
    """Keep the history of `goes` on `stays` (steps, its CV and follow-ups when `stays` has
    none), then remove `goes`."""
    db.session.execute(
        update(ApplicationStatusChange)
        .where(ApplicationStatusChange.application_id == goes.id)
        .values(application_id=stays.id)
    )
    months = {f.month for f in stays.follow_ups}
    db.session.execute(
        update(FollowUp)
        .where(FollowUp.application_id == goes.id, FollowUp.month.not_in(months or {0}))
        .values(application_id=stays.id)
    )
    if stays.cv is None:
        db.session.execute(
            update(ApplicationDocument)
            .where(ApplicationDocument.application_id == goes.id)
            .values(application_id=stays.id)
        )
    db.session.expire(goes)
    db.session.expire(stays)
    db.session.execute(delete(Application).where(Application.id == goes.id))
    db.session.expunge(goes)


def _move_marks(model, keep: YouthProfile, close: YouthProfile) -> int:
    """Saved or dismissed openings: those `keep` lacks move; the rest are the same mark."""
    has = select(model.opening_id).where(model.youth_id == keep.id)
    moved = db.session.execute(
        update(model)
        .where(model.youth_id == close.id, model.opening_id.not_in(has))
        .values(youth_id=keep.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.execute(delete(model).where(model.youth_id == close.id))
    return moved


def _move_login(keep: YouthProfile, close: YouthProfile) -> None:
    """Her login comes along when the profile that stays has none; a second login is switched
    off (she logs in with the one that stays)."""
    account = close.user
    if account is None:
        return
    close.user_id = None
    db.session.flush()
    if keep.user_id is None:
        keep.user_id = account.id
        keep.phone = keep.phone or account.phone
    else:
        account.active = False
        end_all_sessions(account, reason="merged")


def _fill_gaps(keep: YouthProfile, close: YouthProfile) -> None:
    """What the profile that stays does not say, taken from the other: phone, the center's
    number, skills. Her consent stays as given on the profile that stays (hers to change)."""
    ref, close.ref = close.ref, None
    db.session.flush()
    keep.ref = keep.ref or (ref if close.center_id == keep.center_id else None)
    login_phone = keep.user.phone if keep.user is not None else None
    keep.phone = keep.phone or login_phone or close.phone
    skills = dict.fromkeys([*(keep.skills or []), *(close.skills or [])])
    keep.skills = list(skills)[:MAX_SKILLS]
    keep.updated_at = utcnow()
