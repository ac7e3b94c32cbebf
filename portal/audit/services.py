"""Writing to the audit trail, and the guard that keeps it append-only."""

from __future__ import annotations

from typing import Any

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

from portal.audit.models import AuditAction, AuditEvent
from portal.extensions import db, utcnow

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
    entry = _new_event(action, actor=actor, subject=subject, youth=youth, detail=detail)
    db.session.add(entry)
    return entry


def record_now(action: AuditAction | str, **fields: Any) -> None:
    """Save one event at once (the arguments of `record`), committed here: for a page that only
    reads (a GET), whose reading must leave its trace. The page's reads end first, so that the
    write begins its own transaction: SQLite then waits for its write lock instead of failing
    the snapshot of reads made before another worker wrote (see portal/__init__._may_write)."""
    entry = _new_event(action, **fields)
    db.session.commit()  # nothing to save yet: ends the page's read transaction
    db.session.add(entry)
    db.session.commit()


def _new_event(
    action: AuditAction | str,
    *,
    actor: Any = _CURRENT,
    subject: Any = None,
    youth: Any = None,
    detail: dict | None = None,
) -> AuditEvent:
    if actor is _CURRENT:
        actor = current_user if has_request_context() and current_user.is_authenticated else None
    youth_id = getattr(youth, "id", youth)
    if youth_id is None and getattr(subject, "__tablename__", None) == "youth_profile":
        youth_id = subject.id
    return AuditEvent(
        at=utcnow(),
        action=str(action),
        actor_id=getattr(actor, "id", None),
        actor_role=str(actor.role) if actor is not None else None,
        subject_type=getattr(subject, "__tablename__", None),
        subject_id=getattr(subject, "id", None),
        youth_id=youth_id,
        ip=request.remote_addr if has_request_context() else None,
        detail=detail or {},
    )


def viewed(
    youth: Any,
    action: AuditAction = AuditAction.PROFILE_VIEWED,
    *,
    subject: Any = None,
    actor: Any = _CURRENT,
    via: str = "web",
) -> None:
    """Someone opened a young person's profile, contact or CV: one event per page opened (a
    list is not a view of each row), saved at once (`record_now`: a GET's one write). The young
    person's own look is not recorded."""
    if actor is _CURRENT:
        actor = current_user if has_request_context() and current_user.is_authenticated else None
    if actor is not None and youth.user_id is not None and youth.user_id == actor.id:
        return
    record_now(action, actor=actor, subject=subject or youth, youth=youth, detail={"via": via})


@event.listens_for(Session, "before_flush")
def _refuse_changes(session: Session, _context, _instances) -> None:
    for instance in (*session.dirty, *session.deleted):
        if isinstance(instance, AuditEvent) and (
            instance in session.deleted or session.is_modified(instance)
        ):
            raise AuditTrailIsAppendOnly("audit records are never changed or deleted")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state: ORMExecuteState) -> None:
    """A bulk UPDATE or DELETE of audit records through the session runs past the flush: refused
    here too. The retention sweep (retention.py) deletes on the connection, the one way around."""
    if (state.is_update or state.is_delete) and any(
        mapper.class_ is AuditEvent for mapper in state.all_mappers
    ):
        raise AuditTrailIsAppendOnly("audit records are never changed or deleted")
