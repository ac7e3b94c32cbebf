"""Engines' session hooks are added once, however many apps a process creates."""

from sqlalchemy import event

from portal.extensions import db
from portal.session_events import listen_once


def test_a_hook_listed_twice_runs_once_per_flush(ctx, make_center):
    calls = []

    def counted(session, _context) -> None:
        calls.append(session)

    try:
        listen_once({"after_flush": counted})
        listen_once({"after_flush": counted})
        make_center()  # one commit: one flush
        assert len(calls) == 1
    finally:
        event.remove(db.session, "after_flush", counted)
