"""The dormant-profile sweep (`flask privacy sweep`, daily): profiles unused for 24 months are
warned, and anonymised 30 days after the warning unless used again.

"Used" is the latest of: the young person's last login, any change to one of her applications
(hers, her counselor's or an employer's), and any change to her profile (by her or a
counselor). The warning is written without touching the profile's `updated_at`, so that the
warning itself never counts as use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update

from portal.extensions import db, utcnow
from portal.notifications.links import portal_path
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from portal.placements.models import Application
from portal.privacy.erasure import anonymise
from portal.youth.models import YouthProfile

UNUSED_FOR = timedelta(days=730)  # 24 months
WARNING_TIME = timedelta(days=30)


@dataclass
class SweepResult:
    warned: int = 0
    anonymised: int = 0
    back_in_use: int = 0  # warned earlier, used again since: the warning is withdrawn


def last_use(profile: YouthProfile) -> datetime:
    """When the profile was last used (see the module's docstring)."""
    moments = [profile.updated_at, profile.created_at]
    if profile.user is not None and profile.user.last_login_at is not None:
        moments.append(profile.user.last_login_at)
    latest_application = db.session.scalar(
        select(func.max(Application.updated_at)).where(Application.youth_id == profile.id)
    )
    if latest_application is not None:
        moments.append(latest_application)
    return max(moments)


def sweep(now: datetime | None = None) -> SweepResult:
    """Warn, withdraw warnings and anonymise; running it twice the same day changes nothing
    more. Flushes; the command commits."""
    now = now or utcnow()
    result = SweepResult()
    cutoff = now - UNUSED_FOR
    candidates = db.session.scalars(
        select(YouthProfile)
        .where(
            YouthProfile.anonymised_at.is_(None),
            or_(YouthProfile.updated_at < cutoff, YouthProfile.dormant_warned_at.is_not(None)),
        )
        .order_by(YouthProfile.id)
    ).all()
    for profile in candidates:
        _sweep_one(profile, now, cutoff, result)
    db.session.flush()
    return result


def _sweep_one(profile: YouthProfile, now: datetime, cutoff: datetime, result: SweepResult):
    warned_at = profile.dormant_warned_at
    if last_use(profile) >= cutoff:
        if warned_at is not None:
            _set_warning(profile, None)
            result.back_in_use += 1
    elif warned_at is None:
        _set_warning(profile, now)
        _tell(profile, now + WARNING_TIME)
        result.warned += 1
    elif now - warned_at >= WARNING_TIME:
        anonymise(profile, by=None, reason="unused")
        result.anonymised += 1


def _set_warning(profile: YouthProfile, when: datetime | None) -> None:
    """Write the warning without moving `updated_at` (a warning is not use)."""
    db.session.execute(
        update(YouthProfile)
        .where(YouthProfile.id == profile.id)
        .values(dormant_warned_at=when, updated_at=YouthProfile.updated_at)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(profile, ["dormant_warned_at", "updated_at"])


def _tell(profile: YouthProfile, anonymise_on: datetime) -> None:
    """The young person is told by the channels she chose. Without an account there is no one
    to write to; the profile is anonymised on time all the same."""
    user = profile.user
    if user is not None and user.active:
        notify(
            user,
            NotificationKind.PROFILE_UNUSED,
            {"anonymise_on": anonymise_on.date().isoformat()},
            link=portal_path("privacy.my_privacy"),
        )
