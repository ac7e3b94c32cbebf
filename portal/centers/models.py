"""A youth employment center (office or partner) and the staff who work there."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User


class Center(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    province_code: Mapped[str] = mapped_column(String(2), index=True)
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    is_partner: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    staff: Mapped[list[User]] = relationship(back_populates="center", order_by="User.id")

    def __repr__(self) -> str:
        return f"<Center {self.name}>"
