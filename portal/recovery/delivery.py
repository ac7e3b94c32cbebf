"""How a link or code reaches the person: a notification of kind ACCOUNT_RECOVERY on the
message channels they have and that can be sent today (portal.notifications' outbox). When an
SMS or Telegram transport is plugged in (portal.notifications.transports.register), codes go
out by it with no change here."""

from __future__ import annotations

from flask import after_this_request, current_app

from portal.auth.models import User
from portal.extensions import db
from portal.notifications.models import DeliveryStatus, Notification, NotificationKind
from portal.notifications.outbox import Drained, deliver, sendable_channels
from portal.notifications.services import PORTAL, notify, reachable_channels

PHONE_CHANNELS = ("sms", "telegram")


def phone_channels_now() -> tuple[str, ...]:
    """The channels to a phone that have a transport today (none until issue 16 lands)."""
    sendable = set(sendable_channels())
    return tuple(channel for channel in PHONE_CHANNELS if channel in sendable)


def _channels(user: User, among: tuple[str, ...]) -> list[str]:
    """Of `among`, those `user` can be reached by now, narrowed to their choice if they made one."""
    chosen = (user.notification_settings or {}).get(str(NotificationKind.ACCOUNT_RECOVERY))
    sendable = set(sendable_channels())
    return [
        channel
        for channel in reachable_channels(user)
        if channel != PORTAL
        and channel in among
        and channel in sendable
        and (not chosen or channel in chosen)
    ]


def phone_channels_for(user: User) -> list[str]:
    return _channels(user, PHONE_CHANNELS)


def send_link(user: User, url: str) -> list[str]:
    """Queue the e-mail with the reset link, and send it right after the response."""
    return _send(user, ["email"] if user.email and "email" in sendable_channels() else [], url=url)


def send_code(user: User, code: str) -> list[str]:
    return _send(user, phone_channels_for(user), code=code)


def _send(user: User, channels: list[str], **secret: str) -> list[str]:
    if not channels:
        return []
    notification = notify(user, NotificationKind.ACCOUNT_RECOVERY, secret, channels=channels)
    _deliver_after_response(notification.id)
    return channels


def _deliver_after_response(notification_id: int) -> None:
    """Send the copies once the response has left, so that the page takes the same time whether
    an account matched or not; what fails stays in the outbox for `flask notify send`."""
    app = current_app._get_current_object()

    @after_this_request
    def later(response):
        response.call_on_close(lambda: send_now(app, notification_id))
        return response


def send_now(app, notification_id: int) -> None:
    with app.app_context():
        notification = db.session.get(Notification, notification_id)
        if notification is None:
            return
        drained = Drained()
        for copy in notification.deliveries:
            if copy.status == DeliveryStatus.PENDING:
                deliver(copy, drained)
        db.session.commit()
