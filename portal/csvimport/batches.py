"""Writing an import in batches, so that a long import never holds the database for long.

Each batch is one transaction that begins by taking its turn to write: on SQLite the write lock
(BEGIN IMMEDIATE, waiting up to DB_BUSY_TIMEOUT seconds), on PostgreSQL a transaction advisory
lock that one import batch holds at a time (two imports of one file never create one employer
twice). Between batches the lock is free: a login or a counselor's edit waits at most one batch,
and the search index applies what the batch changed. A batch that cannot take its turn, or whose
database fails, stops the import with `ImportStopped`; what was committed before it stays."""

from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from portal.extensions import db

DEFAULT_BATCH_SIZE = 200
BATCH_LOCK_KEY = 0x1A4B07  # PostgreSQL advisory lock: one import batch writes at a time


class ImportStopped(Exception):
    """The database could not take a batch: the import stops at `line`, the batch's first."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


def batch_size() -> int:
    """Rows per transaction (IMPORT_BATCH_SIZE)."""
    return int(current_app.config.get("IMPORT_BATCH_SIZE", DEFAULT_BATCH_SIZE))


def busy_timeout() -> float:
    """Seconds a write waits for another's turn before giving up (DB_BUSY_TIMEOUT)."""
    return float(current_app.config.get("DB_BUSY_TIMEOUT", 30))


def begin_batch() -> None:
    """End whatever the session was doing, then begin a transaction holding the turn to write."""
    db.session.commit()
    connection = db.session.connection(execution_options={"for_write": True})
    if connection.dialect.name == "postgresql":
        wait_ms = int(busy_timeout() * 1000)
        connection.execute(text(f"SET LOCAL lock_timeout = {wait_ms}"))
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": BATCH_LOCK_KEY})


def stopped(line: int, error: OperationalError) -> ImportStopped:
    """What to tell the counselor when the database refused a batch."""
    reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
    if _is_busy(reason):
        reason = _(
            "the database stayed busy for %(seconds)s seconds "
            "(another import, a backup or a long change is writing)",
            seconds=f"{busy_timeout():g}",
        )
    return ImportStopped(line, reason)


def _is_busy(reason: str) -> bool:
    reason = reason.casefold()
    return any(sign in reason for sign in ("database is locked", "lock timeout", "lock_timeout"))
