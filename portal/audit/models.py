"""One row per audited event. Rows are never updated or deleted by the application (a guard in
services.py refuses it); only the retention sweep removes rows older than AUDIT_RETENTION_DAYS."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db, utcnow


class AuditAction(StrEnum):
    """What happened. Stored as text, so a new action needs no migration."""

    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_RESET_REQUESTED = "password_reset_requested"
    PASSWORD_RESET = "password_reset"
    RECOVERY_CODE_ISSUED = "recovery_code_issued"
    TWO_FACTOR_ENABLED = "two_factor_enabled"
    TWO_FACTOR_DISABLED = "two_factor_disabled"
    SESSIONS_ENDED = "sessions_ended"
    ACCOUNT_CREATED = "account_created"
    ACCOUNT_CHANGED = "account_changed"
    ACCOUNT_DEACTIVATED = "account_deactivated"
    TOKEN_ISSUED = "token_issued"
    TOKEN_REVOKED = "token_revoked"
    PROFILE_VIEWED = "profile_viewed"
    CONTACT_VIEWED = "contact_viewed"
    CV_VIEWED = "cv_viewed"
    CV_RELEASED = "cv_released"
    EXPORTED = "exported"
    APPLICATION_STATUS = "application_status"
    REFERRAL = "referral"
    ORGANIZATION_VERIFIED = "organization_verified"
    ORGANIZATION_REJECTED = "organization_rejected"
    OPENING_DECIDED = "opening_decided"
    REPORT_DECIDED = "report_decided"
    OPENING_HIDDEN_BY_REPORTS = "opening_hidden_by_reports"
    REPORT_BURST = "report_burst"  # untrusted reports on many openings of one organization
    CONSENT_CHANGED = "consent_changed"
    DATA_DOWNLOADED = "data_downloaded"
    ERASURE_REQUESTED = "erasure_requested"
    ERASURE_CONFIRMED = "erasure_confirmed"
    ANONYMISED = "anonymised"
    AUDIT_PURGED = "audit_purged"
    SCREENING_RULE_SWITCHED = "screening_rule_switched"
    TELEGRAM_LINKED = "telegram_linked"
    TELEGRAM_UNLINKED = "telegram_unlinked"
    FOLLOW_UP_ANSWERED = "follow_up_answered"  # by the young person herself (Telegram)
    DETAILS_CONFIRMED = "details_confirmed"  # gender and schooling, by a counselor (issue 17)
    WORK_PROBLEM_REPORTED = "work_problem_reported"
    PHONE_CONFIRMED = "phone_confirmed"  # she typed the code sent to her phone by SMS
    CLAIM_CODE_ISSUED = "claim_code_issued"  # a counselor gave a code to claim a profile
    PROFILE_CLAIMED = "profile_claimed"  # a young person signed up with it
    PROFILES_MERGED = "profiles_merged"  # two profiles of one person made one
    INTERVIEW_SET = "interview_set"  # a date, time and place for an application's interview
    INTERVIEW_MOVED = "interview_moved"  # a new date or place; the earlier one is kept
    APPLICATION_EXPIRY_WARNED = "application_expiry_warned"  # idle: closes in a week


# What a young person's "who looked at my profile" page lists.
VIEW_ACTIONS = (AuditAction.PROFILE_VIEWED, AuditAction.CONTACT_VIEWED, AuditAction.CV_VIEWED)


class AuditEvent(db.Model):
    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_subject", "subject_type", "subject_id"),
        Index("ix_audit_event_youth_at", "youth_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    # Who did it (None: a visitor who is not logged in, or the system: a CLI command, cron).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    actor_role: Mapped[str | None] = mapped_column(String(20))
    # What it was done to: a table name and a row id ("youth_profile", 12), if anything.
    subject_type: Mapped[str | None] = mapped_column(String(40))
    subject_id: Mapped[int | None]
    # The young person concerned, if any: "which staff opened my profile" is one query.
    youth_id: Mapped[int | None]
    ip: Mapped[str | None] = mapped_column(String(45))
    # Small, non-secret facts (never a password, token, code, phone number or message text).
    detail: Mapped[dict] = mapped_column(JSON, default=dict)

    def __repr__(self) -> str:
        return f"<AuditEvent {self.id} {self.action} by {self.actor_id}>"
