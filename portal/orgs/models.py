"""Employers and training providers that post openings."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, enum_column_type, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User
    from portal.jobs.models import Opening


class OrgKind(StrEnum):
    EMPLOYER = "employer"
    TRAINING_PROVIDER = "training_provider"


class Organization(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[OrgKind] = mapped_column(enum_column_type(OrgKind), default=OrgKind.EMPLOYER)
    description: Mapped[str] = mapped_column(Text, default="")
    contact_name: Mapped[str | None] = mapped_column(String(120))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    province_code: Mapped[str | None] = mapped_column(String(2), index=True)
    address: Mapped[str | None] = mapped_column(String(300))
    registration_no: Mapped[str | None] = mapped_column(String(60))
    # A recruitment agency licensed by the Ministry of Labour to send workers abroad.
    licensed_recruiter: Mapped[bool] = mapped_column(default=False, server_default=false())
    licence_no: Mapped[str | None] = mapped_column(String(60))
    verified_at: Mapped[datetime | None]
    verified_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", use_alter=True)  # user_account also points here
    )
    # A counselor's check before anything of the organization is public: what they checked
    # (registration, contact), and a reason when they turn it down.
    verification_note: Mapped[str | None] = mapped_column(Text)
    rejected_at: Mapped[datetime | None]
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    members: Mapped[list[User]] = relationship(
        back_populates="organization", foreign_keys="User.organization_id"
    )
    openings: Mapped[list[Opening]] = relationship(back_populates="organization")
    verified_by: Mapped[User | None] = relationship(foreign_keys=[verified_by_id])

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def is_rejected(self) -> bool:
        return self.verified_at is None and self.rejected_at is not None

    @property
    def verification_status(self) -> str:
        """pending, verified or rejected."""
        if self.is_verified:
            return "verified"
        return "rejected" if self.is_rejected else "pending"

    def __repr__(self) -> str:
        return f"<Organization {self.name}>"
