"""Every channel's copies are retried with an exponential back-off, then given up."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.extensions import db, utcnow
from portal.notifications.models import DeliveryStatus, NotificationDelivery, NotificationKind
from portal.notifications.outbox import pending_deliveries
from portal.notifications.services import notify


class Broken:
    """A transport that always fails, counting its tries."""

    def __init__(self):
        self.tries = 0

    def send(self, address, subject, body):
        self.tries += 1
        raise ConnectionError("refused")


@pytest.fixture
def broken(monkeypatch):
    from portal.notifications import transports

    transport = Broken()
    monkeypatch.setitem(transports._REGISTRY, "email", lambda config: transport)
    return transport


def test_failures_wait_one_two_four_eight_minutes_then_give_up(
    app, runner, make_user, broken, monkeypatch
):
    monkeypatch.setitem(app.config, "NOTIFY_MAX_ATTEMPTS", 5)
    user = make_user("youth", locale="en")
    notify(user, NotificationKind.NEW_SUGGESTIONS, {"count": 2}, channels=["email"])
    db.session.commit()
    delivery = db.session.scalar(select(NotificationDelivery))

    waits = []
    for _ in range(4):
        before = utcnow()
        assert "1 to try again" in runner.invoke(args=["notify", "send"]).output
        db.session.refresh(delivery)
        waits.append(round((delivery.next_attempt_at - before).total_seconds() / 60))
        assert runner.invoke(args=["notify", "send"]).output.startswith("0 sent, 0 to try")
        delivery.next_attempt_at = utcnow() - timedelta(seconds=1)  # the wait is over
        db.session.commit()

    assert waits == [1, 2, 4, 8]
    assert "1 failed (gave up)" in runner.invoke(args=["notify", "send"]).output
    db.session.refresh(delivery)
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 5 == broken.tries
    assert delivery.next_attempt_at is None and "ConnectionError: refused" in delivery.last_error


def test_the_wait_never_grows_past_the_longest(app, ctx):
    from portal.notifications.outbox import retry_delay

    assert retry_delay(1) == timedelta(minutes=1)
    assert retry_delay(30) == timedelta(hours=6)


def test_a_copy_waiting_its_turn_is_not_picked_up(app, make_user, broken):
    user = make_user("youth", locale="en")
    notify(user, NotificationKind.NEW_SUGGESTIONS, {"count": 2}, channels=["email"])
    db.session.commit()
    delivery = db.session.scalar(select(NotificationDelivery))
    delivery.next_attempt_at = utcnow() + timedelta(minutes=5)
    db.session.commit()
    assert pending_deliveries() == []
    delivery.next_attempt_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    assert pending_deliveries() == [delivery]
