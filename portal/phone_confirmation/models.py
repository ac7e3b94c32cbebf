"""One code sent to confirm a phone; only its keyed hash is kept (portal/recovery/hashing.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.notifications.models import Notification

MAX_TRIES = 5  # wrong codes a code survives; then she asks for a new one


class PhoneConfirmation(db.Model):
    """A code sent by SMS to `phone` for `user`; the newest one of a user is the one that counts."""

    __tablename__ = "phone_confirmation"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    phone: Mapped[str] = mapped_column(String(20))  # the number the code went to
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    failed_tries: Mapped[int] = mapped_column(default=0)
    confirmed_at: Mapped[datetime | None]
    # The SMS that carries it, so the page can say whether it left or failed.
    notification_id: Mapped[int | None] = mapped_column(
        ForeignKey("notification.id", ondelete="SET NULL")
    )

    user: Mapped[User] = relationship()
    notification: Mapped[Notification | None] = relationship()
