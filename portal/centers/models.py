"""A youth employment center (office or partner) and the staff who work there."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User


KIOSK_IDLE_DEFAULT = 5  # minutes without a click before a kiosk logs its user out
KIOSK_IDLE_MAX = 60


class Center(db.Model):
    __table_args__ = (
        CheckConstraint(
            f"kiosk_idle_minutes BETWEEN 1 AND {KIOSK_IDLE_MAX}", name="kiosk_idle_range"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    province_code: Mapped[str] = mapped_column(String(2), index=True)
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    is_partner: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Shared computers at this center log their user out when idle and never remember a login
    # (portal/kiosk); a browser becomes one of them through a signed cookie a counselor sets.
    kiosk_mode: Mapped[bool] = mapped_column(default=False, server_default=false())
    kiosk_idle_minutes: Mapped[int] = mapped_column(
        default=KIOSK_IDLE_DEFAULT, server_default=str(KIOSK_IDLE_DEFAULT)
    )

    staff: Mapped[list[User]] = relationship(back_populates="center", order_by="User.id")
    # The provinces this center works on (its counselors' scope, portal/centers/scope.py).
    provinces: Mapped[list[CenterProvince]] = relationship(
        cascade="all, delete-orphan", order_by="CenterProvince.province_code"
    )

    @property
    def served_provinces(self) -> frozenset[str]:
        """The provinces listed for the center; its own province always counts."""
        return frozenset({row.province_code for row in self.provinces} | {self.province_code})

    def __repr__(self) -> str:
        return f"<Center {self.name}>"


class CenterProvince(db.Model):
    """One province a center serves: its counselors review, check and refer there."""

    __tablename__ = "center_province"

    center_id: Mapped[int] = mapped_column(
        ForeignKey("center.id", ondelete="CASCADE"), primary_key=True
    )
    province_code: Mapped[str] = mapped_column(String(2), primary_key=True, index=True)
