"""Re-asking answers an old form may have chosen for her (issue 17).

Before issue 17 the forms started on "Female" and on no schooling, so a stored gender or school
level may be a default nobody chose. Such rows are left as they are; `details_confirmed_at` stays
None until she (or her counselor) confirms them. She is asked once, right after logging in, and
may skip the question (`details_asked_at`).
"""

from __future__ import annotations

from flask import url_for

from portal import audit
from portal.audit.models import AuditAction
from portal.extensions import db, utcnow
from portal.youth.models import YouthProfile


def should_ask(profile: YouthProfile | None) -> bool:
    """True when her gender and schooling were never confirmed and she was not asked yet."""
    return (
        profile is not None
        and profile.details_confirmed_at is None
        and profile.details_asked_at is None
    )


def mark_asked(profile: YouthProfile) -> None:
    """She is shown the question now: it is never put to her again, answered or skipped."""
    profile.details_asked_at = utcnow()
    db.session.flush()


def after_login(user, target: str) -> str:
    """Where a freshly logged-in user goes: to the one-time question when it is due (marking it
    asked), else to `target`."""
    profile = getattr(user, "youth_profile", None)
    if not should_ask(profile):
        return target
    mark_asked(profile)
    return url_for("youth.confirm_details", next=target)


def confirm_by_counselor(profile: YouthProfile, *, by) -> None:
    """A counselor checked gender and schooling with her: they are no longer a default."""
    profile.details_confirmed_at = utcnow()
    audit.record(AuditAction.DETAILS_CONFIRMED, actor=by, subject=profile)
    db.session.flush()
