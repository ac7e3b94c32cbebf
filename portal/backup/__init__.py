"""Backups of the whole database, taken while the portal runs, and putting one back.

- SQLite: SQLite's online backup API (`sqlite3.Connection.backup`) copies a consistent snapshot
  page by page while others keep reading and writing; restoring copies the backup back the same
  way, under the write lock, so no process ever sees half a database.
- PostgreSQL: `pg_dump -Fc` (one consistent snapshot, compressed) and `pg_restore --clean
  --single-transaction` (all of it or nothing).

Restoring refuses a database that holds data unless forced, and rebuilds the search index from
what was restored (the index is derived from the database). No HTTP."""

from portal.backup.operations import (
    BackupError,
    Restored,
    backup,
    default_file_name,
    holds_data,
    restore,
)

__all__ = ["BackupError", "Restored", "backup", "default_file_name", "holds_data", "restore"]
