"""Logging: one line per event with the request's id and the user's id, JSON in production,
and never a password, token, code or phone number, whoever writes the line."""

from __future__ import annotations

import io
import json
import logging

import pytest

from portal.auth.models import Role
from portal.auth.tokens import issue_token
from portal.extensions import db
from portal.logs import make_handler
from tests.conftest import login


@pytest.fixture
def log_lines():
    """log_lines(format) -> a function returning what the portal's handler wrote so far."""
    root = logging.getLogger()
    added = []
    level = root.level

    def capture(log_format: str = "json"):
        stream = io.StringIO()
        handler = make_handler(log_format, stream)
        root.addHandler(handler)
        added.append(handler)
        root.setLevel(logging.INFO)
        return lambda: stream.getvalue().splitlines()

    yield capture
    for handler in added:
        root.removeHandler(handler)
    root.setLevel(level)


def _json(lines):
    return [json.loads(line) for line in lines]


def test_each_request_is_one_line_with_its_id_and_user_and_no_query(app, make_user, log_lines):
    read = log_lines("json")
    youth = make_user(Role.YOUTH)
    client = login(app.test_client(), youth)

    response = client.get("/openings?q=012+345+678&token=abc123")

    (line,) = [entry for entry in _json(read()) if entry.get("path") == "/openings"]
    assert line["event"] == "request" and line["status"] == 200 and line["method"] == "GET"
    assert line["user_id"] == youth.id
    assert line["request_id"] == response.headers["X-Request-ID"]
    written = json.dumps(line)  # its random id and time may hold any digits: look for the query
    assert line["path"] == "/openings" and "q=" not in written and "abc123" not in written
    assert not any(form in written for form in ("012+345", "012 345", "012345678"))


def test_a_staff_api_call_is_logged_with_the_tokens_owner(app, make_user, log_lines):
    read = log_lines("json")
    counselor = make_user(Role.COUNSELOR)
    token = issue_token(counselor)
    db.session.commit()

    app.test_client().get("/api/v1/youth", headers={"Authorization": f"Bearer {token}"})

    (line,) = [entry for entry in _json(read()) if entry.get("path") == "/api/v1/youth"]
    assert line["status"] == 200 and line["user_id"] == counselor.id
    assert token not in json.dumps(line)


def test_a_proxys_request_id_is_kept_and_a_strange_one_replaced(client, log_lines):
    read = log_lines("json")
    kept = client.get("/healthz", headers={"X-Request-ID": "nginx-4f2a9c81e0b7"})
    replaced = client.get("/healthz", headers={"X-Request-ID": "<script>alert(1)</script>"})
    assert kept.headers["X-Request-ID"] == "nginx-4f2a9c81e0b7"
    new_id = replaced.headers["X-Request-ID"]
    assert len(new_id) == 32 and "<" not in new_id
    assert "<script>" not in "\n".join(read())


def test_what_a_caller_adds_is_written_with_the_request_and_user(app, make_user, log_lines):
    read = log_lines("json")
    with app.test_request_context("/login", headers={"X-Request-ID": "req-12345678"}):
        app.preprocess_request()
        logging.getLogger("portal.auth.views").warning(
            "login_failed", extra={"event": "login_failed", "user_id": 3, "attempts": 2}
        )
    (line,) = _json(read())
    assert line["message"] == "login_failed" and line["level"] == "WARNING"
    assert (line["event"], line["user_id"], line["attempts"]) == ("login_failed", 3, 2)
    assert line["request_id"] == "req-12345678"
    assert line["logger"] == "portal.auth.views" and line["time"].endswith("+00:00")


SECRETS = {
    "password": "hunter2-horse",
    "token": "tok-9f8e7d6c",
    "reset_code": "482913",
    "api_secret": "s3cr3t-value",
    "phone": "+855 12 345 678",
}


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_no_password_token_code_or_phone_is_ever_written(app, log_lines, log_format):
    read = log_lines(log_format)
    log = logging.getLogger("portal.anything")
    with app.test_request_context("/"):
        log.warning("login for 012 345 678 failed, password=hunter2-horse", extra=SECRETS)
        log.info("code: 482913 sent to %s", "+855-12-345-678", extra={"note": "call ០១២៣៤៥៦៧៨"})
        log.info("reset link /reset?token=tok-9f8e7d6c&next=/me", extra={"to": [85512345678]})
        try:
            raise ValueError("no account with phone 0123456789")
        except ValueError:
            log.exception("lookup failed", extra={"details": {"token": "tok-9f8e7d6c", "n": 1}})
        log.info("closes 2026-12-31, from 203.0.113.7", extra={"opening_id": 4321})

    written = "\n".join(read())
    for secret in (*SECRETS.values(), "012 345 678", "+855-12-345-678", "០១២៣៤៥៦៧៨"):
        assert secret not in written
    for digits in ("85512345678", "0123456789", "12 345 678"):
        assert digits not in written
    assert "ValueError: no account with phone ***" in written  # the traceback, masked
    assert "password=***" in written and "token=***" in written and "code: ***" in written
    # What is not a secret stays readable: dates, addresses, ids below phone length are kept.
    assert "closes 2026-12-31, from 203.0.113.7" in written
    assert "4321" in written


def test_development_lines_read_as_text(app, log_lines):
    read = log_lines("text")
    with app.test_request_context("/", headers={"X-Request-ID": "req-abcdefgh"}):
        app.preprocess_request()
        logging.getLogger("portal.jobs").info("published", extra={"opening_id": 7})
    (line,) = read()
    assert " INFO portal.jobs [req-abcdefgh user=-] published opening_id=7" in line
