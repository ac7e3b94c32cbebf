"""SQLite: the online backup API, both ways (see portal/backup/__init__.py)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from flask import current_app
from sqlalchemy.engine import URL

SUFFIX = ".sqlite3"
Error = sqlite3.Error


def _database_file(url: URL) -> str:
    if not url.database or url.database == ":memory:":
        raise sqlite3.OperationalError("the database is in memory: there is no file to back up")
    return url.database


def _busy_seconds() -> float:
    return float(current_app.config.get("DB_BUSY_TIMEOUT", 30))


def backup(url: URL, path: Path) -> None:
    """A snapshot of the live database, copied while others read and write (WAL), written to a
    temporary file first so that `path` is only ever a whole backup."""
    partial = path.with_name(path.name + ".part")
    try:
        with (
            closing(sqlite3.connect(_database_file(url), timeout=_busy_seconds())) as source,
            closing(sqlite3.connect(partial)) as target,
        ):
            source.backup(target)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def check(path: Path) -> None:
    """The file is a sound SQLite database made by Phlov's migrations."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as backup_file:
        verdict = backup_file.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"the file is damaged ({verdict})")
        found = backup_file.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if found is None:
            raise sqlite3.DatabaseError("it has no alembic_version table")


def restore(url: URL, path: Path) -> None:
    """Copy the backup over the live database in one step, under its write lock (waiting for
    writers up to DB_BUSY_TIMEOUT): others see the old database or the new, never a mix."""
    with (
        closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as source,
        closing(sqlite3.connect(_database_file(url), timeout=_busy_seconds())) as target,
    ):
        source.backup(target)
