"""Draining the outbox: each pending copy goes through its channel's transport, in the
recipient's language. A failure is kept and tried again; after MAX_ATTEMPTS it is FAILED."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import func, select
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
from portal.notifications.transports import transport_for

MAX_ATTEMPTS = 5


@dataclass
class Drained:
    sent: int = 0
    failed: int = 0  # given up this run
    retrying: int = 0  # failed this time, will be tried again
    waiting: dict[str, int] = field(default_factory=dict)  # channel -> copies, no transport yet


def sendable_channels() -> list[str]:
    """The channels that have a transport now."""
    channels = {*CHANNELS, "console"} - {PORTAL}
    return sorted(c for c in channels if transport_for(c, current_app.config) is not None)


def pending_deliveries(limit: int | None = None) -> list[NotificationDelivery]:
    """The oldest pending copies first, of channels that can be sent now."""
    query = (
        select(NotificationDelivery)
        .where(
            NotificationDelivery.status == DeliveryStatus.PENDING,
            NotificationDelivery.channel.in_(sendable_channels()),
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
    return user.login_name


def message_for(notification: Notification) -> tuple[str, str]:
    """Subject and body in the recipient's language, with a link back to the portal."""
    locale = reader_locale(notification.user)
    text = describe(notification, locale)
    body = text.line
    base_url = current_app.config.get("PUBLIC_URL") or ""
    if notification.link:
        body += "\n" + base_url + notification.link
    stop = unsubscribe_line(notification, locale, base_url)  # job alerts: in every message
    if stop:
        body += "\n" + stop
    return text.title, body


def deliver(delivery: NotificationDelivery, drained: Drained) -> None:
    """Try to send one copy and record what happened (flushes; the caller commits)."""
    transport = transport_for(delivery.channel, current_app.config)
    if transport is None:
        return
    notification = delivery.notification
    address = address_for(notification.user, delivery.channel)
    delivery.attempts += 1
    try:
        if not address:
            raise ValueError(f"no {delivery.channel} address")
        transport.send(address, *message_for(notification))
    except Exception as error:  # any transport error is kept and retried, never lost
        delivery.last_error = f"{type(error).__name__}: {error}"[:1000]
        if delivery.attempts >= current_app.config.get("NOTIFY_MAX_ATTEMPTS", MAX_ATTEMPTS):
            delivery.status = DeliveryStatus.FAILED
            drained.failed += 1
        else:
            drained.retrying += 1
    else:
        delivery.status = DeliveryStatus.SENT
        delivery.sent_at = utcnow()
        delivery.last_error = None
        drained.sent += 1
    _forget_secrets_when_done(notification)
    db.session.flush()


def _forget_secrets_when_done(notification: Notification) -> None:
    """A link or code leaves the database once no copy of it waits to be sent."""
    if any(d.status == DeliveryStatus.PENDING for d in notification.deliveries):
        return
    if SECRET_PARAMS & set(notification.params or {}):
        notification.params = {
            k: v for k, v in notification.params.items() if k not in SECRET_PARAMS
        }
