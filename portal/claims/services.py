"""Giving a claim code, sending it, and claiming a profile with it. Services flush; the view
commits once."""

from __future__ import annotations

from sqlalchemy import select, update

from portal.audit import AuditAction, record
from portal.auth.models import Role, User
from portal.auth.services import AccountError, AccountTaken, create_user, taken_message
from portal.claims import codes
from portal.claims.models import LIFETIME, ClaimCode
from portal.extensions import db, utcnow
from portal.notifications.models import NotificationKind
from portal.notifications.outbox import sendable_channels
from portal.notifications.services import notify, profile_reachable
from portal.recovery.hashing import keyed_hash
from portal.youth.models import YouthProfile
from portal.youth.services import ProfileError

MESSAGE_CHANNELS = ("sms", "telegram")


class ClaimRefused(ValueError):
    """This profile cannot be claimed (it has an account already, or was anonymised)."""


def can_be_claimed(profile: YouthProfile) -> bool:
    """Registered at a center, with no account of her own, and not anonymised."""
    return profile.user_id is None and profile.anonymised_at is None


def issue_code(profile: YouthProfile, *, by: User) -> str:
    """A new code for `profile` (returned once, in clear, to show and print); any earlier code
    stops working."""
    if not can_be_claimed(profile):
        raise ClaimRefused("this profile cannot be claimed")
    revoke_codes(profile)
    code = codes.new_code()
    now = utcnow()
    db.session.add(
        ClaimCode(
            youth_id=profile.id,
            code_hash=keyed_hash(code),
            created_at=now,
            expires_at=now + LIFETIME,
            issued_by_id=by.id,
        )
    )
    db.session.flush()
    record(AuditAction.CLAIM_CODE_ISSUED, actor=by, subject=profile)
    return code


def revoke_codes(profile: YouthProfile) -> None:
    """End every code of `profile` still waiting to be used."""
    db.session.execute(
        update(ClaimCode)
        .where(
            ClaimCode.youth_id == profile.id,
            ClaimCode.used_at.is_(None),
            ClaimCode.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
    )


def live_code(profile: YouthProfile) -> ClaimCode | None:
    """The code of `profile` that still works, if any (to say until when)."""
    now = utcnow()
    found = db.session.scalars(
        select(ClaimCode).where(ClaimCode.youth_id == profile.id).order_by(ClaimCode.id.desc())
    ).first()
    return found if found is not None and found.is_live(now) else None


def message_channels(profile: YouthProfile) -> list[str]:
    """The channels a code can go by now: those with a transport, to an address she has."""
    sendable = set(sendable_channels())
    return [c for c in MESSAGE_CHANNELS if c in sendable and profile_reachable(profile, c)]


def send_code(profile: YouthProfile, code: str, channels: list[str]) -> list[str]:
    """Queue the code for her phone by `channels` (the outbox sends it and then forgets it)."""
    channels = [c for c in channels if c in message_channels(profile)]
    if channels:
        notify(
            profile,
            NotificationKind.CLAIM_CODE,
            {"code": codes.shown(code)},
            link="/claim",
            channels=channels,
        )
    return channels


def find_code(typed: str) -> ClaimCode | None:
    """The live code a person typed, or None (wrong, used, replaced or expired: never which)."""
    if not codes.looks_like_a_code(typed):
        return None
    found = db.session.scalar(
        select(ClaimCode).where(ClaimCode.code_hash == keyed_hash(codes.typed(typed)))
    )
    if found is None or not found.is_live(utcnow()) or not can_be_claimed(found.youth):
        return None
    return found


def claim(
    claim_code: ClaimCode,
    *,
    phone: str,
    password: str,
    email: str | None = None,
    locale: str | None = None,
) -> User:
    """Her account, made the owner of the profile the code is for, with all its history
    (applications, referrals, follow-ups and saved openings point at the profile, so they come
    with it). Her login phone becomes the profile's phone."""
    profile = claim_code.youth
    try:
        user = create_user(
            role=Role.YOUTH,
            phone=phone,
            email=email.strip().lower() if email else None,
            password=password,
            display_name=profile.full_name,
            locale=locale,
        )
    except AccountTaken as error:
        raise ProfileError(error.field or "phone", taken_message(error.field)) from error
    except AccountError as error:
        raise ProfileError(error.field or "phone", str(error)) from error
    profile.user_id = user.id
    profile.phone = user.phone
    claim_code.used_at = utcnow()
    revoke_codes(profile)
    db.session.flush()
    record(AuditAction.PROFILE_CLAIMED, actor=user, subject=profile)
    return user
