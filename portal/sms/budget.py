"""The daily cap on what SMS cost: parts sent per Cambodian day, for everyone (SMS_DAILY_LIMIT)
and for one person (SMS_USER_DAILY_LIMIT). Codes (account recovery, phone confirmation) may use
the last SMS_CODE_RESERVE parts of the day and are not held by the per-person limit: their own
limits bound them, and a code that waited until tomorrow would be stale (the outbox gives it up)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, select

from portal.extensions import db, utcnow
from portal.i18n import local_day_start, local_time
from portal.notifications.models import DeliveryStatus, Notification, NotificationDelivery
from portal.notifications.outbox import carries_secret
from portal.notifications.transports import Hold

DAILY_LIMIT = "daily_limit"
USER_DAILY_LIMIT = "user_daily_limit"


def day_start(now: datetime | None = None) -> datetime:
    """Midnight of today in Cambodia, as stored (naive UTC)."""
    return local_day_start(local_time(now or utcnow()).date())


def resume_at(now: datetime | None = None) -> datetime:
    """When held messages go: tomorrow at SMS_RESUME_HOUR, Cambodian time."""
    hour = current_app.config["SMS_RESUME_HOUR"]
    return day_start(now) + timedelta(days=1, hours=hour)


def segments_sent_today(user_id: int | None = None, now: datetime | None = None) -> int:
    """SMS parts sent since midnight (Cambodian time), by everyone or to one user."""
    query = select(func.coalesce(func.sum(NotificationDelivery.segments), 0)).where(
        NotificationDelivery.channel == "sms",
        NotificationDelivery.status == DeliveryStatus.SENT,
        NotificationDelivery.sent_at >= day_start(now),
    )
    if user_id is not None:
        query = query.join(Notification).where(Notification.user_id == user_id)
    return db.session.scalar(query)


def hold_for(delivery: NotificationDelivery, segments: int) -> Hold | None:
    """A Hold when sending `segments` more parts for `delivery` would pass today's caps."""
    config = current_app.config
    urgent = carries_secret(delivery.notification)
    limit = config["SMS_DAILY_LIMIT"] - (0 if urgent else config["SMS_CODE_RESERVE"])
    if segments_sent_today() + segments > limit:
        return Hold(resume_at(), DAILY_LIMIT)
    if not urgent:
        mine = segments_sent_today(delivery.notification.user_id)
        if mine + segments > config["SMS_USER_DAILY_LIMIT"]:
            return Hold(resume_at(), USER_DAILY_LIMIT)
    return None


@dataclass(frozen=True)
class Usage:
    """Today's SMS for the admins' page and `flask sms status`."""

    segments: int
    limit: int
    messages: int
    held: dict[str, int]  # reason -> copies waiting
    delivered: int
    undelivered: int
    retrying: int
    failed: int
    resume_at: datetime


def usage() -> Usage:
    start = day_start()
    sms = NotificationDelivery.channel == "sms"
    sent_today = (NotificationDelivery.status == DeliveryStatus.SENT) & (
        NotificationDelivery.sent_at >= start
    )
    pending = sms & (NotificationDelivery.status == DeliveryStatus.PENDING)

    def count(*conditions) -> int:
        return db.session.scalar(select(func.count(NotificationDelivery.id)).where(*conditions))

    held = db.session.execute(
        select(NotificationDelivery.held_reason, func.count())
        .where(pending, NotificationDelivery.held_reason.is_not(None))
        .group_by(NotificationDelivery.held_reason)
    )
    return Usage(
        segments=segments_sent_today(),
        limit=current_app.config["SMS_DAILY_LIMIT"],
        messages=count(sms, sent_today),
        held=dict(held.all()),
        delivered=count(sms, sent_today, NotificationDelivery.report == "delivered"),
        undelivered=count(sms, sent_today, NotificationDelivery.report == "failed"),
        retrying=count(pending, NotificationDelivery.attempts > 0),
        failed=count(
            sms,
            NotificationDelivery.status == DeliveryStatus.FAILED,
            NotificationDelivery.created_at >= start,
        ),
        resume_at=resume_at(),
    )
