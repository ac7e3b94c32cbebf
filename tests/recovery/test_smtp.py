"""The reset e-mail really leaves by SMTP, to a real SMTP server (aiosmtpd) on a local port."""

from __future__ import annotations

import email
import re
from contextlib import contextmanager

import pytest
from aiosmtpd.controller import Controller

from portal.auth.models import Role
from portal.extensions import db
from tests.recovery.conftest import can_log_in

SMTP_PORT = 5131  # this work's ports: 5131-5140


class Inbox:
    def __init__(self):
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_settings(app, monkeypatch):
    """The portal sends e-mail by SMTP to 127.0.0.1:SMTP_PORT (no TLS: a local test server)."""
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", SMTP_PORT)
    monkeypatch.setitem(app.config, "MAIL_USE_TLS", False)
    monkeypatch.setitem(app.config, "PUBLIC_URL", "https://phlov.example.org")


@contextmanager
def running_smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def smtp_server(smtp_settings):
    with running_smtp_server() as inbox:
        yield inbox


def ask_for_link(app, address: str) -> None:
    response = app.test_client().post("/password/forgot", data={"identifier": address})
    assert response.status_code == 200
    db.session.remove()  # the request's session ends, then the server closes the response
    response.close()  # ... and the e-mail leaves


def test_the_link_arrives_by_smtp_and_opens_the_account(app, make_user, smtp_server):
    make_user(Role.YOUTH, email="srey@example.org")
    ask_for_link(app, "srey@example.org")

    [message] = smtp_server.messages
    assert message["To"] == "srey@example.org"
    body = message.get_payload(decode=True).decode()
    link = re.search(r"https://phlov\.example\.org(/password/reset/\S+)", body).group(1)
    client = app.test_client()
    page = client.post(
        link, data={"password": "lotus-pond-quiet-5", "confirm": "lotus-pond-quiet-5"}
    )
    assert page.status_code == 302
    assert can_log_in(app, "srey@example.org", "lotus-pond-quiet-5")


def test_a_mail_that_could_not_leave_goes_with_flask_notify_send(
    app, make_user, runner, smtp_settings, monkeypatch
):
    monkeypatch.setitem(app.config, "NOTIFY_RETRY_SECONDS", 0)  # its back-off is over at once
    make_user(Role.YOUTH, email="mony@example.org")
    ask_for_link(app, "mony@example.org")  # no SMTP server yet: the copy stays in the outbox
    with running_smtp_server() as inbox:
        result = runner.invoke(args=["notify", "send"])
    assert "1 sent" in result.output
    [message] = inbox.messages
    assert "/password/reset/" in message.get_payload(decode=True).decode()
