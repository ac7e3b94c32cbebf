"""While a counselor imports a job fair's two thousand openings, young people keep logging in
and a counselor's app keeps referring through the API: every one of them succeeds (the import
runs as the real command, in a process of its own, on the suite's database)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from portal.auth.models import LoginSession
from portal.extensions import db
from portal.jobs.models import Opening
from portal.placements.models import Application
from tests.consistency import index_differences
from tests.flask_process import read_until, start_flask
from tests.jobs.many_openings import opening_rows, write_openings_csv
from tests.traffic import Traffic, arrange_visitors, drive

ROWS = 2000


def test_logins_and_api_writes_never_fail_while_an_import_runs(app, ctx, tmp_path):
    visitors = arrange_visitors(accounts=5, referrals=500)
    path = write_openings_csv(tmp_path / "job-fair.csv", opening_rows(ROWS))
    importing = start_flask(app, "openings", "import", str(path))
    output = read_until(importing, "Saved up to")  # the import is writing: now the visitors come
    seen: list[Traffic] = []

    def visit() -> None:  # a thread of its own: each request has its own app context
        seen.append(drive(app, visitors, until=lambda: importing.poll() is not None))

    visiting = threading.Thread(target=visit)
    visiting.start()
    output += importing.communicate(timeout=300)[0].splitlines(keepends=True)
    visiting.join()
    traffic = seen[0]
    print(f"\n{ROWS} rows imported while: {traffic.summary()}")

    assert importing.returncode == 0, "".join(output)
    assert output[-1].strip() == f"created {ROWS} · updated 0 · rejected 0"
    assert traffic.failures == []
    assert traffic.logins >= 3  # several, all while the import was writing
    db.session.commit()
    assert db.session.scalar(select(func.count(LoginSession.id))) == traffic.logins
    assert db.session.scalar(select(func.count(Application.id))) == traffic.api_writes
    assert db.session.scalar(select(func.count(Opening.id))) == ROWS + 1  # the referrals' one
    assert index_differences(app) == []
