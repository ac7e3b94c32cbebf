"""A young person with a phone and no e-mail, her counselor, and a clock tests can move."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from portal.auth.models import Role
from portal.extensions import utcnow


@pytest.fixture
def clock(monkeypatch):
    """clock.forward(minutes=31): the recovery services see a later time."""

    class Clock:
        now = utcnow()

        def forward(self, **delta) -> None:
            self.now += timedelta(**delta)

    fake = Clock()
    monkeypatch.setattr("portal.recovery.services.utcnow", lambda: fake.now)
    return fake


@pytest.fixture
def dara(make_user, make_center):
    """A young person registered at a center, with a phone number and no e-mail."""
    center = make_center(name="Battambang Center", phone="053 952 123")
    user = make_user(Role.YOUTH, email=None, phone="012 345 678")
    user.youth_profile.center_id = center.id
    from portal.extensions import db

    db.session.commit()
    return user


def issued_code(response) -> str:
    """The code a counselor's page shows ("123 456" -> "123456")."""
    html = response.get_data(as_text=True)
    shown = re.search(r'class="one-time-code"[^>]*>([\d ]+)<', html)
    assert shown, html
    return shown.group(1).replace(" ", "")


def can_log_in(app, identifier: str, password: str) -> bool:
    response = app.test_client().post(
        "/login", data={"identifier": identifier, "password": password}
    )
    return response.status_code == 302


class Outbox:
    """A transport that keeps what it is given: outbox.sent == [(address, subject, body)]."""

    def __init__(self):
        self.sent: list[tuple[str, str, str]] = []

    def send(self, address: str, subject: str, body: str) -> None:
        self.sent.append((address, subject, body))


@pytest.fixture
def transports(monkeypatch):
    """transports("email", "sms") -> {channel: Outbox}: those channels send into lists."""
    from portal.notifications import transports as registry

    def plug(*channels: str) -> dict[str, Outbox]:
        boxes = {channel: Outbox() for channel in channels}
        for channel, box in boxes.items():
            monkeypatch.setitem(registry._REGISTRY, channel, lambda config, box=box: box)
        return boxes

    return plug
