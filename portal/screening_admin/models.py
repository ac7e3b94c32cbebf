"""What counselors decided on screened openings, and which screening rules admins switched off."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db, enum_column_type, utcnow

if TYPE_CHECKING:
    from portal.auth.models import User


class Verdict(StrEnum):
    CONFIRMED = "confirmed"  # declined or sent back: the warnings were right to stop it
    DISMISSED = "dismissed"  # published all the same: the warnings were a false alarm


class ScreeningDecision(db.Model):
    """One counselor's decision on an opening that had red flags, with the rules that fired
    then (`rules`: [{"name": ..., "weight": ...}]). Kept when the opening is deleted: the
    figures of each rule are made from these rows."""

    __tablename__ = "screening_decision"
    __table_args__ = (CheckConstraint("score >= 0", name="score_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    opening_id: Mapped[int | None] = mapped_column(
        ForeignKey("opening.id", ondelete="SET NULL"), index=True
    )
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    decision: Mapped[Verdict] = mapped_column(
        enum_column_type(Verdict, length=10, name="screening_verdict")
    )
    # The status the decision moved the opening to: published, declined, rejected (sent back).
    to_status: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(10))  # none, review, high
    score: Mapped[int]
    rules: Mapped[list[dict]] = mapped_column(JSON, default=list)

    @property
    def rule_names(self) -> list[str]:
        return [str(rule.get("name", "")) for rule in self.rules or []]


class ScreeningRuleSetting(db.Model):
    """A screening rule (an indicator of portal/screening/data/indicators.csv, by name) an admin
    switched off or on again. No row: the rule is on."""

    __tablename__ = "screening_rule_setting"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    enabled: Mapped[bool]
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)

    changed_by: Mapped[User | None] = relationship()
