"""PostgreSQL: pg_dump's custom format and pg_restore (see portal/backup/__init__.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

SUFFIX = ".dump"


class Error(Exception):
    """pg_dump or pg_restore is missing or failed; the message is theirs."""


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The database as libpq names it, and the environment carrying its password (never on
    the command line, where `ps` shows it)."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    address = url.set(drivername="postgresql", password=None)
    return address.render_as_string(hide_password=False), env


def _run(program: str, *args: str, env: dict[str, str] | None = None) -> str:
    found = shutil.which(program)
    if found is None:
        raise Error(f"{program} is not installed (Debian: apt install postgresql-client).")
    done = subprocess.run([found, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise Error(done.stderr.strip() or f"{program} exited with {done.returncode}")
    return done.stdout


def backup(url: URL, path: Path) -> None:
    """One consistent snapshot (pg_dump runs in one transaction), compressed, without owners
    or grants so it restores under any role."""
    address, env = _libpq(url)
    partial = path.with_name(path.name + ".part")
    try:
        _run(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-acl",
            f"--file={partial}",
            f"--dbname={address}",
            env=env,
        )
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def check(path: Path) -> None:
    """pg_restore can read the file, and it holds the migrations' version table."""
    listing = _run("pg_restore", "--list", str(path))
    if "TABLE public alembic_version" not in listing and " alembic_version " not in listing:
        raise Error("it has no alembic_version table")


def restore(url: URL, path: Path) -> None:
    """Drop what the backup holds and create it again from the backup, in one transaction."""
    address, env = _libpq(url)
    _run(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-acl",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={address}",
        str(path),
        env=env,
    )
