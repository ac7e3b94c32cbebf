"""How a link or code reaches the person: a notification of kind ACCOUNT_RECOVERY on the
message channels they have and that can be sent today (portal.notifications' outbox). When an
SMS or Telegram transport is plugged in (portal.notifications.transports.register), codes go
out by it with no change here."""

from __future__ import annotations

import logging
from collections.abc import Callable

from flask import after_this_request, current_app, request

from portal.auth.models import User
from portal.extensions import db
from portal.notifications.models import NotificationKind
from portal.notifications.outbox import Drained, deliver, sendable_channels
from portal.notifications.services import PORTAL, notify, reachable_channels

log = logging.getLogger(__name__)
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
    return _send(user, _channels(user, ("email",)), url=url)


def send_code(user: User, code: str) -> list[str]:
    return _send(user, phone_channels_for(user), code=code)


def _send(user: User, channels: list[str], **secret: str) -> list[str]:
    """Queue the message and try to send it now; a copy that fails stays in the outbox for
    `flask notify send`. Called after the response (after_response), never while it waits."""
    if not channels:
        return []
    notification = notify(user, NotificationKind.ACCOUNT_RECOVERY, secret, channels=channels)
    db.session.commit()  # the link or code exists before it leaves
    drained = Drained()
    for copy in notification.deliveries:
        deliver(copy, drained)
    return channels


def after_response(work: Callable[[], None]) -> None:
    """Run `work` once the response has left, in a copy of this request's context, and commit:
    the page answers in the same time whatever `work` finds (an account or none)."""
    app = current_app._get_current_object()
    environ = dict(request.environ)

    @after_this_request
    def later(response):
        response.call_on_close(lambda: _run(app, environ, work))
        return response


def _run(app, environ: dict, work: Callable[[], None]) -> None:
    with app.request_context(environ):
        try:
            work()
            db.session.commit()
        except Exception:  # the response is gone: log it, the outbox retries what was queued
            db.session.rollback()
            log.exception("after_response_failed", extra={"event": "after_response_failed"})
