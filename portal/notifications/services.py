"""Telling a user something: `notify` records it for their in-portal list and queues a copy for
each other channel they chose (the outbox that `flask notify send` drains).

Settings live on the user as {kind: [channel, ...]}: a kind mapped to [] is switched off; a kind
not listed uses DEFAULT_CHANNELS. "portal" is the in-portal list; the others need an address
(e-mail needs an e-mail address, sms a phone number)."""

from __future__ import annotations

from sqlalchemy import select

from portal.auth.models import User
from portal.extensions import db
from portal.notifications.models import Notification, NotificationDelivery, NotificationKind

PORTAL = "portal"
CHANNELS = (PORTAL, "email", "sms", "telegram")
DEFAULT_CHANNELS: tuple[str, ...] = (PORTAL, "email")


def channels_for(user: User, kind: NotificationKind | str) -> list[str]:
    """The channels `user` wants `kind` by, keeping only those they have an address for."""
    settings = user.notification_settings or {}
    wanted = settings.get(str(kind), DEFAULT_CHANNELS)
    return [c for c in CHANNELS if c in wanted and _reachable(user, c)]


def _reachable(user: User, channel: str) -> bool:
    if channel == "email":
        return bool(user.email)
    if channel == "sms":
        return bool(user.phone)
    return channel in CHANNELS


def notify(
    user: User,
    kind: NotificationKind,
    params: dict | None = None,
    *,
    link: str | None = None,
    dedupe_key: str | None = None,
) -> Notification | None:
    """Record `kind` for `user` (None when they switched it off, or when `dedupe_key` was
    already used for them: a reminder is made once). Flushes; the caller commits."""
    channels = channels_for(user, kind)
    if not channels:
        return None
    if dedupe_key and db.session.scalar(
        select(Notification.id).where(
            Notification.user_id == user.id, Notification.dedupe_key == dedupe_key
        )
    ):
        return None
    notification = Notification(
        user_id=user.id, kind=kind, params=params or {}, link=link, dedupe_key=dedupe_key
    )
    notification.deliveries = [
        NotificationDelivery(channel=channel) for channel in channels if channel != PORTAL
    ]
    db.session.add(notification)
    db.session.flush()
    return notification
