"""A staff member's authenticator secret and recovery codes (only keyed hashes of the codes)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db, utcnow


class TwoFactor(db.Model):
    """Two-factor login is on for `user_id` since `enabled_at`."""

    __tablename__ = "two_factor"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), unique=True
    )
    secret: Mapped[str] = mapped_column(String(64))  # base32, what the app was given
    enabled_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The 30-second step of the last code accepted: a code is never accepted twice.
    last_used_step: Mapped[int | None]


class TwoFactorRecoveryCode(db.Model):
    """One of the ten codes shown once at set-up, for a lost phone; each works once."""

    __tablename__ = "two_factor_recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None]
