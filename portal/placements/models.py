"""Applications to openings, their status history, CVs, saved openings and hire follow-ups."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from portal.extensions import db, enum_column_type, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User
    from portal.jobs.models import Opening
    from portal.youth.models import YouthProfile


class ApplicationSource(StrEnum):
    APPLIED = "applied"  # the youth applied alone
    REFERRED = "referred"  # a counselor referred them, with a note


class ApplicationStatus(StrEnum):
    APPLIED = "applied"
    REFERRED = "referred"
    SHORTLISTED = "shortlisted"
    INTERVIEW = "interview"
    HIRED = "hired"
    NOT_SELECTED = "not_selected"
    WITHDRAWN = "withdrawn"


class Application(db.Model):
    """One youth's application to one opening (one per pair), whoever started it."""

    __table_args__ = (UniqueConstraint("opening_id", "youth_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int] = mapped_column(
        ForeignKey("opening.id", ondelete="CASCADE"), index=True
    )
    youth_id: Mapped[int] = mapped_column(
        ForeignKey("youth_profile.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[ApplicationSource] = mapped_column(enum_column_type(ApplicationSource))
    status: Mapped[ApplicationStatus] = mapped_column(
        enum_column_type(ApplicationStatus), index=True
    )
    message: Mapped[str] = mapped_column(Text, default="")  # the youth's own words
    referred_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    referral_note: Mapped[str | None] = mapped_column(Text)  # the counselor's note
    hired_on: Mapped[date | None]
    # Work abroad: when the youth confirmed they read the safe-migration advice.
    abroad_confirmed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    opening: Mapped[Opening] = relationship()
    youth: Mapped[YouthProfile] = relationship()
    referred_by: Mapped[User | None] = relationship(foreign_keys=[referred_by_id])
    cv: Mapped[ApplicationDocument | None] = relationship(
        back_populates="application", cascade="all, delete-orphan", uselist=False
    )
    status_changes: Mapped[list[ApplicationStatusChange]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        order_by="ApplicationStatusChange.changed_at",
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="FollowUp.month"
    )

    def __repr__(self) -> str:
        return f"<Application {self.id} {self.status}>"


class ApplicationStatusChange(db.Model):
    """Who moved an application from one status to another, when, and why (a code from the
    refusal list and/or free words)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[ApplicationStatus | None] = mapped_column(
        enum_column_type(ApplicationStatus, name="from_status")
    )
    to_status: Mapped[ApplicationStatus] = mapped_column(
        enum_column_type(ApplicationStatus, name="to_status")
    )
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason_code: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)

    application: Mapped[Application] = relationship(back_populates="status_changes")
    changed_by: Mapped[User | None] = relationship()


class CvOrigin(StrEnum):
    """Where the CV sent with an application came from."""

    UPLOADED = "uploaded"  # a PDF she made herself
    PHOTO = "photo"  # a photo of a paper CV, cleaned (portal/cv/photos.py)
    PROFILE = "profile"  # made by Phlov from her profile (portal/cv)


class ApplicationDocument(db.Model):
    """The CV sent with an application: a PDF of at most 2 MB or a cleaned JPEG photo of a paper
    CV, kept in the database so that it is backed up, moved and deleted with the application."""

    __tablename__ = "application_document"
    __table_args__ = (CheckConstraint("size > 0", name="size_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), unique=True
    )
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(60), default="application/pdf")
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    origin: Mapped[CvOrigin] = mapped_column(
        enum_column_type(CvOrigin), default=CvOrigin.UPLOADED, server_default="uploaded"
    )
    # A minor's CV reaches the employer only once a counselor of her center released it.
    released_at: Mapped[datetime | None]
    released_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    application: Mapped[Application] = relationship(back_populates="cv")


class FollowUp(db.Model):
    """Is the person still employed 1 and 3 months after the hire? What donors ask for."""

    __tablename__ = "follow_up"
    __table_args__ = (
        UniqueConstraint("application_id", "month"),
        CheckConstraint("month IN (1, 3)", name="month_1_or_3"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    month: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(index=True)
    still_employed: Mapped[bool | None]  # None: not recorded yet
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime | None]
    # How the answer came: None when a counselor recorded it, "telegram" when the young person
    # answered herself in Telegram (recorded_by is then her own account).
    answered_via: Mapped[str | None] = mapped_column(String(20))

    application: Mapped[Application] = relationship(back_populates="follow_ups")
    recorded_by: Mapped[User | None] = relationship()


class SavedOpening(db.Model):
    """An opening a youth keeps to look at again."""

    __tablename__ = "saved_opening"

    youth_id: Mapped[int] = mapped_column(
        ForeignKey("youth_profile.id", ondelete="CASCADE"), primary_key=True
    )
    opening_id: Mapped[int] = mapped_column(
        ForeignKey("opening.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)

    opening: Mapped[Opening] = relationship()


class DismissedOpening(db.Model):
    """An opening a youth said is "not for me": never suggested or sent to her again."""

    __tablename__ = "dismissed_opening"

    youth_id: Mapped[int] = mapped_column(
        ForeignKey("youth_profile.id", ondelete="CASCADE"), primary_key=True
    )
    opening_id: Mapped[int] = mapped_column(
        ForeignKey("opening.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    dismissed_at: Mapped[datetime] = mapped_column(default=utcnow)
