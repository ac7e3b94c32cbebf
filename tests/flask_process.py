"""Running `flask ...` in a process of its own on the suite's database and search index, as a
cron job or an operator would, for the tests (and benches) that import, reindex or get killed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLASK = [sys.executable, "-m", "flask"]


def flask_env(app, **extra: str) -> dict[str, str]:
    """The environment of a `flask` command that works on this app's database and index."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("FLASK_", "PYTEST_", "TEST_DATABASE"))
    }
    env.update(
        FLASK_APP="wsgi",
        DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
        SEARCH_INDEX_DIR=app.config["SEARCH_INDEX_DIR"],
        SEARCH_BACKEND=app.config["SEARCH_BACKEND"],  # the suite's (whoosh, or postgres)
        SECRET_KEY=app.config["SECRET_KEY"],
        LOG_FORMAT="text",
        PYTHONUNBUFFERED="1",  # each progress line reaches the test as it is printed
        **extra,
    )
    return env


def _flask(app, args: tuple[str, ...], extra: dict[str, str]) -> dict:
    """What `subprocess` needs to run `flask ARGS...` on this app: output and errors as one text."""
    return {
        "args": [*FLASK, *args],
        "cwd": ROOT,
        "env": flask_env(app, **extra),
        "stdout": subprocess.PIPE,
        "stderr": subprocess.STDOUT,
        "text": True,
    }


def start_flask(app, *args: str, **extra: str) -> subprocess.Popen:
    """`flask ARGS...` started in the repository, its output readable line by line."""
    return subprocess.Popen(**_flask(app, args, extra))


def run_flask(app, *args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess:
    """`flask ARGS...` run to the end: its exit code and its output (stderr included)."""
    return subprocess.run(**_flask(app, args, extra), timeout=timeout)


def read_until(process: subprocess.Popen, prefix: str) -> list[str]:
    """The lines the process printed up to and including the first that starts with `prefix`
    (all of its output if it ended first)."""
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.startswith(prefix):
            break
    return lines
