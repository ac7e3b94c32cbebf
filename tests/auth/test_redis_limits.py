"""With RATELIMIT_STORAGE_URI=redis://..., two separate app processes share the failed-login
counts: the 6th failure is refused even when the tries are spread over both.

Runs against a real redis-server started here (on a free port, nothing saved to disk). Skipped when
the binary is missing, unless PHLOV_REQUIRE_REDIS=1 (.ci/run sets it; scripts/services installs
redis-server on a developer's machine)."""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct-horse-9"


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process on port {port} exited with {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port}")


def _free_ports(count: int) -> list[int]:
    """Ports nothing listens on now, all different (the system's choice), for servers started
    next: tests running at once each get their own."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def redis_url():
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("PHLOV_REQUIRE_REDIS") == "1":
            pytest.fail("redis-server is missing (scripts/services installs it)")
        pytest.skip("redis-server is not installed (scripts/services installs it)")
    [port] = _free_ports(1)
    server = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, server)
        yield f"redis://127.0.0.1:{port}"
    finally:
        _stop(server)


@pytest.fixture(scope="module")
def two_app_processes(redis_url, tmp_path_factory):
    """Two portal processes (flask run), one database file, one Redis for the limits."""
    folder = tmp_path_factory.mktemp("two-apps")
    env = {
        **os.environ,
        "FLASK_APP": "wsgi",
        "PORTAL_ENV": "development",
        "SECRET_KEY": "shared-by-both",
        "DATABASE_URL": f"sqlite:///{folder / 'portal.db'}",
        "SEARCH_INDEX_DIR": str(folder / "search-index"),
        "RATELIMIT_STORAGE_URI": redis_url,
    }
    flask = [sys.executable, "-m", "flask"]
    subprocess.run([*flask, "db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run(
        [
            *flask,
            "users",
            "create",
            "--role",
            "youth",
            "--email",
            "sreymom@example.org",
            "--password",
            PASSWORD,
        ],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    import redis

    redis.Redis.from_url(redis_url).flushall()
    ports = _free_ports(2)
    servers = [
        subprocess.Popen(
            [*flask, "run", "--port", str(port), "--no-reload", "--no-debugger"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port, server in zip(ports, servers, strict=True):
            _wait_for_port(port, server)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for server in servers:
            _stop(server)


def try_login(base: str, password: str) -> int:
    """A visitor's login on the server at `base`: the form (with its CSRF token), then the post."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
    )
    page = opener.open(f"{base}/login").read().decode()
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    data = {"identifier": "sreymom@example.org", "password": password, "csrf_token": csrf[1]}
    try:
        return opener.open(f"{base}/login", urllib.parse.urlencode(data).encode()).status
    except urllib.error.HTTPError as error:
        return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_the_6th_failure_is_refused_when_tries_are_spread_over_two_processes(two_app_processes):
    first, second = two_app_processes
    answers = [try_login((first, second)[n % 2], f"guess-{n}") for n in range(6)]
    assert answers == [400, 400, 400, 400, 400, 429]
    # The right password, on either process, waits too.
    assert try_login(first, PASSWORD) == 429
    assert try_login(second, PASSWORD) == 429
