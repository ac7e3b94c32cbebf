"""The audit trail's retention: the ONE place that deletes audit records.

Records older than AUDIT_RETENTION_DAYS go, in one Core DELETE run on the session's connection
(past the ORM guard in services.py, which refuses every other change or delete). The sweep leaves
an AUDIT_PURGED record saying how many went. tests/audit/test_append_only.py checks that no other
module of portal/ updates or deletes audit records."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete

from portal.audit.models import AuditAction, AuditEvent
from portal.audit.services import record
from portal.extensions import db, utcnow


def retention_cutoff(now: datetime | None = None) -> datetime:
    """Records before this moment are past the retention period."""
    return (now or utcnow()) - timedelta(days=current_app.config["AUDIT_RETENTION_DAYS"])


def purge(now: datetime | None = None) -> int:
    """Delete the records older than the retention period; returns how many. The caller commits."""
    cutoff = retention_cutoff(now)
    older = AuditEvent.__table__.c.at < cutoff
    deleted = db.session.connection().execute(delete(AuditEvent.__table__).where(older)).rowcount
    record(
        AuditAction.AUDIT_PURGED,
        actor=None,
        detail={"via": "cli", "deleted": deleted, "before": cutoff.isoformat(timespec="seconds")},
    )
    return deleted
