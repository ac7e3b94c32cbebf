"""Reports of bad postings, known bad contacts, and safe-migration contacts per center."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, enum_column_type, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User
    from portal.centers.models import Center
    from portal.jobs.models import Opening


class ReportReason(StrEnum):
    ASKED_FOR_MONEY = "asked_for_money"
    NOT_A_REAL_COMPANY = "not_a_real_company"
    DIFFERENT_WORK = "different_work"  # the work was not what the posting said
    KEPT_DOCUMENTS = "kept_documents"
    # What a hired young person may tell in her follow-up (portal/placements/problems.py).
    NOT_PAID = "not_paid"
    NOT_FREE_TO_LEAVE = "not_free_to_leave"
    OTHER = "other"


class ReporterTrust(StrEnum):
    """How much a reporter's word counts towards hiding an opening (see safety/trust.py)."""

    ANONYMOUS = "anonymous"  # not logged in
    NEW_ACCOUNT = "new_account"  # younger than a day, or nothing yet confirms who it is
    TRUSTED = "trusted"  # older than a day and confirmed
    STAFF = "staff"  # a counselor or admin: hides at once


class ReportOutcome(StrEnum):
    DISMISSED = "dismissed"  # a counselor checked: the posting is fine
    CONFIRMED = "confirmed"  # a bad posting: closed or declined


class OpeningReport(db.Model):
    """A visitor says an opening is bad. Enough weight from different addresses (or a
    counselor) hides it until a counselor reviews (safety/reports.py)."""

    __tablename__ = "opening_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int] = mapped_column(
        ForeignKey("opening.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[ReportReason] = mapped_column(enum_column_type(ReportReason, length=30))
    details: Mapped[str] = mapped_column(Text, default="")
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # A keyed hash of the reporter's address (every reporter, logged in or not), so several
    # accounts on one address count once; the address itself is never kept.
    reporter_key: Mapped[str | None] = mapped_column(String(64), index=True)
    # Who the reporter was when they reported (their weight follows from it).
    trust: Mapped[ReporterTrust] = mapped_column(
        enum_column_type(ReporterTrust, name="reporter_trust"),
        default=ReporterTrust.ANONYMOUS,
        server_default=ReporterTrust.ANONYMOUS.value,
    )
    # Made during a burst of untrusted reports on the organization: it alerted its counselors
    # and never counts towards hiding.
    in_burst: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    outcome: Mapped[ReportOutcome | None] = mapped_column(
        enum_column_type(ReportOutcome, name="report_outcome")
    )
    resolution_note: Mapped[str | None] = mapped_column(Text)

    opening: Mapped[Opening] = relationship()
    reporter: Mapped[User | None] = relationship(foreign_keys=[reporter_id])
    resolved_by: Mapped[User | None] = relationship(foreign_keys=[resolved_by_id])


class ContactKind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    HANDLE = "handle"  # Telegram, WhatsApp, Facebook, LINE...


class BadContact(db.Model):
    """A phone number, e-mail address or handle from a confirmed bad posting: any new posting
    that contains it is held as high risk. `value` is kept normalized (a phone number in
    portal.phones' stored form, lower case otherwise)."""

    __tablename__ = "bad_contact"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ContactKind] = mapped_column(enum_column_type(ContactKind))
    value: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    added_by: Mapped[User | None] = relationship()


class SafetyContactKind(StrEnum):
    HOTLINE = "hotline"
    LEGAL_AID = "legal_aid"


class SafetyContact(db.Model):
    """A hotline or legal-aid contact shown on the safe-migration panel: for one center, or for
    every center when center_id is empty. Names in both languages."""

    __tablename__ = "safety_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int | None] = mapped_column(
        ForeignKey("center.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[SafetyContactKind] = mapped_column(enum_column_type(SafetyContactKind))
    name_en: Mapped[str] = mapped_column(String(200))
    name_km: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40))
    note_en: Mapped[str] = mapped_column(Text, default="")
    note_km: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)  # order on the panel

    center: Mapped[Center | None] = relationship()
