"""Forgot password by e-mail: a link that works once, for 30 minutes; the request page says the
same whatever the account."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from portal.audit import AuditAction, AuditEvent
from portal.auth.models import Role
from portal.extensions import db
from portal.notifications.models import Notification
from tests.conftest import PASSWORD
from tests.recovery.conftest import can_log_in

NEW_PASSWORD = "mango-season-lantern-4"


@pytest.fixture
def mail(transports):
    return transports("email")["email"]


def ask_for_link(client, identifier: str):
    """Ask, and let the response finish as a server would: the mail leaves after it (close)."""
    response = client.post("/password/forgot", data={"identifier": identifier})
    response.get_data()
    db.session.remove()  # the request's session ends before the server closes the response
    response.close()
    return response


def link_in(body: str) -> str:
    found = re.search(r"https?://\S+/password/reset/\S+", body)
    assert found, body
    return found.group(0).split("://", 1)[1].split("/", 1)[1]  # the path, for the test client


def choose(client, path: str, password: str = NEW_PASSWORD):
    return client.post("/" + path, data={"password": password, "confirm": password})


def test_the_link_works_once(app, make_user, mail):
    email = "sophea@example.org"
    make_user(Role.YOUTH, email=email)
    page = ask_for_link(app.test_client(), "Sophea@Example.org")
    assert page.status_code == 200
    assert "If an account has this e-mail address" in page.get_data(as_text=True)
    [(address, subject, body)] = mail.sent
    assert address == "sophea@example.org"
    path = link_in(body)

    client = app.test_client()
    assert client.get("/" + path).status_code == 200
    assert choose(client, path).status_code == 302
    assert can_log_in(app, email, NEW_PASSWORD)
    assert not can_log_in(app, email, PASSWORD)

    used = app.test_client().get("/" + path)
    assert used.status_code == 410
    assert "This link no longer works" in used.get_data(as_text=True)
    assert choose(app.test_client(), path, "yet-another-pass-11").status_code == 410
    assert can_log_in(app, email, NEW_PASSWORD)


def test_the_link_expires_after_30_minutes(app, make_user, mail, clock):
    email = "vanna@example.org"
    make_user(Role.YOUTH, email=email)
    ask_for_link(app.test_client(), email)
    path = link_in(mail.sent[0][2])
    clock.forward(minutes=29)
    assert app.test_client().get("/" + path).status_code == 200
    clock.forward(minutes=1, seconds=1)
    assert app.test_client().get("/" + path).status_code == 410
    assert choose(app.test_client(), path).status_code == 410
    assert can_log_in(app, email, PASSWORD)


def test_the_secret_leaves_the_database_once_sent(app, make_user, mail):
    email = "kanha@example.org"
    user_id = make_user(Role.YOUTH, email=email).id
    ask_for_link(app.test_client(), email)
    path = link_in(mail.sent[0][2])
    token = path.rsplit("/", 1)[1]
    notification = db.session.scalar(select(Notification))
    assert notification.kind == "account_recovery"
    assert token not in str(notification.params) and notification.link is None
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == AuditAction.PASSWORD_RESET_REQUESTED)
    )
    assert event.subject_id == user_id and token not in str(event.detail)


def test_the_answer_is_the_same_for_an_unknown_address(app, make_user, mail):
    make_user(Role.YOUTH, email="known@example.org")
    known = ask_for_link(app.test_client(), "known@example.org")
    unknown = ask_for_link(app.test_client(), "nobody@example.org")
    assert known.status_code == unknown.status_code == 200

    def text(response):  # the page without its per-request CSRF token
        return re.sub(r'name="csrf_token" value="[^"]*"', "", response.get_data(as_text=True))

    assert text(known) == text(unknown)
    assert len(mail.sent) == 1


def test_a_switched_off_account_gets_no_link(app, make_user, mail):
    email = "off@example.org"
    user = make_user(Role.YOUTH, email=email)
    user.active = False
    db.session.commit()
    assert ask_for_link(app.test_client(), email).status_code == 200
    assert mail.sent == []


def test_requests_are_limited_per_account(app, make_user, mail):
    make_user(Role.YOUTH, email="many@example.org")
    statuses = [ask_for_link(app.test_client(), "many@example.org").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert len(mail.sent) == 5


def test_a_weak_password_is_refused_and_the_link_still_works(app, make_user, mail):
    email = "lina@example.org"
    make_user(Role.YOUTH, email=email)
    ask_for_link(app.test_client(), email)
    path = link_in(mail.sent[0][2])
    assert choose(app.test_client(), path, "short").status_code == 400
    assert choose(app.test_client(), path).status_code == 302


def test_the_link_is_made_from_public_url(app, make_user, mail, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_URL", "https://phlov.example.org")
    make_user(Role.YOUTH, email="bopha@example.org")
    ask_for_link(app.test_client(), "bopha@example.org")
    assert "https://phlov.example.org/password/reset/" in mail.sent[0][2]
