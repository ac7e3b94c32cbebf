"""What a CV says beyond the profile's skills and languages: work done (paid or not) and
schooling (finished, stopped or still going), several rows each, one young person's."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db, enum_column_type, utcnow
from portal.youth.models import EducationLevel


class WorkKind(StrEnum):
    """How the work was done: a CV counts all of it, not only jobs with an employer."""

    JOB = "job"  # paid work for someone
    FAMILY = "family"  # the family farm, shop or home, caring for brothers and sisters
    OWN = "own"  # selling at the market, her own small trade
    HELPING = "helping"  # learning a trade beside a relative, volunteering


class SchoolOutcome(StrEnum):
    FINISHED = "finished"
    STOPPED = "stopped"  # left before the end ("stopped in grade 9")
    STUDYING = "studying"  # still going


YEAR_RANGE = "start_year IS NULL OR (start_year BETWEEN 1950 AND 2100)"
YEARS_IN_ORDER = "end_year IS NULL OR start_year IS NULL OR end_year >= start_year"


class WorkExperience(db.Model):
    """One piece of work: what she did, where or for whom, when, and in her own words."""

    __tablename__ = "work_experience"
    __table_args__ = (
        CheckConstraint(YEAR_RANGE, name="start_year_range"),
        CheckConstraint(YEARS_IN_ORDER, name="years_in_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(
        ForeignKey("youth_profile.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[WorkKind] = mapped_column(enum_column_type(WorkKind))
    what: Mapped[str] = mapped_column(String(120))
    place: Mapped[str] = mapped_column(String(120), default="")
    start_year: Mapped[int | None] = mapped_column(SmallInteger)
    end_year: Mapped[int | None] = mapped_column(SmallInteger)  # None with start: still doing it
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Schooling(db.Model):
    """One school or training: the level, the school, the years, and how it ended."""

    __tablename__ = "schooling"
    __table_args__ = (
        CheckConstraint(YEAR_RANGE, name="start_year_range"),
        CheckConstraint(YEARS_IN_ORDER, name="years_in_order"),
        CheckConstraint("grade IS NULL OR grade BETWEEN 1 AND 12", name="grade_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(
        ForeignKey("youth_profile.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[EducationLevel] = mapped_column(enum_column_type(EducationLevel))
    outcome: Mapped[SchoolOutcome] = mapped_column(enum_column_type(SchoolOutcome))
    grade: Mapped[int | None] = mapped_column(SmallInteger)  # the last grade, for "stopped"
    school: Mapped[str] = mapped_column(String(120), default="")
    subject: Mapped[str] = mapped_column(String(120), default="")  # a trade, a degree
    start_year: Mapped[int | None] = mapped_column(SmallInteger)
    end_year: Mapped[int | None] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
