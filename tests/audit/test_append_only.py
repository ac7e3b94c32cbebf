"""Nothing in the code changes or deletes audit records, except the retention sweep, which
removes only records past AUDIT_RETENTION_DAYS and says how many."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, update

from portal.audit import AuditAction, AuditEvent, record
from portal.audit.services import AuditTrailIsAppendOnly
from portal.auth.models import Role
from portal.extensions import db, utcnow
from tests.audit.conftest import events

PORTAL = Path(__file__).resolve().parents[2] / "portal"
# update(AuditEvent), delete(AuditEvent.__table__)..., or SQL naming the table.
WRITES = re.compile(
    r"(update|delete)\(\s*AuditEvent\b|(UPDATE|DELETE\s+FROM)\s+\"?audit_event\b",
    re.IGNORECASE,
)
THE_ONE_DELETE_PATH = PORTAL / "audit" / "retention.py"


def test_only_the_retention_sweep_writes_past_the_guard():
    found = {
        str(path.relative_to(PORTAL))
        for path in PORTAL.rglob("*.py")
        if WRITES.search(path.read_text(encoding="utf-8"))
    }
    assert found == {"audit/retention.py"}
    assert "delete(AuditEvent.__table__)" in THE_ONE_DELETE_PATH.read_text(encoding="utf-8")


def test_a_bulk_update_or_delete_of_the_trail_is_refused(make_user):
    event = record(AuditAction.LOGIN, actor=make_user(Role.ADMIN))
    db.session.commit()

    with pytest.raises(AuditTrailIsAppendOnly):
        db.session.execute(update(AuditEvent).values(action="nothing happened"))
    db.session.rollback()
    with pytest.raises(AuditTrailIsAppendOnly):
        db.session.execute(delete(AuditEvent).where(AuditEvent.id == event.id))
    db.session.rollback()

    assert [e.action for e in events()] == ["login"]


def _aged(days: int, action=AuditAction.LOGIN) -> AuditEvent:
    event = record(action, actor=None)
    event.at = utcnow() - timedelta(days=days)
    return event


def test_purge_deletes_only_records_past_the_retention_and_says_how_many(app, runner, ctx):
    app.config["AUDIT_RETENTION_DAYS"] = 30
    try:
        _aged(400), _aged(31), _aged(29), _aged(0)
        db.session.commit()

        result = runner.invoke(args=["audit", "purge"])
    finally:
        app.config["AUDIT_RETENTION_DAYS"] = 5 * 365

    assert result.exit_code == 0, result.output
    assert "Deleted 2 audit record(s) older than 30 day(s)" in result.output
    left = events()
    assert [e.action for e in left] == ["login", "login", "audit_purged"]
    assert left[-1].detail["deleted"] == 2 and left[-1].actor_id is None


def test_the_default_retention_is_five_years(app, runner, ctx):
    _aged(5 * 365 + 1), _aged(5 * 365 - 1)
    db.session.commit()

    result = runner.invoke(args=["audit", "purge"])

    assert "Deleted 1 audit record(s) older than 1825 day(s)" in result.output


def test_list_shows_one_persons_recent_events_in_cambodian_time(runner, make_user):
    dara = make_user(Role.COUNSELOR, email="dara@center.org")
    other = make_user(Role.COUNSELOR)
    record(AuditAction.LOGIN, actor=dara)
    record(AuditAction.LOGIN, actor=other)
    old = record(AuditAction.LOGOUT, actor=dara)
    old.at = utcnow() - timedelta(days=10)
    db.session.commit()

    result = runner.invoke(args=["audit", "list", "--user", "dara@center.org", "--days", "7"])

    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert "dara@center.org (counselor)" in lines[0] and "\tlogin\t" in lines[0]
    assert "1 event(s) in the last 7 day(s)." in result.stderr
