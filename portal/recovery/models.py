"""One-time ways back into an account; only a keyed hash of each is kept (see hashing.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.auth.models import User
from portal.extensions import db, enum_column_type, utcnow


class RecoveryMethod(StrEnum):
    EMAIL_LINK = "email_link"  # a link sent by e-mail
    CENTER_CODE = "center_code"  # 6 digits a counselor gives at the center, face to face
    MESSAGE_CODE = "message_code"  # 6 digits sent by SMS or Telegram


LIFETIMES = {
    RecoveryMethod.EMAIL_LINK: timedelta(minutes=30),
    RecoveryMethod.CENTER_CODE: timedelta(hours=24),
    RecoveryMethod.MESSAGE_CODE: timedelta(minutes=30),
}
MAX_TRIES = 5  # wrong codes a code survives; the next wrong one is never checked


class AccountRecovery(db.Model):
    """One link or code that lets its holder choose a new password for `user`, once."""

    __tablename__ = "account_recovery"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    method: Mapped[RecoveryMethod] = mapped_column(enum_column_type(RecoveryMethod))
    secret_hash: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    failed_tries: Mapped[int] = mapped_column(default=0)
    # The counselor or admin who gave a center code after checking who the person is.
    issued_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    issued_by: Mapped[User | None] = relationship(foreign_keys=[issued_by_id])

    def is_live(self, now: datetime) -> bool:
        """Not used, not expired, not worn out by wrong tries."""
        return self.used_at is None and now < self.expires_at and self.failed_tries < MAX_TRIES
