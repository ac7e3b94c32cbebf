"""How long `flask openings import` takes, and what the site's writers notice meanwhile.

    .venv/bin/python bench/importing.py --rows 5000 [--traffic] [--twice] [--database-url URL]

A fresh, migrated database (a temporary SQLite file, or an empty PostgreSQL database given by
--database-url) and search index; a CSV of --rows realistic openings; the real command run in a
process of its own. --traffic: young people log in and a counselor's app refers through the API
from this process while the import runs (attempted, failed, slowest). --twice: a second import
of the same file starts a second later.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import downgrade, upgrade  # noqa: E402

from portal import create_app  # noqa: E402
from tests.flask_process import start_flask  # noqa: E402
from tests.jobs.many_openings import opening_rows, write_openings_csv  # noqa: E402
from tests.traffic import arrange_visitors, drive  # noqa: E402


def fresh_app(tmp: str, database_url: str | None):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{tmp}/bench.db",
            "SEARCH_INDEX_DIR": f"{tmp}/search",
            "SECRET_KEY": "bench",
            "WTF_CSRF_ENABLED": False,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "TWO_FACTOR_REQUIRED": False,
        }
    )
    with app.app_context():
        logging.disable(logging.INFO)  # the migrations' progress
        if database_url:
            downgrade(revision="base")
        upgrade()
    return app


def timed_import(app, path: Path, label: str, delay: float = 0) -> threading.Thread:
    """Start the import after `delay` s in a thread that prints its time and last lines."""

    def run() -> None:
        time.sleep(delay)
        started = time.perf_counter()
        process = start_flask(app, "openings", "import", str(path))
        output = process.stdout.read().splitlines()
        _, status, usage = os.wait4(process.pid, 0)  # its own CPU time: the machine is shared
        seconds = time.perf_counter() - started
        cpu = usage.ru_utime + usage.ru_stime
        exit_code = os.waitstatus_to_exitcode(status)
        print(f"{label}: exit {exit_code} in {seconds:.1f} s ({cpu:.1f} s of CPU)")
        for line in output[-3:]:
            print(f"  {line}")

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--traffic", action="store_true")
    parser.add_argument("--twice", action="store_true")
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="phlov-import-") as tmp:
        app = fresh_app(tmp, args.database_url)
        path = write_openings_csv(Path(tmp) / "openings.csv", opening_rows(args.rows))
        with app.app_context():
            visitors = arrange_visitors(accounts=20, referrals=200) if args.traffic else None
        print(f"{args.rows} rows on {app.config['SQLALCHEMY_DATABASE_URI'].split(':')[0]}")
        imports = [timed_import(app, path, "import")]
        if args.twice:
            imports.append(timed_import(app, path, "second import", delay=1))
        if visitors:  # outside any app context: each request has its own, as under gunicorn
            traffic = drive(app, visitors, until=lambda: not imports[0].is_alive())
            print(f"traffic: {traffic.summary()}")
            for failure in traffic.failures[:3]:
                print(f"  {failure[:200]}")
        for thread in imports:
            thread.join()


if __name__ == "__main__":
    main()
