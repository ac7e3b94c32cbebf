"""Kiosk fixtures: a center with kiosk mode on, a browser that is one of its kiosks, a clock."""

from __future__ import annotations

import pytest
from itsdangerous import URLSafeSerializer

from portal.kiosk import idle
from portal.kiosk.device import COOKIE_NAME
from tests.conftest import login


def kiosk_cookie(app, center_id, secret=None) -> str:
    """The cookie value the portal sets on a kiosk of `center_id`."""
    return URLSafeSerializer(secret or app.config["SECRET_KEY"], salt="phlov.kiosk").dumps(
        center_id
    )


@pytest.fixture
def kiosk_center(make_center):
    return make_center("Kampot center", kiosk_mode=True)


@pytest.fixture
def kiosk_browser(app, kiosk_center):
    """A browser at the center that a counselor has made a kiosk."""
    client = app.test_client()
    client.set_cookie(COOKIE_NAME, kiosk_cookie(app, kiosk_center.id), domain="localhost")
    return client


@pytest.fixture
def youth_on_kiosk(kiosk_browser, make_user):
    """A young person logged in on the kiosk: (client, user)."""
    user = make_user("youth")
    return login(kiosk_browser, user), user


class Clock:
    def __init__(self, start: float):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float = 0, seconds: float = 0) -> None:
        self.now += minutes * 60 + seconds


@pytest.fixture
def clock(monkeypatch):
    """Time the kiosk sees, moved forward by the test (no sleeping)."""
    fake = Clock(1_800_000_000.0)
    monkeypatch.setattr(idle, "clock", fake)
    return fake
