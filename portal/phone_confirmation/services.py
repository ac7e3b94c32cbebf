"""Sending a code and checking it. A person may ask for PHONE_CODES_PER_DAY codes a day, one every
PHONE_CODE_RESEND_SECONDS; each works for PHONE_CODE_MINUTES and survives MAX_TRIES wrong tries,
and only the newest one works. Services flush; the view commits."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select

from portal.audit import AuditAction, record
from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.notifications.models import DeliveryStatus, NotificationDelivery, NotificationKind
from portal.notifications.outbox import sendable_channels
from portal.notifications.services import notify
from portal.phone_confirmation.models import MAX_TRIES, PhoneConfirmation
from portal.recovery.hashing import keyed_hash, matches, six_digits, typed_code

SMS = "sms"


class ConfirmationError(ValueError):
    """The code cannot be sent or was not right; str(error) says why, in the reader's words."""


def sms_available() -> bool:
    return SMS in sendable_channels()


def latest(user: User) -> PhoneConfirmation | None:
    """The newest code sent to the user's present number."""
    if not user.phone:
        return None
    return db.session.scalar(
        select(PhoneConfirmation)
        .where(PhoneConfirmation.user_id == user.id, PhoneConfirmation.phone == user.phone)
        .order_by(PhoneConfirmation.created_at.desc(), PhoneConfirmation.id.desc())
        .limit(1)
    )


def send_code(user: User, *, now: datetime | None = None) -> PhoneConfirmation:
    """Make a new code and queue its SMS (the caller commits, then sends: see views.py)."""
    now = now or utcnow()
    _check_may_send(user, now)
    config = current_app.config
    code = six_digits()
    minutes = config["PHONE_CODE_MINUTES"]
    notification = notify(
        user,
        NotificationKind.PHONE_CONFIRMATION,
        {"code": code, "minutes": str(minutes)},
        channels=[SMS],
    )
    confirmation = PhoneConfirmation(
        user_id=user.id,
        phone=user.phone,
        code_hash=keyed_hash(code),
        created_at=now,
        expires_at=now + timedelta(minutes=minutes),
        notification_id=notification.id,
    )
    db.session.add(confirmation)
    db.session.flush()
    return confirmation


def _check_may_send(user: User, now: datetime) -> None:
    if not user.phone:
        raise ConfirmationError(_("Your account has no phone number."))
    if user.phone_confirmed_at is not None:
        raise ConfirmationError(_("Your phone is already confirmed."))
    if not sms_available():
        raise ConfirmationError(_("Phlov cannot send SMS yet. Please ask your center."))
    config = current_app.config
    sent_today = db.session.scalar(
        select(func.count(PhoneConfirmation.id)).where(
            PhoneConfirmation.user_id == user.id,
            PhoneConfirmation.created_at > now - timedelta(days=1),
        )
    )
    if sent_today >= config["PHONE_CODES_PER_DAY"]:
        raise ConfirmationError(
            _("You asked for %(num)d codes today. Please try again tomorrow.", num=sent_today)
        )
    last = latest(user)
    wait = config["PHONE_CODE_RESEND_SECONDS"]
    if last is not None and now - last.created_at < timedelta(seconds=wait):
        left = wait - int((now - last.created_at).total_seconds())
        raise ConfirmationError(
            ngettext(
                "Please wait %(num)d second before asking for a new code.",
                "Please wait %(num)d seconds before asking for a new code.",
                left,
            )
        )


def confirm(user: User, typed: str | None, *, now: datetime | None = None) -> None:
    """Confirm the user's phone when `typed` is her newest live code; a wrong code uses a try
    (flushed: the view commits it even when it answers with the error)."""
    now = now or utcnow()
    confirmation = latest(user)
    if confirmation is None or confirmation.confirmed_at is not None:
        raise ConfirmationError(_("Ask for a code first."))
    if confirmation.failed_tries >= MAX_TRIES:
        raise ConfirmationError(_("Too many wrong codes. Please ask for a new code."))
    if now >= confirmation.expires_at:
        raise ConfirmationError(_("This code has expired. Please ask for a new code."))
    if not matches(typed_code(typed), confirmation.code_hash):
        confirmation.failed_tries += 1
        db.session.flush()
        left = MAX_TRIES - confirmation.failed_tries
        if left == 0:
            raise ConfirmationError(_("Too many wrong codes. Please ask for a new code."))
        raise ConfirmationError(
            ngettext(
                "This is not the code we sent. %(num)d try left.",
                "This is not the code we sent. %(num)d tries left.",
                left,
            )
        )
    confirmation.confirmed_at = user.phone_confirmed_at = now
    record(AuditAction.PHONE_CONFIRMED, actor=user, subject=user, youth=user.youth_profile)
    db.session.flush()


def sms_status(confirmation: PhoneConfirmation | None) -> str | None:
    """What became of the code's SMS: "waiting", "sent", "delivered" or "failed"."""
    if confirmation is None or confirmation.notification is None:
        return None
    deliveries: list[NotificationDelivery] = confirmation.notification.deliveries
    if not deliveries:
        return None
    copy = deliveries[0]
    if copy.status == DeliveryStatus.FAILED or copy.report == "failed":
        return "failed"
    if copy.report == "delivered":
        return "delivered"
    return "sent" if copy.status == DeliveryStatus.SENT else "waiting"
