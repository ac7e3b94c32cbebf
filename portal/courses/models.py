"""What a course opening has beyond a job: when it starts, how long, what it costs."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, enum_column_type
from portal.jobs.models import Currency

if TYPE_CHECKING:
    from portal.jobs.models import Opening


class CourseDetails(db.Model):
    __tablename__ = "course_details"
    __table_args__ = (
        CheckConstraint("duration_weeks IS NULL OR duration_weeks > 0", name="duration_positive"),
        CheckConstraint("fee >= 0", name="fee_not_negative"),
    )

    opening_id: Mapped[int] = mapped_column(
        ForeignKey("opening.id", ondelete="CASCADE"), primary_key=True
    )
    start_date: Mapped[date | None]
    duration_weeks: Mapped[int | None]
    fee: Mapped[int] = mapped_column(default=0)  # 0 means free
    fee_currency: Mapped[Currency] = mapped_column(
        enum_column_type(Currency, length=3), default=Currency.USD
    )
    scholarship_available: Mapped[bool] = mapped_column(default=False)

    opening: Mapped[Opening] = relationship(back_populates="course")

    @property
    def is_free(self) -> bool:
        return self.fee == 0
