"""Draining the outbox: each pending copy goes through its channel's transport, in the
recipient's language. A failure is kept and tried again after an exponential back-off
(NOTIFY_RETRY_SECONDS, doubling, at most NOTIFY_RETRY_MAX_SECONDS); after NOTIFY_MAX_ATTEMPTS, or
at once when the transport says no retry can help, it is FAILED. A copy a transport holds back
(SMS over the day's cap) waits, without using an attempt, unless it carries a code that would be
stale by then."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.notifications.models import (
    SECRET_PARAMS,
    DeliveryStatus,
    Notification,
    NotificationDelivery,
)
from portal.notifications.services import CHANNELS, PORTAL
from portal.notifications.texts import describe, reader_locale, unsubscribe_line
from portal.notifications.transports import Hold, PermanentFailure, Sent, transport_for

MAX_ATTEMPTS = 5
RETRY_SECONDS = 60  # the first wait after a failure; each next one is twice as long
RETRY_MAX_SECONDS = 6 * 3600


@dataclass
class Drained:
    sent: int = 0
    failed: int = 0  # given up this run
    retrying: int = 0  # failed this time, will be tried again
    held: int = 0  # kept back by a transport's limit (SMS daily cap): sent on a later day
    waiting: dict[str, int] = field(default_factory=dict)  # channel -> copies, no transport yet


def sendable_channels() -> list[str]:
    """The channels that have a transport now."""
    channels = {*CHANNELS, "console"} - {PORTAL}
    return sorted(c for c in channels if transport_for(c, current_app.config) is not None)


def pending_deliveries(limit: int | None = None) -> list[NotificationDelivery]:
    """The oldest pending copies first, of channels that can be sent now, whose back-off or
    hold is over."""
    query = (
        select(NotificationDelivery)
        .where(
            NotificationDelivery.status == DeliveryStatus.PENDING,
            NotificationDelivery.channel.in_(sendable_channels()),
            or_(
                NotificationDelivery.next_attempt_at.is_(None),
                NotificationDelivery.next_attempt_at <= utcnow(),
            ),
        )
        .order_by(NotificationDelivery.id)
        .options(selectinload(NotificationDelivery.notification).selectinload(Notification.user))
        .limit(limit)
    )
    return list(db.session.scalars(query))


def waiting_by_channel() -> dict[str, int]:
    """Pending copies of channels with no transport yet, by channel."""
    rows = db.session.execute(
        select(NotificationDelivery.channel, func.count())
        .where(
            NotificationDelivery.status == DeliveryStatus.PENDING,
            NotificationDelivery.channel.not_in(sendable_channels()),
        )
        .group_by(NotificationDelivery.channel)
    )
    return dict(rows.all())


def address_for(user: User, channel: str) -> str | None:
    if channel == "email":
        return user.email
    if channel == "sms":
        return user.phone
    if channel == "telegram":
        from portal.telegram.links import chat_id_for

        chat_id = chat_id_for(user)
        return str(chat_id) if chat_id is not None else None
    return user.login_name


def recipient_address(notification: Notification, channel: str) -> str | None:
    """The user's address, or the phone of a profile without an account (a claim code)."""
    if notification.user is not None:
        return address_for(notification.user, channel)
    profile = notification.youth
    return profile.phone if channel == "sms" and profile is not None else None


def message_for(notification: Notification) -> tuple[str, str]:
    """Subject and body in the recipient's language, with a link back to the portal."""
    title, line, url = _message_parts(notification)
    body = line + ("\n" + url if url else "")
    base_url = current_app.config.get("PUBLIC_URL") or ""
    stop = unsubscribe_line(notification, reader_locale(notification.user), base_url)
    return title, body + ("\n" + stop if stop else "")  # job alerts: in every message


def _message_parts(notification: Notification) -> tuple[str, str, str | None]:
    text = describe(notification, reader_locale(notification.user))
    url = None
    if notification.link:
        url = (current_app.config.get("PUBLIC_URL") or "") + notification.link
    return text.title, text.line, url


def _compose(transport, notification: Notification) -> tuple[str, str]:
    """The transport writes its own message when its medium has limits (SMS), else the mail form."""
    compose = getattr(transport, "compose", None)
    if compose is None:
        return message_for(notification)
    return compose(*_message_parts(notification))


def deliver(delivery: NotificationDelivery, drained: Drained) -> None:
    """Try to send one copy and record what happened (flushes; the caller commits)."""
    transport = transport_for(delivery.channel, current_app.config)
    if transport is None:
        return
    notification = delivery.notification
    address = recipient_address(notification, delivery.channel)
    subject, body = _compose(transport, notification)
    hold = getattr(transport, "hold", None)
    held = hold(delivery, body) if hold and address else None
    if held is not None:
        _hold(delivery, held, drained)
    else:
        _attempt(delivery, transport, address, subject, body, drained)
    _forget_secrets_when_done(notification)
    db.session.flush()


def _attempt(delivery, transport, address, subject: str, body: str, drained: Drained) -> None:
    delivery.attempts += 1
    delivery.held_reason = None
    try:
        if not address:
            raise PermanentFailure(f"no {delivery.channel} address")
        receipt = _send(transport, address, delivery.notification, subject, body)
    except Exception as error:  # any transport error is kept and retried, never lost
        delivery.last_error = f"{type(error).__name__}: {error}"[:1000]
        if isinstance(error, PermanentFailure) or delivery.attempts >= _max_attempts():
            _give_up(delivery, drained)
        else:
            delivery.next_attempt_at = utcnow() + retry_delay(delivery.attempts)
            drained.retrying += 1
    else:
        delivery.status = DeliveryStatus.SENT
        delivery.sent_at = utcnow()
        delivery.last_error = delivery.next_attempt_at = None
        if isinstance(receipt, Sent):
            delivery.provider_message_id = receipt.provider_message_id
            delivery.segments = receipt.segments
        drained.sent += 1


def _hold(delivery: NotificationDelivery, held: Hold, drained: Drained) -> None:
    """Wait for `held.until`; a code or link would be stale by then, so it is given up now."""
    delivery.held_reason = held.reason
    if carries_secret(delivery.notification):
        delivery.last_error = f"held: {held.reason}"
        _give_up(delivery, drained)
        return
    delivery.next_attempt_at = held.until
    drained.held += 1


def _give_up(delivery: NotificationDelivery, drained: Drained) -> None:
    delivery.status = DeliveryStatus.FAILED
    delivery.next_attempt_at = None
    drained.failed += 1


def _max_attempts() -> int:
    return current_app.config.get("NOTIFY_MAX_ATTEMPTS", MAX_ATTEMPTS)


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failure: 1, 2, 4, 8... minutes by default."""
    config = current_app.config
    first = config.get("NOTIFY_RETRY_SECONDS", RETRY_SECONDS)
    most = config.get("NOTIFY_RETRY_MAX_SECONDS", RETRY_MAX_SECONDS)
    return timedelta(seconds=min(first * 2 ** (attempts - 1), most))


def carries_secret(notification: Notification) -> bool:
    """A link or code to get in or to prove a phone: useless once it has expired."""
    return bool(SECRET_PARAMS & set(notification.params or {}))


def _send(transport, address: str, notification: Notification, subject: str, body: str):
    """A transport that can do more than text (Telegram's buttons) takes the notification
    itself through `send_notification(notification, address)`; the others take its text.
    Returns the transport's receipt (a `Sent`), if it gives one."""
    send_notification = getattr(transport, "send_notification", None)
    if send_notification is not None:
        return send_notification(notification, address)
    return transport.send(address, subject, body)


def _forget_secrets_when_done(notification: Notification) -> None:
    """A link or code leaves the database once no copy of it waits to be sent."""
    if any(d.status == DeliveryStatus.PENDING for d in notification.deliveries):
        return
    if SECRET_PARAMS & set(notification.params or {}):
        notification.params = {
            k: v for k, v in notification.params.items() if k not in SECRET_PARAMS
        }
