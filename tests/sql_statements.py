"""What the database is sent, for tests that count queries or writes."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from portal.extensions import db


@contextmanager
def statements():
    """The SQL statements run inside the block (a list that fills as they run)."""
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)
