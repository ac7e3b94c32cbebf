"""The search outbox: which openings changed, written in the same transaction as the change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db, utcnow


class SearchOutbox(db.Model):
    """One row per opening changed by a committed transaction; the index applies rows in id order.

    No foreign key: the row of a deleted opening must outlive it, so the index drops it too.
    AUTOINCREMENT keeps SQLite from reusing the ids of pruned rows (the index's watermark is an id).
    """

    __tablename__ = "search_outbox"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def __repr__(self) -> str:
        return f"<SearchOutbox {self.id} opening {self.opening_id}>"
