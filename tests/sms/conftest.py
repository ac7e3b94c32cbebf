"""The fake SMS gateway (tests/fakes/sms.py) and helpers to queue SMS for young people."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from portal.extensions import db
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from tests.fakes.sms import sms_gateway  # noqa: F401  (the fixture)


@pytest.fixture
def texted(make_user):
    """texted(count=3, locale="km") -> a young person with a phone who chose SMS for new
    openings, and that many SMS queued for her."""

    def make(count: int = 1, *, locale: str = "km", phone: str | None = None):
        user = make_user("youth", email=None, phone=phone or _next_phone(), locale=locale)
        user.notification_settings = {"new_suggestions": ["portal", "sms"]}
        for n in range(count):
            notify(user, NotificationKind.NEW_SUGGESTIONS, {"count": n + 2}, link="/me/for-you")
        db.session.commit()
        return user

    return make


_phones = iter(range(12_000_000, 12_999_999))


def _next_phone() -> str:
    return f"0{next(_phones)}"


@pytest.fixture
def live_portal(app):
    """The test app on a free local port, so the fake gateway can call it back."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
