"""The audit trail: an append-only record of who did what to whom (logins, views of a young
person's data, exports, decisions, account changes). `record(...)` is the only way in."""

from portal.audit.models import AuditAction, AuditEvent
from portal.audit.services import record, record_now, viewed

__all__ = ["AuditAction", "AuditEvent", "record", "record_now", "viewed"]
