"""Load bench: the search page and the public API served by gunicorn (2 workers, the repo's
gunicorn.conf.py, loopback only) at about 300 and at 50,000 openings, on SQLite and on PostgreSQL.
Run by hand, never by the test suite:

    .venv/bin/python bench/load.py [--pg postgresql+psycopg://phlov:phlov@localhost/phlov_x]
                                   [--search-backend whoosh|postgres]

For each database, both portals are built (bench/synthetic's openings, indexed by `flask search
reindex`), served at once, and driven in alternating rounds, so that a busy machine slows both
sizes alike and their ratio stays fair. The client (bench/load_client.py) sends Khmer, English
and typo'd searches from a few threads, bounded by --requests and --seconds per portal and page.
Prints requests/s, p50/p95/p99 and errors for each, and the search page's throughput at the
largest size over the smallest (issue 18: at least 0.75).

With --pg, each size gets a scratch database created next to the one the URL names (its name
with "_bench_<size>" added), dropped afterwards; without --pg, PostgreSQL is skipped.
--search-backend sets SEARCH_BACKEND for the build and the servers (default: the portal's own).
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.load_client import Tally, drive, paths  # noqa: E402
from bench.load_data import fill, reindex  # noqa: E402
from bench.scratch import scratch_app, settle  # noqa: E402
from portal.extensions import db  # noqa: E402

PAGES = (("search page", "/openings"), ("API", "/api/v1/openings"))
ROUNDS = 4  # alternating rounds per portal and page
TARGET = 0.75


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.search_backend:
        os.environ["SEARCH_BACKEND"] = args.search_backend
    databases = [("sqlite", None)] + ([("postgresql", args.pg)] if args.pg else [])
    print(f"load bench: sizes {args.sizes}, {args.threads} client threads, gunicorn 2 workers")
    print(f"search backend: {os.environ.get('SEARCH_BACKEND') or 'the default'}; load {_load()}")
    if not args.pg:
        print("PostgreSQL skipped (no --pg URL given)")
    ratios = {}
    for name, url in databases:
        ratios[name] = run_database(name, url, args)
    for name, ratio in ratios.items():
        verdict = "meets" if ratio >= TARGET else "misses"
        print(
            f"{name}: search page throughput at {max(args.sizes)} / at {min(args.sizes)} openings"
            f" = {ratio:.2f} ({verdict} the {TARGET} target)"
        )
    return 0


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", metavar="URL", help="an empty PostgreSQL database's URL")
    parser.add_argument("--search-backend", choices=("whoosh", "postgres"))
    parser.add_argument("--sizes", type=lambda raw: [int(n) for n in raw.split(",")])
    parser.add_argument("--requests", type=int, default=2000, help="per portal and page")
    parser.add_argument("--seconds", type=float, default=20.0, help="per portal and page")
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    args.sizes = args.sizes or [300, 50_000]
    return args


def run_database(name: str, url: str | None, args) -> float:
    """Build and serve every size on one database, drive them, print; the search page ratio."""
    with ExitStack() as stack:
        ports = {}
        for size in args.sizes:
            started = time.perf_counter()
            database_url = stack.enter_context(_scratch_database(url, size)) if url else None
            folder = stack.enter_context(_built_portal(size, database_url))
            ports[size] = stack.enter_context(_served(folder, database_url))
            print(f"{name}: {size} openings built and served in {_since(started)}")
        tallies = _drive_all(ports, args)
    _print_table(name, tallies)
    search = [tallies[(size, "search page")].per_second for size in (min(ports), max(ports))]
    return search[1] / search[0] if search[0] else 0.0


def _drive_all(ports: dict[int, int], args) -> dict[tuple[int, str], Tally]:
    """Warm every worker, then rounds alternating sizes and pages."""
    tallies = {(size, page): Tally() for size in ports for page, _ in PAGES}
    urls = {page: paths(prefix, 600) for page, prefix in PAGES}
    for port in ports.values():
        for page, _prefix in PAGES:
            drive(port, urls[page][-40:], requests=40, seconds=10, threads=2)
    for _round in range(ROUNDS):
        for size, port in ports.items():
            for page, _prefix in PAGES:
                tally = drive(
                    port,
                    urls[page],
                    requests=args.requests // ROUNDS,
                    seconds=args.seconds / ROUNDS,
                    threads=args.threads,
                )
                tallies[(size, page)].add(tally)
    return tallies


def _print_table(name: str, tallies: dict[tuple[int, str], Tally]) -> None:
    print(f"\n{name}  (load {_load()})")
    header = f"{'openings':>8}  {'page':12} {'requests':>8} {'errors':>6} {'req/s':>7}"
    print(header + f" {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    for (size, page), tally in tallies.items():
        print(
            f"{size:>8}  {page:12} {tally.requests:>8} {tally.errors:>6} {tally.per_second:>7.1f}"
            f" {tally.percentile(50):>7.1f} {tally.percentile(95):>7.1f}"
            f" {tally.percentile(99):>7.1f}"
        )
        if tally.first_error:
            print(f"          first error: {tally.first_error[:160]}")
    print()


@contextmanager
def _scratch_database(url: str, size: int) -> Iterator[str]:
    """A new empty PostgreSQL database beside the one `url` names, dropped afterwards."""
    base = make_url(url)
    scratch = f"{base.database}_bench_{size}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{scratch}"'))
        connection.execute(text(f'CREATE DATABASE "{scratch}"'))
    try:
        yield base.set(database=scratch).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
        admin.dispose()


def _backend(database_url: str | None) -> str:
    """The search backend asked for; Whoosh on SQLite, where PostgreSQL's cannot run."""
    asked = os.environ.get("SEARCH_BACKEND") or "whoosh"
    return asked if database_url else "whoosh"


@contextmanager
def _built_portal(size: int, database_url: str | None) -> Iterator[Path]:
    """A migrated database holding `size` openings and their index; yields the temp folder."""
    with scratch_app(f"phlov-load-{size}-", database_url, _backend(database_url)) as app:
        fill(size)
        reindex(app)
        db.session.remove()
        settle()
        db.engine.dispose()  # the servers alone use the database from here
        yield Path(app.config["SEARCH_INDEX_DIR"]).parent


@contextmanager
def _served(folder: Path, database_url: str | None) -> Iterator[int]:
    """gunicorn with the repo's settings and 2 workers on a free loopback port; yields it."""
    port = _free_port()
    env = os.environ | {
        "PORTAL_ENV": "production",
        "SECRET_KEY": secrets.token_hex(32),
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url or f"sqlite:///{folder}/bench.db",
        "SEARCH_INDEX_DIR": str(folder / "search"),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "SEARCH_BACKEND": _backend(database_url),
        "PUBLIC_API_RATE_LIMIT": "1000000 per minute",  # the bench is one visitor
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    with open(folder / "gunicorn.log", "wb") as log:
        server = subprocess.Popen(
            [str(gunicorn), "--config", "gunicorn.conf.py"], cwd=ROOT, env=env, stderr=log
        )
        try:
            _wait_until_up(port, server, folder / "gunicorn.log")
            yield port
        finally:
            server.terminate()
            server.wait(timeout=60)


def _wait_until_up(port: int, server: subprocess.Popen, log: Path, wait: float = 120) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        if drive(port, ["/healthz"], requests=1, seconds=5, threads=1).errors == 0:
            return
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer in {wait:.0f} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _since(started: float) -> str:
    return f"{time.perf_counter() - started:.0f} s"


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
