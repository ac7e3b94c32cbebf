"""Writing to the audit trail, and the guard that keeps it append-only."""

from __future__ import annotations

from typing import Any

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.orm import Session

from portal.audit.models import AuditAction, AuditEvent
from portal.extensions import db

_CURRENT = object()  # "whoever is logged in for this request"


class AuditTrailIsAppendOnly(RuntimeError):
    """Something tried to change or delete an audit record."""


def record(
    action: AuditAction | str,
    *,
    actor: Any = _CURRENT,
    subject: Any = None,
    youth: Any = None,
    detail: dict | None = None,
) -> AuditEvent:
    """Add one event to the session (the request or command commits it with its own work).

    `actor` defaults to the logged-in user (None for a visitor or the system); `subject` is the
    model instance acted on; `youth` the YouthProfile concerned (found from `subject` when it is
    one). `detail` holds small, non-secret facts only."""
    if actor is _CURRENT:
        actor = current_user if has_request_context() and current_user.is_authenticated else None
    youth_id = getattr(youth, "id", youth)
    if youth_id is None and getattr(subject, "__tablename__", None) == "youth_profile":
        youth_id = subject.id
    entry = AuditEvent(
        action=str(action),
        actor_id=getattr(actor, "id", None),
        actor_role=str(actor.role) if actor is not None else None,
        subject_type=getattr(subject, "__tablename__", None),
        subject_id=getattr(subject, "id", None),
        youth_id=youth_id,
        ip=request.remote_addr if has_request_context() else None,
        detail=detail or {},
    )
    db.session.add(entry)
    return entry


@event.listens_for(Session, "before_flush")
def _refuse_changes(session: Session, _context, _instances) -> None:
    for instance in (*session.dirty, *session.deleted):
        if isinstance(instance, AuditEvent) and (
            instance in session.deleted or session.is_modified(instance)
        ):
            raise AuditTrailIsAppendOnly("audit records are never changed or deleted")
