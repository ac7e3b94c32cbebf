"""Openings (jobs, internships, courses) and the history of their status."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, enum_column_type, utcnow
from portal.youth.models import EducationLevel

if TYPE_CHECKING:
    from portal.auth.models import User
    from portal.courses.models import CourseDetails
    from portal.orgs.models import Organization


class OpeningKind(StrEnum):
    JOB = "job"
    INTERNSHIP = "internship"
    COURSE = "course"


class OpeningStatus(StrEnum):
    DRAFT = "draft"
    PENDING_REVIEW = "pending_review"
    PUBLISHED = "published"
    REJECTED = "rejected"  # sent back with a reason: the organization may edit and resubmit
    DECLINED = "declined"  # turned down for good (fake, unsafe, not a real opening)
    CLOSED = "closed"


class ScreeningLevel(StrEnum):
    NONE = "none"
    REVIEW = "review"  # published only after a counselor confirms
    HIGH = "high"  # never published automatically, by any path


class Currency(StrEnum):
    USD = "USD"
    KHR = "KHR"


MIN_WORKING_AGE = 15  # Cambodian Labour Law, art. 177
MIN_HAZARDOUS_AGE = 18  # Labour Law, art. 177(2): no hazardous work under 18


class Opening(db.Model):
    __table_args__ = (
        UniqueConstraint("organization_id", "ref"),
        CheckConstraint("positions >= 1", name="positions_positive"),
        CheckConstraint("min_age BETWEEN 12 AND 65", name="min_age_range"),
        CheckConstraint("salary_min IS NULL OR salary_min >= 0", name="salary_min_positive"),
        CheckConstraint(
            "salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max",
            name="salary_range_ordered",
        ),
        CheckConstraint(
            "(salary_min IS NULL AND salary_max IS NULL) OR currency IS NOT NULL",
            name="salary_has_currency",
        ),
        CheckConstraint(
            f"NOT hazardous OR min_age >= {MIN_HAZARDOUS_AGE}", name="hazardous_adults_only"
        ),
        # Whether an opening of a kind is public, read from the index alone (the courses page
        # counts and orders every public course; it read each whole row: 30 ms at 6,000).
        Index(
            "ix_opening_public_by_kind",
            "kind",
            "status",
            "closing_date",
            "organization_id",
            "hidden_by_reports_at",
            "province_code",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    ref: Mapped[str] = mapped_column(String(60))
    kind: Mapped[OpeningKind] = mapped_column(enum_column_type(OpeningKind))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    province_code: Mapped[str] = mapped_column(String(2), index=True)
    district_code: Mapped[str | None] = mapped_column(String(4))
    salary_min: Mapped[int | None] = mapped_column(Integer)
    salary_max: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[Currency | None] = mapped_column(enum_column_type(Currency, length=3))
    min_age: Mapped[int] = mapped_column(default=MIN_WORKING_AGE)
    positions: Mapped[int] = mapped_column(default=1)
    # What the work needs from a person, which matching checks.
    hazardous: Mapped[bool] = mapped_column(default=False, server_default=false())
    min_education: Mapped[EducationLevel | None] = mapped_column(
        enum_column_type(EducationLevel, name="min_education")
    )
    languages: Mapped[list[str]] = mapped_column(  # ISO 639-1 codes: "km", "en"
        JSON, default=list, server_default="[]"
    )
    # The ISCO-08 minor group (3 digits, e.g. "753" garment trades), found from the title and
    # skills through the search vocabulary (portal/occupations) or corrected on the form.
    isco_minor_group: Mapped[str | None] = mapped_column(String(3), index=True)
    # Where the work is, when outside Cambodia (screening and the safe-migration panel read it).
    work_abroad: Mapped[bool] = mapped_column(default=False, server_default=false())
    work_country: Mapped[str | None] = mapped_column(String(60))
    closing_date: Mapped[date | None] = mapped_column(index=True)
    status: Mapped[OpeningStatus] = mapped_column(
        enum_column_type(OpeningStatus), default=OpeningStatus.DRAFT, index=True
    )
    review_note: Mapped[str | None] = mapped_column(Text)
    # Red-flag screening (portal/screening): the level and reasons of the last screening, and
    # the counselor who confirmed a "review" opening may be published.
    screening_level: Mapped[ScreeningLevel] = mapped_column(
        enum_column_type(ScreeningLevel, length=10, name="screening_level"),
        default=ScreeningLevel.NONE,
        server_default="none",
        index=True,
    )
    screening_reasons: Mapped[list[dict]] = mapped_column(JSON, default=list, server_default="[]")
    screened_at: Mapped[datetime | None]
    screening_confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    screening_confirmed_at: Mapped[datetime | None]
    hidden_by_reports_at: Mapped[datetime | None]  # enough reports: hidden until reviewed
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None]

    organization: Mapped[Organization] = relationship(back_populates="openings")
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    screening_confirmed_by: Mapped[User | None] = relationship(
        foreign_keys=[screening_confirmed_by_id]
    )
    course: Mapped[CourseDetails | None] = relationship(
        back_populates="opening", cascade="all, delete-orphan"
    )
    status_changes: Mapped[list[OpeningStatusChange]] = relationship(
        back_populates="opening",
        cascade="all, delete-orphan",
        order_by="OpeningStatusChange.changed_at",
    )

    def is_open_on(self, day: date) -> bool:
        """Published and not past its closing date on `day`."""
        if self.status != OpeningStatus.PUBLISHED:
            return False
        return self.closing_date is None or self.closing_date >= day

    def __repr__(self) -> str:
        return f"<Opening {self.id} {self.ref} {self.status}>"


class OpeningStatusChange(db.Model):
    """Who moved an opening from one status to another, when, and why."""

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int] = mapped_column(
        ForeignKey("opening.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[OpeningStatus | None] = mapped_column(
        enum_column_type(OpeningStatus, name="from_status")
    )
    to_status: Mapped[OpeningStatus] = mapped_column(
        enum_column_type(OpeningStatus, name="to_status")
    )
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str | None] = mapped_column(Text)

    opening: Mapped[Opening] = relationship(back_populates="status_changes")
    changed_by: Mapped[User | None] = relationship()
