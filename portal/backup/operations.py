"""`backup(path)` and `restore(path)`: the engine's own tool for each database (see __init__)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import inspect, text

from portal.backup import postgres_dumps, sqlite_files
from portal.extensions import db

VERSION_TABLE = "alembic_version"  # which migration the data is at: not data itself


class BackupError(Exception):
    """The backup or the restore cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Restored:
    revision: str | None  # the migration the restored data is at
    openings_indexed: int


def _tool():
    dialect = db.engine.dialect.name
    if dialect == "sqlite":
        return sqlite_files
    if dialect == "postgresql":
        return postgres_dumps
    raise BackupError(f"Backups of a {dialect} database are not supported.")


def default_file_name(now: datetime | None = None) -> str:
    """phlov-20261207-131500.sqlite3 (SQLite) or .dump (PostgreSQL), in UTC."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return f"phlov-{stamp}{_tool().SUFFIX}"


def backup(path: Path) -> int:
    """Write a consistent copy of the whole database to `path` (never over an existing file);
    returns its size in bytes."""
    if path.exists():
        raise BackupError(f"{path} already exists: choose another file name.")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    try:
        _tool().backup(db.engine.url, path)
    except (OSError, sqlite_files.Error, postgres_dumps.Error) as error:
        raise BackupError(f"The backup failed: {error}") from error
    return path.stat().st_size


def holds_data() -> list[str]:
    """The tables of the database that hold rows (the migration's version aside)."""
    db.session.commit()
    tables = [name for name in inspect(db.engine).get_table_names() if name != VERSION_TABLE]
    with db.engine.connect() as connection:
        return [
            name
            for name in sorted(tables)
            if connection.execute(text(f'SELECT 1 FROM "{name}" LIMIT 1')).first() is not None
        ]


def restore(path: Path, *, force: bool = False) -> Restored:
    """Replace the database with the backup in `path`, then rebuild the search index from it.
    Refuses a database holding data unless `force`."""
    from portal.search.sync import rebuild

    tool = _tool()
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    try:
        tool.check(path)
    except (OSError, sqlite_files.Error, postgres_dumps.Error) as error:
        raise BackupError(f"{path} is not a Phlov backup of this database: {error}") from error
    filled = holds_data()
    if filled and not force:
        raise BackupError(
            f"The database holds data ({', '.join(filled[:5])}"
            f"{', ...' if len(filled) > 5 else ''}): restoring would replace all of it. "
            "Take a backup of it first if you may need it, then run again with --force."
        )
    db.session.remove()
    db.engine.dispose()  # no connection of ours may hold a lock the restore waits for
    try:
        tool.restore(db.engine.url, path)
    except (OSError, sqlite_files.Error, postgres_dumps.Error) as error:
        raise BackupError(f"The restore failed: {error}") from error
    finally:
        db.engine.dispose()  # connections opened before the restore cached the old schema
    revision = db.session.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))
    db.session.commit()
    # The change log stays the backup's, row for row. The app servers, whose workers keep
    # caches of the database replaced, are stopped during a restore (docs/DEPLOY.md).
    return Restored(revision, rebuild(log_change=False).openings)
