"""Claim codes: what lets a young person take over the profile a center registered for her.
Only a keyed hash of each code is kept (portal.recovery.hashing): a stolen database reveals none."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User
    from portal.youth.models import YouthProfile

LIFETIME = timedelta(days=30)  # time to go home, borrow a phone and sign up


class ClaimCode(db.Model):
    """One code for one profile, used once. A new code for the profile ends the old one."""

    __tablename__ = "claim_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(
        ForeignKey("youth_profile.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]  # a newer code was given, or the profile was merged
    issued_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    youth: Mapped[YouthProfile] = relationship()
    issued_by: Mapped[User | None] = relationship()

    def is_live(self, now: datetime) -> bool:
        return self.used_at is None and self.revoked_at is None and now < self.expires_at
