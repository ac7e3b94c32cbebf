"""A counselor imports a big file: it is saved a batch at a time, says how far it got, never
reports success having saved nothing, and a file imported again finishes what a stopped
import left (each command here is a real `flask openings import` in a process of its own)."""

from __future__ import annotations

import re
import subprocess
import threading
from contextlib import contextmanager

from sqlalchemy import func, select

from portal.csvimport.batches import BATCH_LOCK_KEY
from portal.extensions import db
from portal.jobs.models import Opening
from tests.consistency import index_differences
from tests.flask_process import read_until, run_flask, start_flask
from tests.jobs.many_openings import opening_rows, write_openings_csv


def imported_refs() -> set[str]:
    db.session.commit()  # see what the other process committed
    return set(db.session.scalars(select(Opening.ref)))


def count_openings() -> int:
    db.session.commit()
    return db.session.scalar(select(func.count(Opening.id)))


def last_line(output: str) -> str:
    return output.strip().splitlines()[-1]


@contextmanager
def holding_the_write_turn(app):
    """Another writer holding the database's turn to write, as a long transaction would: the
    SQLite write lock, or the PostgreSQL lock an import batch takes."""
    connection = db.engine.raw_connection()
    cursor = connection.cursor()
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        cursor.execute("BEGIN IMMEDIATE")
    else:
        cursor.execute(f"SELECT pg_advisory_lock({BATCH_LOCK_KEY})")
    try:
        yield
    finally:
        if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
            cursor.execute("ROLLBACK")
        else:
            cursor.execute(f"SELECT pg_advisory_unlock({BATCH_LOCK_KEY})")
            connection.commit()
        connection.close()


def test_a_big_file_is_saved_a_batch_at_a_time_and_can_be_searched(app, ctx, tmp_path):
    path = write_openings_csv(tmp_path / "fair.csv", opening_rows(250))

    done = run_flask(app, "openings", "import", str(path), IMPORT_BATCH_SIZE="100")

    assert done.returncode == 0, done.stdout
    progress = [line for line in done.stdout.splitlines() if line.startswith("Saved up to")]
    assert progress == [
        "Saved up to line 101: created 100 · updated 0 · rejected 0",
        "Saved up to line 201: created 200 · updated 0 · rejected 0",
        "Saved up to line 251: created 250 · updated 0 · rejected 0",
    ]
    assert last_line(done.stdout) == "created 250 · updated 0 · rejected 0"
    assert count_openings() == 250
    assert index_differences(app) == []  # each batch was indexed as it was saved


def test_a_file_whose_every_row_is_refused_exits_non_zero(app, ctx, tmp_path):
    rows = [row | {"province": "Atlantis"} for row in opening_rows(3)]

    done = run_flask(app, "openings", "import", str(write_openings_csv(tmp_path / "x.csv", rows)))

    assert done.returncode == 1
    assert "Nothing was saved: every row has a problem (see above)." in done.stdout
    assert last_line(done.stdout) == "created 0 · updated 0 · rejected 3"


def test_a_database_busy_for_too_long_stops_the_import_non_zero_saying_why(app, ctx, tmp_path):
    path = write_openings_csv(tmp_path / "fair.csv", opening_rows(5))

    with holding_the_write_turn(app):
        done = run_flask(app, "openings", "import", str(path), DB_BUSY_TIMEOUT="1")

    assert done.returncode == 1
    assert "Stopped at line 2: the database stayed busy for 1 seconds" in done.stdout
    assert last_line(done.stdout) == "created 0 · updated 0 · rejected 0"
    assert count_openings() == 0


def test_an_import_stopped_half_way_keeps_its_batches_and_a_second_run_finishes(app, ctx, tmp_path):
    path = write_openings_csv(tmp_path / "fair.csv", opening_rows(150))
    importing = start_flask(
        app, "openings", "import", str(path), IMPORT_BATCH_SIZE="30", DB_BUSY_TIMEOUT="1"
    )
    before = read_until(importing, "Saved up to")  # a batch is saved: now someone holds the lock
    with holding_the_write_turn(app):
        output = "".join(before) + importing.communicate(timeout=120)[0]

    assert before[-1].startswith("Saved up to line 31"), output
    assert importing.returncode == 1
    stop = re.search(r"Stopped at line (\d+): the database stayed busy", output)
    assert stop, output
    saved = int(stop.group(1)) - 2  # rows before that line, the header being line 1
    assert f"Lines up to {saved + 1} are saved. Import the same file again" in output
    assert imported_refs() == {f"BULK-{n}" for n in range(1, saved + 1)}

    again = run_flask(app, "openings", "import", str(path), IMPORT_BATCH_SIZE="30")

    assert again.returncode == 0, again.stdout
    assert last_line(again.stdout) == f"created {150 - saved} · updated {saved} · rejected 0"
    assert count_openings() == 150


def test_two_imports_at_once_both_save_everything(app, ctx, tmp_path):
    """A cron job and a counselor import one file at the same time: the batches take turns,
    and each import's report is true (what one created, the other finds and updates)."""
    path = write_openings_csv(tmp_path / "fair.csv", opening_rows(100))
    results: dict[str, subprocess.CompletedProcess] = {}

    def run(name: str, file) -> None:
        results[name] = run_flask(app, "openings", "import", str(file), IMPORT_BATCH_SIZE="10")

    threads = [threading.Thread(target=run, args=(name, path)) for name in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    for done in results.values():
        assert done.returncode == 0, done.stdout
    counts = [last_line(results[name].stdout) for name in ("first", "second")]
    created = [int(re.search(r"created (\d+)", line).group(1)) for line in counts]
    updated = [int(re.search(r"updated (\d+)", line).group(1)) for line in counts]
    assert sum(created) == 100 and sum(updated) == 100, counts
    assert count_openings() == 100
    assert index_differences(app) == []
