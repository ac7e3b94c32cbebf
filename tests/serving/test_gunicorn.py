"""The production server for real: gunicorn with gunicorn.conf.py on a free port, a SQLite
database built by `flask db upgrade`, PORTAL_ENV=production. A monitor's /healthz, a page's
and a static file's headers as a browser gets them, and the log lines it writes."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
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
    subprocess.run(
        [sys.executable, "-m", "flask", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    log_path = folder / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(base, server, log_path)
        yield base, log_path
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_healthy(base: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 60
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
    base, _log = gunicorn
    status, headers, body = _get(base + "/healthz")
    assert (status, json.loads(body)) == (200, {"status": "ok"})
    assert headers["Cache-Control"] == "no-store"
    assert headers["Server"].startswith("gunicorn")


def test_a_page_through_gunicorn_carries_the_security_headers(gunicorn):
    base, _log = gunicorn
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
    base, _log = gunicorn
    page = _get(base + "/")[2].decode()
    css = re.search(r'href="(/static/css/portal\.css\?v=[0-9a-f]+)"', page).group(1)
    status, headers, _body = _get(base + css, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip"
    assert "Cookie" not in (headers["Vary"] or "") and headers["Set-Cookie"] is None


def test_gunicorn_writes_json_lines_without_query_strings(gunicorn):
    base, log_path = gunicorn
    _status, headers, _body = _get(base + "/openings?q=012345678&token=abc123")
    request_id = headers["X-Request-ID"]
    time.sleep(0.5)  # the worker flushes its line
    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    (line,) = [entry for entry in lines if entry.get("request_id") == request_id]
    assert (line["event"], line["path"], line["status"]) == ("request", "/openings", 200)
    assert any(entry["logger"] == "gunicorn.error" for entry in lines)  # the server's own lines
    text = log_path.read_text()
    assert "012345678" not in text and "abc123" not in text
