"""The database connection behaves as the services assume, on SQLite as on PostgreSQL."""

import pytest
from sqlalchemy import func, select, text

from portal.centers.models import Center
from portal.extensions import db


def test_a_released_savepoint_is_still_undone_by_the_outer_rollback(ctx):
    with db.session.begin_nested():
        db.session.add(Center(name="Kept only if the whole import commits", province_code="12"))
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Center)) == 0


def test_a_failed_savepoint_leaves_earlier_work_in_the_transaction(ctx):
    db.session.add(Center(name="First row", province_code="12"))
    db.session.flush()
    try:
        with db.session.begin_nested():
            db.session.add(Center(name="First row", province_code="17"))  # duplicate name
            db.session.flush()
    except Exception:  # noqa: BLE001 - the unique constraint refuses it, as intended
        pass
    db.session.commit()
    assert db.session.scalars(select(Center.province_code)).all() == ["12"]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(ctx):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite settings")
    assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    # DB_BUSY_TIMEOUT: a login waits for an import's batch (tests/jobs/test_import_under_traffic)
    assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 30_000
    assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
