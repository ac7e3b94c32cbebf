"""What a user is told (in the portal), and the copies still to send by other channels."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, enum_column_type, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User
    from portal.youth.models import YouthProfile


class NotificationKind(StrEnum):
    STATUS_CHANGE = "status_change"  # an application moved (to the youth and their counselor)
    NEW_APPLICATION = "new_application"  # to the employer, and the counselor for a referral
    NEW_SUGGESTIONS = "new_suggestions"  # new openings fit a youth
    CLOSING_REMINDER = "closing_reminder"  # an employer's opening closes in 7 days
    OPENING_REVIEWED = "opening_reviewed"  # approved, sent back or declined
    ORGANIZATION_REVIEWED = "organization_reviewed"  # verified or not
    FOLLOW_UP_DUE = "follow_up_due"  # a counselor's 1- or 3-month follow-up
    PROFILE_UNUSED = "profile_unused"  # unused 24 months: anonymised in 30 days (privacy sweep)
    # A link or code to get back into one's account (portal/recovery): its secret is in params
    # only until every copy is sent or given up (SECRET_PARAMS), never shown in the portal.
    ACCOUNT_RECOVERY = "account_recovery"
    # Many untrusted reports on one organization's openings (portal/safety/bursts.py): to the
    # staff of the centers in its province.
    REPORT_BURST = "report_burst"
    # A hire's 1- or 3-month follow-up, asked of the young person herself in Telegram
    # (portal/telegram): "Are you still working at X?" with buttons.
    FOLLOW_UP_QUESTION = "follow_up_question"
    # A young person says she has a problem at work (unpaid, ID card taken, cannot leave,
    # other): to the counselors of her center (portal/placements/problems.py).
    WORK_PROBLEM = "work_problem"
    # A 6-digit code that proves the person holds her phone (portal/phone_confirmation), by SMS.
    PHONE_CONFIRMATION = "phone_confirmation"
    # The code that lets a young person registered at a center claim her profile (portal/claims),
    # sent to the profile's phone before she has an account: its secret is in params until sent.
    CLAIM_CODE = "claim_code"
    # An interview set, moved, or due tomorrow (portal/interviews): date, time, place, whom to
    # ask for and what to bring, to the young person.
    INTERVIEW = "interview"
    # An application with no move for weeks: she is warned, then it closes (portal/interviews).
    APPLICATION_EXPIRY = "application_expiry"


SECRET_PARAMS = frozenset({"code", "url"})  # removed from params once no copy is pending
# Kinds that carry a secret for one channel: never listed in the portal, where whoever holds the
# account (not the phone) would read them.
PRIVATE_KINDS = frozenset({NotificationKind.ACCOUNT_RECOVERY, NotificationKind.PHONE_CONFIRMATION})


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # gave up after the last attempt


class DeliveryReport(StrEnum):
    """What the provider later said about a sent copy (an SMS gateway's delivery report)."""

    DELIVERED = "delivered"
    FAILED = "failed"


class Notification(db.Model):
    """One thing a user is told. Text is made when shown, in the reader's language, from `kind`
    and `params`; `dedupe_key` stops the same reminder being made twice."""

    __table_args__ = (
        UniqueConstraint("user_id", "dedupe_key"),
        CheckConstraint("user_id IS NOT NULL OR youth_id IS NOT NULL", name="has_recipient"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    # A young person registered at a center who has no account yet (a claim code by SMS): the
    # message goes to her profile's phone; she has no in-portal list.
    youth_id: Mapped[int | None] = mapped_column(
        ForeignKey("youth_profile.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[NotificationKind] = mapped_column(enum_column_type(NotificationKind, length=30))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    link: Mapped[str | None] = mapped_column(String(300))  # a path inside the portal
    dedupe_key: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    read_at: Mapped[datetime | None]

    user: Mapped[User | None] = relationship()
    youth: Mapped[YouthProfile | None] = relationship()
    deliveries: Mapped[list[NotificationDelivery]] = relationship(
        back_populates="notification", cascade="all, delete-orphan"
    )


class NotificationDelivery(db.Model):
    """The outbox: a copy of a notification to send by a channel (email, sms, telegram, console),
    drained by `flask notify send`."""

    __tablename__ = "notification_delivery"

    id: Mapped[int] = mapped_column(primary_key=True)
    notification_id: Mapped[int] = mapped_column(
        ForeignKey("notification.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[DeliveryStatus] = mapped_column(
        enum_column_type(DeliveryStatus), default=DeliveryStatus.PENDING, index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    # Not tried before this moment: the back-off after a failure, or the next day for a copy held
    # by a daily limit (held_reason says which limit).
    next_attempt_at: Mapped[datetime | None] = mapped_column(index=True)
    held_reason: Mapped[str | None] = mapped_column(String(30))
    segments: Mapped[int | None]  # SMS parts paid for (portal/sms/segments.py)
    # The provider's id of the sent message, and what its delivery report said, when.
    provider_message_id: Mapped[str | None] = mapped_column(String(100), index=True)
    report: Mapped[DeliveryReport | None] = mapped_column(enum_column_type(DeliveryReport))
    reported_at: Mapped[datetime | None]

    notification: Mapped[Notification] = relationship(back_populates="deliveries")
