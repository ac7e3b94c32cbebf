"""A scratch portal for a benchmark: the app on a fresh, migrated SQLite file and search index in
a temporary folder, removed afterwards (or on a scratch PostgreSQL database, emptied first)."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from flask_migrate import downgrade, upgrade

from portal import create_app


@contextmanager
def scratch_app(
    prefix: str, database_url: str | None = None, search_backend: str = "whoosh"
) -> Iterator:
    """Inside: an app context on an empty migrated database (`prefix` names the temp folder;
    `database_url`, a scratch PostgreSQL database, is emptied and migrated again)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{tmp}/bench.db",
                "SEARCH_INDEX_DIR": f"{tmp}/search",
                "SEARCH_BACKEND": search_backend,
                "SECRET_KEY": "bench",
            }
        )
        with app.app_context():
            logging.disable(logging.INFO)  # the migrations' progress
            if database_url:
                downgrade(revision="base")
            upgrade()
            yield app


def settle() -> None:
    """On PostgreSQL, every table's statistics and visibility map, as autovacuum keeps them on
    a live database (a bench measured before autovacuum catches up on a fresh fill would
    measure plans made without statistics, and autovacuum running in the middle of it)."""
    from portal.extensions import db

    if db.engine.dialect.name != "postgresql":
        return
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for table in db.metadata.sorted_tables:
            connection.exec_driver_sql(f'VACUUM ANALYZE "{table.name}"')
