"""An administrator backs up the portal's database while it runs and puts a backup back:
every row of every table comes back as it was, the search finds what the backup holds, and a
database holding data is never replaced by mistake."""

from __future__ import annotations

from sqlalchemy import inspect, text

from portal import search
from portal.audit import AuditAction, record_now
from portal.extensions import db
from tests.conftest import empty_database
from tests.consistency import database_problems, index_differences

# The search outbox is work in flight: a restore applies it to the index it rebuilds, then
# deletes the rows applied (checked by index_differences instead).
IN_FLIGHT = {"search_outbox"}


def every_table() -> dict[str, list[tuple]]:
    """Every row of every table, the migrations' version included, in a stable order."""
    db.session.commit()
    with db.engine.connect() as connection:
        names = sorted(set(inspect(connection).get_table_names()) - IN_FLIGHT)
        return {
            name: sorted(
                (tuple(row) for row in connection.execute(text(f'SELECT * FROM "{name}"'))),
                key=repr,
            )
            for name in names
        }


def a_working_portal(make_user, make_opening, make_application) -> None:
    """Accounts of every role, openings, an application, the audit trail, the search outbox."""
    counselor = make_user("counselor")
    for role in ("youth", "employer", "admin"):
        make_user(role)
    opening = make_opening(title="Motorbike mechanic")
    search.index(opening)
    db.session.commit()
    make_application(opening=opening)
    record_now(AuditAction.PROFILE_VIEWED, actor=counselor)


def run(runner, *args: str):
    return runner.invoke(args=list(args))


def test_a_backup_restored_gives_back_every_row_of_every_table(
    app, ctx, runner, tmp_path, make_user, make_opening, make_application
):
    a_working_portal(make_user, make_opening, make_application)
    mechanic = db.session.scalar(text("SELECT id FROM opening"))
    before = every_table()
    file = tmp_path / "phlov.backup"

    made = run(runner, "backup", "--output", str(file))

    assert made.exit_code == 0, made.output
    assert f"Backup written to {file}" in made.output
    make_opening(title="Posted after the backup")  # a day of work, then the disk dies
    empty_database()

    restored = run(runner, "restore", str(file))

    assert restored.exit_code == 0, restored.output
    assert "Search index rebuilt: 1 openings." in restored.output
    after = every_table()
    assert after.keys() == before.keys()
    for table, rows in before.items():
        assert after[table] == rows, table
    assert sum(len(rows) for rows in after.values()) > 10  # it compared something
    assert database_problems() == []
    assert index_differences(app) == []
    assert [hit.opening_id for hit in search.query("mechanic").hits] == [mechanic]


def test_a_database_holding_data_is_replaced_only_with_force(
    app, ctx, runner, tmp_path, make_user, make_opening, make_application
):
    a_working_portal(make_user, make_opening, make_application)
    before = every_table()
    file = tmp_path / "phlov.backup"
    assert run(runner, "backup", "-o", str(file)).exit_code == 0
    make_opening(title="Posted after the backup")
    today = every_table()

    refused = run(runner, "restore", str(file))

    assert refused.exit_code != 0
    assert "The database holds data (" in refused.output
    assert "run again with --force" in refused.output
    assert every_table() == today

    forced = run(runner, "restore", str(file), "--force")

    assert forced.exit_code == 0, forced.output
    assert every_table() == before
    assert index_differences(app) == []


def test_a_backup_never_overwrites_a_file(ctx, runner, tmp_path):
    file = tmp_path / "phlov.backup"
    file.write_text("last week's backup")

    made = run(runner, "backup", "--output", str(file))

    assert made.exit_code != 0
    assert "already exists: choose another file name" in made.output
    assert file.read_text() == "last week's backup"


def test_a_file_that_is_not_a_backup_is_refused_and_the_database_kept(
    ctx, runner, tmp_path, make_opening
):
    make_opening()
    before = every_table()
    file = tmp_path / "openings.csv"
    file.write_text("ref,title\nJ-1,Cook\n")

    refused = run(runner, "restore", str(file), "--force")

    assert refused.exit_code != 0
    assert "is not a Phlov backup of this database" in refused.output
    assert every_table() == before
    missing = run(runner, "restore", str(tmp_path / "missing.dump"))
    assert missing.exit_code != 0
    assert "missing.dump is not a file" in missing.output
