"""The production server for real, started the way a center starts it:
`PORTAL_ENV=production ./scripts/start` on a free port with a temporary SQLite database (the
script runs `flask db upgrade`, then gunicorn with gunicorn.conf.py). A monitor's /healthz, a
page's and a static file's headers as a browser gets them, the log lines, and no demo data."""

from __future__ import annotations

import json
import os
import re
import runpy
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gunicorn")
    port = _free_port()
    env = {
        **os.environ,
        "FLASK_APP": "wsgi",
        "PORTAL_ENV": "production",
        "SECRET_KEY": "gunicorn-test-secret",
        "PUBLIC_URL": "https://phlov.example",
        "TRUSTED_PROXIES": "1",
        "DATABASE_URL": f"sqlite:///{folder / 'portal.db'}",
        "SEARCH_INDEX_DIR": str(folder / "index"),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    env.pop("LOG_FORMAT", None)
    log_path = folder / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(ROOT / "scripts" / "start")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(base, server, log_path)
        yield base, log_path, folder / "portal.db"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_healthy(base: str, server: subprocess.Popen, log_path: Path) -> None:
    # From the script's start: packages checked, settings, `flask db upgrade`, then gunicorn's
    # workers; a busy CI machine running the suite on both cores needs minutes, not seconds.
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn stopped:\n{log_path.read_text()}")
        try:
            if _get(base + "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"gunicorn never answered /healthz:\n{log_path.read_text()}")


def test_gunicorn_answers_the_health_check(gunicorn):
    base, _log, _db = gunicorn
    status, headers, body = _get(base + "/healthz")
    assert (status, json.loads(body)) == (200, {"status": "ok"})
    assert headers["Cache-Control"] == "no-store"
    assert headers["Server"].startswith("gunicorn")


def test_a_page_through_gunicorn_carries_the_security_headers(gunicorn):
    base, _log, _db = gunicorn
    status, headers, _body = _get(base + "/", {"X-Forwarded-Proto": "https"})
    assert status == 200
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Strict-Transport-Security"] == "max-age=31536000"  # https, said by the proxy
    assert "Secure" in headers["Set-Cookie"] and "HttpOnly" in headers["Set-Cookie"]


def test_a_versioned_file_through_gunicorn_is_cached_a_year(gunicorn):
    base, _log, _db = gunicorn
    page = _get(base + "/")[2].decode()
    css = re.search(r'href="(/static/css/portal\.css\?v=[0-9a-f]+)"', page).group(1)
    status, headers, _body = _get(base + css, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip"
    assert "Cookie" not in (headers["Vary"] or "") and headers["Set-Cookie"] is None


def test_gunicorn_writes_json_lines_without_query_strings(gunicorn):
    base, log_path, _db = gunicorn
    _status, headers, _body = _get(base + "/openings?q=012345678&token=abc123")
    request_id = headers["X-Request-ID"]
    time.sleep(0.5)  # the worker flushes its line
    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    (line,) = [entry for entry in lines if entry.get("request_id") == request_id]
    assert (line["event"], line["path"], line["status"]) == ("request", "/openings", 200)
    assert any(entry["logger"] == "gunicorn.error" for entry in lines)  # the server's own lines
    text = log_path.read_text()
    assert "012345678" not in text and "abc123" not in text


def test_production_start_serves_with_gunicorn_and_no_demo_data(gunicorn):
    _base, log_path, database = gunicorn
    log = log_path.read_text()
    assert "Starting gunicorn" in log and "flask run" not in log.lower()
    assert log.count("Booting worker") == 2  # WEB_CONCURRENCY
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM user_account").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM opening").fetchone() == (0,)


def test_production_start_refuses_without_its_settings(tmp_path):
    env = {**os.environ, "PORTAL_ENV": "production", "PUBLIC_URL": "https://phlov.example"}
    env.pop("SECRET_KEY", None)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'never.db'}"
    result = subprocess.run(
        [str(ROOT / "scripts" / "start")], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Phlov cannot start: SECRET_KEY must be set when PORTAL_ENV=production." in result.stderr
    assert not (tmp_path / "never.db").exists()  # stopped before touching the database


@pytest.mark.parametrize(
    ("cores", "override", "workers"), [(1, None, 3), (2, None, 5), (16, None, 8), (16, "3", 3)]
)
def test_workers_come_from_the_cores_unless_web_concurrency_says(
    monkeypatch, cores, override, workers
):
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: cores)
    if override:
        monkeypatch.setenv("WEB_CONCURRENCY", override)
    else:
        monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert settings["workers"] == workers
    assert settings["max_requests"] and settings["max_requests_jitter"]
    assert settings["timeout"] > settings["graceful_timeout"] > 0
    assert (
        "%(q)s" not in settings["access_log_format"]
        and "%(r)s" not in settings["access_log_format"]
    )
