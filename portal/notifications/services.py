"""Telling a user something: `notify` records it for their in-portal list and queues a copy for
each other channel they chose (the outbox that `flask notify send` drains).

Settings live on the user as {kind: [channel, ...]}: a kind mapped to [] is switched off; a kind
not listed uses DEFAULT_CHANNELS. "portal" is the in-portal list; the others need an address
(e-mail needs an e-mail address, sms a phone number)."""

from __future__ import annotations

from sqlalchemy import func, select, update

from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.notifications.models import Notification, NotificationDelivery, NotificationKind
from portal.youth.models import YouthProfile

PORTAL = "portal"
CHANNELS = (PORTAL, "email", "sms", "telegram")
DEFAULT_CHANNELS: tuple[str, ...] = (PORTAL, "email")


# What a young person must not miss (an interview, an application about to close): by every
# channel she can be reached by unless she chose otherwise, and SMS only to a phone she confirmed
# (an unconfirmed number may be someone else's).
MUST_NOT_MISS = frozenset({NotificationKind.INTERVIEW, NotificationKind.APPLICATION_EXPIRY})


def channels_for(user: User, kind: NotificationKind | str) -> list[str]:
    """The channels `user` wants `kind` by, keeping only those they have an address for."""
    settings = user.notification_settings or {}
    urgent = str(kind) in MUST_NOT_MISS
    wanted = settings.get(str(kind), CHANNELS if urgent else DEFAULT_CHANNELS)
    if urgent and user.phone_confirmed_at is None:
        wanted = [channel for channel in wanted if channel != "sms"]
    return [c for c in CHANNELS if c in wanted and _reachable(user, c)]


def reachable_channels(user: User) -> list[str]:
    """The channels `user` has an address for (the settings page offers only these)."""
    return [channel for channel in CHANNELS if _reachable(user, channel)]


def _reachable(user: User, channel: str) -> bool:
    if channel == "email":
        return bool(user.email)
    if channel == "sms":
        return bool(user.phone)
    if channel == "telegram":
        from portal.telegram.links import chat_id_for  # the chat she linked (portal/telegram)

        return chat_id_for(user) is not None
    return channel in CHANNELS


def notify(
    user: User | YouthProfile,
    kind: NotificationKind,
    params: dict | None = None,
    *,
    link: str | None = None,
    dedupe_key: str | None = None,
    channels: list[str] | None = None,
) -> Notification | None:
    """Record `kind` for `user` (None when they switched it off, or when `dedupe_key` was
    already used for them: a reminder is made once). `channels` overrides the user's settings
    (account recovery picks its own). Flushes; the caller commits.

    `user` may be a young person's profile: her account's settings when she has one, else her
    profile's phone by the `channels` given (a claim code before she has an account)."""
    if isinstance(user, YouthProfile):
        if user.user is None:
            return _notify_profile(user, kind, params or {}, channels or [], link)
        user = user.user
    notification = build_notification(
        user, kind, params, link=link, dedupe_key=dedupe_key, channels=channels
    )
    if notification is not None:
        db.session.add(notification)
        db.session.flush()
    return notification


def build_notification(
    user: User,
    kind: NotificationKind,
    params: dict | None = None,
    *,
    link: str | None = None,
    dedupe_key: str | None = None,
    channels: list[str] | None = None,
) -> Notification | None:
    """What notify() records, not yet added to the session: for a caller that adds many and
    flushes once (job alerts write 100,000 at a time)."""
    if channels is None:
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
    if PORTAL not in channels:  # kept as a record of what was sent, but not flagged as new
        notification.read_at = utcnow()
    notification.deliveries = [
        NotificationDelivery(channel=channel) for channel in channels if channel != PORTAL
    ]
    return notification


def _notify_profile(
    profile: YouthProfile,
    kind: NotificationKind,
    params: dict,
    channels: list[str],
    link: str | None,
) -> Notification | None:
    """A message to a profile without an account: by the outside channels it can be reached by
    (no in-portal list: she cannot log in yet)."""
    channels = [c for c in channels if c != PORTAL and profile_reachable(profile, c)]
    if not channels:
        return None
    notification = Notification(
        youth_id=profile.id, kind=kind, params=params, link=link, read_at=utcnow()
    )
    notification.deliveries = [NotificationDelivery(channel=channel) for channel in channels]
    db.session.add(notification)
    db.session.flush()
    return notification


def profile_reachable(profile: YouthProfile, channel: str) -> bool:
    """Whether a profile without an account can be sent `channel`: SMS to its phone (Telegram
    needs a chat she linked from her account)."""
    return channel == "sms" and bool(profile.phone)


def save_settings(user: User, chosen: dict[str, list[str]]) -> None:
    """Keep the channels `user` chose per kind (only channels they can be reached by)."""
    reachable = set(reachable_channels(user))
    settings = dict(user.notification_settings or {})
    for kind, channels in chosen.items():
        settings[str(NotificationKind(kind))] = [
            c for c in CHANNELS if c in channels and c in reachable
        ]
    user.notification_settings = settings
    db.session.flush()


def unread_count(user: User) -> int:
    """How many notifications `user` has not read (one indexed count)."""
    return db.session.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    )


def mark_all_read(user: User) -> int:
    """Mark every unread notification of `user` read; returns how many."""
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return result.rowcount


def mark_read(notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.session.flush()
