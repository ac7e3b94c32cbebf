"""The power goes, or the kernel kills a process (kill -9), in the middle of an import, a
rebuild of the search index and a burst of edits. After a restart the database is whole, the
search index in step with it, and nothing that was acknowledged is lost: every batch the import
reported saved, every edit whose commit returned."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from datetime import date, timedelta

from sqlalchemy import func, insert, select

from portal import search
from portal.extensions import db, utcnow
from portal.jobs import services
from portal.jobs.models import Opening, OpeningKind, OpeningStatus
from portal.search.store import IndexStore
from tests.consistency import database_problems, index_after_restart
from tests.faults.edit_burst import sequence_of, title
from tests.flask_process import ROOT, flask_env, read_until, run_flask, start_flask
from tests.jobs.many_openings import opening_rows, write_openings_csv
from tests.search import whoosh_only

BATCH = 50


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def refs() -> list[str]:
    db.session.commit()
    return list(db.session.scalars(select(Opening.ref)))


def test_an_import_killed_keeps_every_batch_it_reported_and_a_second_run_finishes(
    app, ctx, tmp_path
):
    path = write_openings_csv(tmp_path / "fair.csv", opening_rows(400))
    importing = start_flask(app, "openings", "import", str(path), IMPORT_BATCH_SIZE=str(BATCH))
    read_until(importing, "Saved up to")
    reported = read_until(importing, "Saved up to")[-1]  # two batches reported: now, kill -9
    kill(importing)

    saved_through = int(re.match(r"Saved up to line (\d+)", reported).group(1))
    numbers = sorted(int(ref.split("-")[1]) for ref in refs())
    assert numbers[: saved_through - 1] == list(range(1, saved_through))  # all it reported
    assert numbers == list(range(1, len(numbers) + 1))  # and whole batches only
    assert len(numbers) % BATCH == 0
    assert database_problems() == []
    assert index_after_restart(app) == []

    again = run_flask(app, "openings", "import", str(path), IMPORT_BATCH_SIZE=str(BATCH))

    assert again.returncode == 0, again.stdout
    saved = len(numbers)
    assert again.stdout.splitlines()[-1] == f"created {400 - saved} · updated {saved} · rejected 0"
    assert index_after_restart(app) == []


def many_openings(organization, count: int) -> None:
    """`count` published openings, written at once (past the services: not indexed yet)."""
    closing = date.today() + timedelta(days=30)
    rows = [
        {
            "organization_id": organization.id,
            "ref": f"R-{n}",
            "kind": OpeningKind.JOB,
            "title": f"Motorbike mechanic {n}",
            "description": "Repair engines and brakes; we train you.",
            "province_code": "12",
            "status": OpeningStatus.PUBLISHED,
            "published_at": utcnow(),
            "closing_date": closing,
        }
        for n in range(count)
    ]
    db.session.execute(insert(Opening), rows)
    db.session.commit()


@whoosh_only  # on PostgreSQL a reindex is one transaction: killed, it never happened
def test_a_reindex_killed_half_way_leaves_searches_working_and_the_next_one_finishes(
    app, ctx, make_org, reindex
):
    many_openings(make_org(), 2000)
    reindex()
    store = IndexStore(app.config["SEARCH_INDEX_DIR"])
    before = store.current().name
    reindexing = start_flask(app, "search", "reindex")
    while len(list(store.root.glob("gen-*"))) < 2:  # wait for the new generation to be filled
        assert reindexing.poll() is None, reindexing.stdout.read()
        time.sleep(0.02)
    kill(reindexing)

    assert store.current().name == before  # searches still read the whole old one
    assert search.query("mechanic").total == 2000
    filled = db.session.scalar(select(Opening).where(Opening.ref == "R-7"))
    services.close(filled, by=None, reason="Filled")  # the portal goes on: an edit
    db.session.commit()
    assert index_after_restart(app) == []

    again = run_flask(app, "search", "reindex")

    assert again.returncode == 0, again.stdout
    assert "Search index rebuilt: 2000 openings indexed" in again.stdout
    assert index_after_restart(app) == []
    assert len(list(store.root.glob("gen-*"))) <= 2  # the half-built one was removed


def test_a_burst_of_edits_killed_loses_no_acknowledged_edit(app, ctx, make_user, make_org):
    counselor, organization = make_user("counselor"), make_org()
    closing = date.today() + timedelta(days=30)
    openings = [
        services.create_opening(
            organization,
            {"kind": "job", "title": title(0), "province_code": "12", "closing_date": closing},
            by=counselor,
            publish_now=True,
        )
        for _ in range(5)
    ]
    db.session.commit()
    ids = [str(opening.id) for opening in openings]
    editing = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.edit_burst", str(counselor.id), *ids],
        cwd=ROOT,
        env=flask_env(app),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    acknowledged: dict[int, int] = {}
    for line in editing.stdout:
        if found := re.match(r"committed (\d+) (\d+)", line):
            acknowledged[int(found.group(1))] = int(found.group(2))
        if len(acknowledged) == len(ids) and max(acknowledged.values()) >= 30:
            break
    kill(editing)

    db.session.commit()
    for opening_id, sequence in acknowledged.items():
        saved = db.session.get(Opening, opening_id)
        assert sequence_of(saved.title) >= sequence, (opening_id, saved.title)
    assert db.session.scalar(select(func.count(Opening.id))) == len(ids)
    assert database_problems() == []
    assert index_after_restart(app) == []
