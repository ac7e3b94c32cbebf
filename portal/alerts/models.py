"""What job alerts keep: her choices, her saved searches, and every opening already sent."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db, enum_column_type, utcnow

DEFAULT_PER_DIGEST = 5
PER_DIGEST_CHOICES = (3, 5, 10)


class AlertFrequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    OFF = "off"


class AlertSetting(db.Model):
    """How often a young person wants her digest and how long it may be. No row: daily, 5."""

    __tablename__ = "alert_setting"
    __table_args__ = (CheckConstraint("per_digest BETWEEN 1 AND 20", name="per_digest_range"),)

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    frequency: Mapped[AlertFrequency] = mapped_column(
        enum_column_type(AlertFrequency, length=10), default=AlertFrequency.DAILY
    )
    per_digest: Mapped[int] = mapped_column(Integer, default=DEFAULT_PER_DIGEST)
    # The Cambodian day of her last digest: one a day at most, one a week when weekly.
    last_digest_on: Mapped[date | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SavedSearch(db.Model):
    """A search she asked to be told about ("alert me about this search"): the words and the
    filters of the search page, as its parser reads them back."""

    __tablename__ = "saved_search"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    q: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str | None] = mapped_column(String(20))
    province_code: Mapped[str | None] = mapped_column(String(2))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE")
    )
    min_salary: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def args(self) -> dict[str, str]:
        """The search page's query arguments for this search (what parse_search_args reads)."""
        values = {
            "q": self.q,
            "kind": self.kind,
            "province": self.province_code,
            "organization": self.organization_id,
            "min_salary": self.min_salary,
        }
        return {name: str(value) for name, value in values.items() if value not in (None, "")}


class SentAlert(db.Model):
    """An opening already sent to her in a digest: never again."""

    __tablename__ = "sent_alert"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    opening_id: Mapped[int] = mapped_column(
        ForeignKey("opening.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    notification_id: Mapped[int | None] = mapped_column(
        ForeignKey("notification.id", ondelete="SET NULL"), index=True
    )
    saved_search_id: Mapped[int | None] = mapped_column(
        ForeignKey("saved_search.id", ondelete="SET NULL")
    )
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
