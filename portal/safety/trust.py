"""How much a reporter's word counts towards hiding an opening.

An account is *trusted* when it is older than a day (REPORT_NEW_ACCOUNT_HOURS) and something
outside the sign-up form stands behind it: the person confirmed her phone with a code sent by SMS
(portal/phone_confirmation), a counselor registered the young person at a center, a counselor
verified the employer's organization, the person proved their phone (a code sent by SMS or
Telegram) or was checked face to face (a center code) to get back into the account, or the account
is older than REPORT_TRUSTED_AFTER_DAYS. So a report from an account without a confirmed phone
counts half (REPORT_NEW_ACCOUNTS_PER_TRUSTED) of one from the same account with it, until a
counselor or its age vouches for it. Staff hide at once; the rest count a fraction of a trusted
reporter."""

from __future__ import annotations

from datetime import datetime, timedelta
from fractions import Fraction

from flask import current_app
from sqlalchemy import select

from portal.auth.models import Role, User
from portal.extensions import db, utcnow
from portal.recovery.models import AccountRecovery, RecoveryMethod
from portal.safety.models import ReporterTrust

UNTRUSTED = (ReporterTrust.ANONYMOUS, ReporterTrust.NEW_ACCOUNT)
# Ways back into an account that prove the phone, or who the person is.
PROVING_RECOVERIES = (RecoveryMethod.MESSAGE_CODE, RecoveryMethod.CENTER_CODE)


def reporter_trust(user: User | None, *, now: datetime | None = None) -> ReporterTrust:
    """The trust of a reporter (None: a visitor who is not logged in)."""
    if user is None:
        return ReporterTrust.ANONYMOUS
    if user.is_staff:
        return ReporterTrust.STAFF
    age = (now or utcnow()) - user.created_at
    config = current_app.config
    if age < timedelta(hours=config["REPORT_NEW_ACCOUNT_HOURS"]):
        return ReporterTrust.NEW_ACCOUNT
    if age >= timedelta(days=config["REPORT_TRUSTED_AFTER_DAYS"]) or _vouched_for(user):
        return ReporterTrust.TRUSTED
    return ReporterTrust.NEW_ACCOUNT


def _vouched_for(user: User) -> bool:
    """A counselor or the person's own phone stands behind the account."""
    if user.phone_confirmed_at is not None and user.phone:
        return True
    profile = user.youth_profile
    if user.role == Role.YOUTH and profile is not None and profile.registered_by_id is not None:
        return True
    organization = user.organization
    if user.role == Role.EMPLOYER and organization is not None and organization.is_verified:
        return True
    proved = select(AccountRecovery.id).where(
        AccountRecovery.user_id == user.id,
        AccountRecovery.method.in_(PROVING_RECOVERIES),
        AccountRecovery.used_at.is_not(None),
    )
    return db.session.scalar(proved.limit(1)) is not None


def weight(trust: ReporterTrust) -> Fraction:
    """What one report counts, in trusted reporters (exact fractions: three thirds make one)."""
    config = current_app.config
    if trust == ReporterTrust.ANONYMOUS:
        return Fraction(1, config["REPORT_VISITORS_PER_TRUSTED"])
    if trust == ReporterTrust.NEW_ACCOUNT:
        return Fraction(1, config["REPORT_NEW_ACCOUNTS_PER_TRUSTED"])
    return Fraction(1)


def hide_after() -> int:
    """The weight, in trusted reporters on different addresses, that hides an opening."""
    return current_app.config["REPORT_HIDE_AFTER"]
