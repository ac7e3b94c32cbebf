"""The daily cap on SMS cost: what is over it waits for the next day, admins see it, one person
cannot use the whole day's budget, and codes keep a reserve but never wait for tomorrow."""

from datetime import timedelta

from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db, utcnow
from portal.i18n import local_time
from portal.notifications.models import DeliveryStatus, NotificationDelivery, NotificationKind
from portal.notifications.services import notify
from portal.sms.budget import DAILY_LIMIT, USER_DAILY_LIMIT
from tests.conftest import login


def _sms():
    query = select(NotificationDelivery).where(NotificationDelivery.channel == "sms")
    return list(db.session.scalars(query.order_by(NotificationDelivery.id)))


def _a_day_passes():
    """Move what was sent and what waits one day back: it is tomorrow, 07:00 has passed."""
    for delivery in _sms():
        if delivery.sent_at:
            delivery.sent_at -= timedelta(days=1)
        if delivery.next_attempt_at:
            delivery.next_attempt_at = utcnow() - timedelta(minutes=1)
    db.session.commit()


def test_over_the_daily_cap_messages_wait_for_the_next_day(
    app, runner, texted, sms_gateway, make_user, monkeypatch
):
    monkeypatch.setitem(app.config, "SMS_DAILY_LIMIT", 3)
    monkeypatch.setitem(app.config, "SMS_CODE_RESERVE", 0)
    for _ in range(5):
        texted(locale="en")  # one part each

    result = runner.invoke(args=["notify", "send"])

    assert "3 sent, 0 to try again, 0 failed" in result.output
    assert "2 held by a daily limit" in result.output
    assert len(sms_gateway.requests) == 3
    held = [d for d in _sms() if d.status == DeliveryStatus.PENDING]
    assert [d.held_reason for d in held] == [DAILY_LIMIT, DAILY_LIMIT]
    assert all(d.attempts == 0 for d in held)  # waiting is not a failed attempt
    resume = local_time(held[0].next_attempt_at)
    assert (resume.date() - local_time(utcnow()).date()).days == 1 and resume.hour == 7

    admin = login(app.test_client(), make_user(Role.ADMIN))
    page = admin.get("/admin/sms").get_data(as_text=True)
    assert "3 of 3" in page
    assert "Waiting: over the daily limit</th><td>2</td>" in page
    status = runner.invoke(args=["sms", "status"]).output
    assert "3 of 3 parts sent today in 3 SMS." in status
    assert "2 held by the daily limit: they go at " in status and "07:00 (Cambodia)" in status

    assert runner.invoke(args=["notify", "send"]).output.startswith("0 sent")  # still today
    _a_day_passes()
    assert "2 sent" in runner.invoke(args=["notify", "send"]).output
    assert len(sms_gateway.requests) == 5


def test_one_person_cannot_use_the_days_budget(app, runner, texted, sms_gateway, monkeypatch):
    monkeypatch.setitem(app.config, "SMS_USER_DAILY_LIMIT", 2)
    busy = texted(4, locale="en")
    other = texted(1, locale="en")

    result = runner.invoke(args=["notify", "send"])

    assert "3 sent" in result.output and "2 held" in result.output
    waiting = [d for d in _sms() if d.status == DeliveryStatus.PENDING]
    assert {d.notification.user_id for d in waiting} == {busy.id}
    assert {d.held_reason for d in waiting} == {USER_DAILY_LIMIT}
    assert other.id in {d.notification.user_id for d in _sms() if d.status == DeliveryStatus.SENT}


def test_a_code_uses_the_reserve_and_is_given_up_rather_than_sent_tomorrow(
    app, runner, texted, sms_gateway, monkeypatch
):
    monkeypatch.setitem(app.config, "SMS_DAILY_LIMIT", 3)
    monkeypatch.setitem(app.config, "SMS_CODE_RESERVE", 1)
    for _ in range(3):
        texted(locale="en")
    runner.invoke(args=["notify", "send"])
    assert len(sms_gateway.requests) == 2  # the last part of the day is kept for codes

    youth = texted(0, locale="en")
    for code in ("111111", "222222"):
        notify(youth, NotificationKind.ACCOUNT_RECOVERY, {"code": code}, channels=["sms"])
    db.session.commit()
    result = runner.invoke(args=["notify", "send"])

    assert "1 sent, 0 to try again, 1 failed" in result.output
    assert "111111" in sms_gateway.messages[-1]["text"]
    late = _sms()[-1]
    assert late.status == DeliveryStatus.FAILED and late.last_error == "held: daily_limit"
    assert "code" not in late.notification.params  # the secret is gone with it
