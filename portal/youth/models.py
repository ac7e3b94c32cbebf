"""A young person's profile: who they are, what they can do, what and where they want to work."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, enum_column_type, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User
    from portal.centers.models import Center


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"  # other, or prefers not to say


# A form's answer "prefer not to say": stored as Gender.OTHER, or as a None education level.
NOT_SAID = "not_said"


class EducationLevel(StrEnum):
    NONE = "none"
    PRIMARY = "primary"
    LOWER_SECONDARY = "lower_secondary"  # grade 9
    UPPER_SECONDARY = "upper_secondary"  # grade 12
    VOCATIONAL = "vocational"
    UNIVERSITY = "university"


ADULT_AGE = 18
# The Washington Group Short Set's six domains (columns of YouthProfile) and its cut-off.
WG_DOMAINS = (
    "wg_seeing",
    "wg_hearing",
    "wg_walking",
    "wg_remembering",
    "wg_self_care",
    "wg_communicating",
)
WG_A_LOT = 3  # 1 no difficulty, 2 some, 3 a lot, 4 cannot do at all


def age_on(born: date, day: date) -> int:
    """Age in whole years on `day`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class YouthProfile(db.Model):
    __tablename__ = "youth_profile"
    __table_args__ = (
        UniqueConstraint("center_id", "ref"),
        CheckConstraint("NOT consent_to_share OR consent_at IS NOT NULL", name="consent_dated"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str | None] = mapped_column(String(40))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    gender: Mapped[Gender] = mapped_column(enum_column_type(Gender), index=True)
    date_of_birth: Mapped[date]
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    province_code: Mapped[str] = mapped_column(String(2), index=True)
    district_code: Mapped[str | None] = mapped_column(String(4))
    # None: she preferred not to say (never counted as "none", i.e. no schooling).
    education_level: Mapped[EducationLevel | None] = mapped_column(enum_column_type(EducationLevel))
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    wanted_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    work_provinces: Mapped[list[str]] = mapped_column(JSON, default=list)
    consent_to_share: Mapped[bool] = mapped_column(default=False)
    consent_at: Mapped[datetime | None]
    center_id: Mapped[int | None] = mapped_column(ForeignKey("center.id"), index=True)
    registered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Data rights (portal/privacy): the young person asked to be erased (a counselor confirms);
    # the profile was anonymised; the sweep warned that an unused profile will be anonymised.
    erasure_requested_at: Mapped[datetime | None]
    anonymised_at: Mapped[datetime | None] = mapped_column(index=True)
    dormant_warned_at: Mapped[datetime | None]
    # The Washington Group Short Set on functioning (issue 17): six optional questions, each
    # answered 1 (no difficulty), 2 (some), 3 (a lot) or 4 (cannot do at all); None: not asked
    # or not answered. Never shown to employers.
    wg_seeing: Mapped[int | None] = mapped_column(SmallInteger)
    wg_hearing: Mapped[int | None] = mapped_column(SmallInteger)
    wg_walking: Mapped[int | None] = mapped_column(SmallInteger)
    wg_remembering: Mapped[int | None] = mapped_column(SmallInteger)
    wg_self_care: Mapped[int | None] = mapped_column(SmallInteger)
    wg_communicating: Mapped[int | None] = mapped_column(SmallInteger)
    # When she (or her counselor) last confirmed gender and schooling; None for rows whose values
    # may have come from an old form's default, so she is asked once on her next login.
    details_confirmed_at: Mapped[datetime | None]
    details_asked_at: Mapped[datetime | None]

    user: Mapped[User | None] = relationship(back_populates="youth_profile", foreign_keys=[user_id])
    center: Mapped[Center | None] = relationship()
    registered_by: Mapped[User | None] = relationship(foreign_keys=[registered_by_id])

    def age_on(self, day: date) -> int:
        return age_on(self.date_of_birth, day)

    def is_minor_on(self, day: date) -> bool:
        return self.age_on(day) < ADULT_AGE

    def set_consent(self, consent: bool, when: datetime | None = None) -> None:
        """Record consent to share the profile with employers, with the moment it was given."""
        if consent and not self.consent_to_share:
            self.consent_at = when or utcnow()
        if not consent:
            self.consent_at = None
        self.consent_to_share = consent

    @property
    def has_disability(self) -> bool | None:
        """The Washington Group's recommended cut-off: "a lot of difficulty" or "cannot do at
        all" in at least one domain. None when no question was answered (not said)."""
        answers = [getattr(self, name) for name in WG_DOMAINS]
        if all(answer is None for answer in answers):
            return None
        return any(answer is not None and answer >= WG_A_LOT for answer in answers)

    def __repr__(self) -> str:
        return f"<YouthProfile {self.id} {self.full_name}>"
