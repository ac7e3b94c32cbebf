"""The audit trail keeps what happened and refuses to be rewritten."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.audit import AuditAction, AuditEvent, record
from portal.audit.services import AuditTrailIsAppendOnly
from portal.extensions import db


def test_a_recorded_event_names_the_actor_the_subject_and_the_young_person(make_user, make_youth):
    counselor = make_user("counselor")
    youth = make_youth()
    record(AuditAction.PROFILE_VIEWED, actor=counselor, subject=youth)
    db.session.commit()
    event = db.session.scalar(select(AuditEvent))
    assert (event.action, event.actor_id, event.actor_role) == (
        "profile_viewed",
        counselor.id,
        "counselor",
    )
    assert (event.subject_type, event.subject_id, event.youth_id) == (
        "youth_profile",
        youth.id,
        youth.id,
    )


def test_an_audit_record_cannot_be_changed_or_deleted(make_user):
    admin = make_user("admin")
    event = record(AuditAction.TOKEN_ISSUED, actor=admin, subject=admin)
    db.session.commit()
    event.action = "nothing happened"
    with pytest.raises(AuditTrailIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEvent, event.id))
    with pytest.raises(AuditTrailIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    assert db.session.get(AuditEvent, event.id).action == "token_issued"
