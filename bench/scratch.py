"""A scratch portal for a benchmark: the app on a fresh, migrated SQLite file and search index in
a temporary folder, removed afterwards."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from flask_migrate import upgrade

from portal import create_app


@contextmanager
def scratch_app(prefix: str, database_url: str | None = None) -> Iterator:
    """Inside: an app context on an empty migrated database (`prefix` names the temp folder,
    which holds the SQLite file unless `database_url` names another, empty, database)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{tmp}/bench.db",
                "SEARCH_INDEX_DIR": f"{tmp}/search",
                "SECRET_KEY": "bench",
            }
        )
        with app.app_context():
            logging.disable(logging.INFO)  # the migrations' progress
            upgrade()
            yield app
