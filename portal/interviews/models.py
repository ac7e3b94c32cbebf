"""An interview of an application, and the warnings sent before an idle application closes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User
    from portal.placements.models import Application


class Interview(db.Model):
    """When and where one application's interview is. Rescheduling never edits a row: it adds
    a new one and marks the old one replaced, so the history of dates stays."""

    __table_args__ = (
        CheckConstraint("place <> ''", name="place_given"),
        # Never a javascript: or http link (portal/interviews/maps.py checks the host too).
        CheckConstraint("map_url IS NULL OR map_url LIKE 'https://%'", name="map_url_https"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime] = mapped_column(index=True)  # naive UTC, like every moment
    place: Mapped[str] = mapped_column(String(300))
    map_url: Mapped[str | None] = mapped_column(String(500))  # a maps link pasted by the employer
    ask_for: Mapped[str] = mapped_column(String(200), default="")
    bring: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set when a later row replaces this one (a new date or place).
    replaced_at: Mapped[datetime | None]
    # When the day-before reminder went to the young person (never twice).
    reminded_at: Mapped[datetime | None]

    application: Mapped[Application] = relationship()
    created_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Interview {self.id} of application {self.application_id} at {self.starts_at}>"


class ExpiryWarning(db.Model):
    """An application without any move for a long time: the young person was warned that it
    will close (the close waits for a warning at least a week old; once per idle spell)."""

    __tablename__ = "application_expiry_warning"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    warned_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship()
