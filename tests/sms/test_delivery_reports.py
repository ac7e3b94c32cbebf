"""The gateway calls the portal back with delivery reports: recorded on the SMS copy when the
secret is right, refused otherwise."""

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.notifications.models import DeliveryReport, NotificationDelivery

SECRET = "s3cret-report-key-0123456789abcdef"


@pytest.fixture
def sent(app, runner, texted, sms_gateway, monkeypatch):
    monkeypatch.setitem(app.config, "SMS_DELIVERY_REPORT_SECRET", SECRET)
    texted()
    runner.invoke(args=["notify", "send"])
    return db.session.scalar(select(NotificationDelivery))


def _fresh(delivery):
    db.session.commit()  # end this test's read snapshot: the portal wrote in another thread
    db.session.refresh(delivery)
    return delivery


def test_a_delivered_report_is_recorded_on_the_sms(sent, sms_gateway, live_portal):
    assert sent.provider_message_id == "fake-1" and sent.report is None

    answer = sms_gateway.report(f"{live_portal}/sms/delivery-report/{SECRET}", "fake-1", "DELIVRD")

    assert answer.status_code == 200 and answer.json() == {"recorded": True}
    delivery = _fresh(sent)
    assert delivery.report == DeliveryReport.DELIVERED and delivery.reported_at is not None


def test_the_secret_may_come_in_a_header_and_failures_are_recorded(sent, sms_gateway, live_portal):
    answer = sms_gateway.report(
        f"{live_portal}/sms/delivery-report",
        "fake-1",
        "UNDELIV",
        **{"X-Delivery-Report-Secret": SECRET},
    )
    assert answer.status_code == 200
    assert _fresh(sent).report == DeliveryReport.FAILED


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        (f"/sms/delivery-report/{SECRET[:-1]}x", {}),  # one character off
        ("/sms/delivery-report/", {}),
        ("/sms/delivery-report", {}),
        ("/sms/delivery-report", {"X-Delivery-Report-Secret": "guess"}),
        (f"/sms/delivery-report/{SECRET}extra", {}),
    ],
)
def test_a_wrong_or_missing_secret_is_refused_and_changes_nothing(
    sent, sms_gateway, live_portal, path, headers
):
    answer = sms_gateway.report(live_portal + path, "fake-1", "DELIVRD", **headers)
    assert answer.status_code in (403, 404)
    if path.rstrip("/") != "/sms/delivery-report" or headers:
        assert answer.status_code == 403
    assert _fresh(sent).report is None


def test_reports_are_not_taken_when_no_secret_is_set(app, sent, client, monkeypatch):
    monkeypatch.setitem(app.config, "SMS_DELIVERY_REPORT_SECRET", None)
    answer = client.post(f"/sms/delivery-report/{SECRET}", data={"message_id": "fake-1"})
    assert answer.status_code == 404
    assert _fresh(sent).report is None


def test_a_report_of_a_message_on_its_way_or_of_someone_elses_id_records_nothing(sent, client):
    url = f"/sms/delivery-report/{SECRET}"
    on_its_way = client.post(url, data={"message_id": "fake-1", "status": "BUFFERED"})
    unknown = client.post(url, json={"message_id": "fake-99", "status": "DELIVRD"})
    assert on_its_way.json == unknown.json == {"recorded": False}
    assert _fresh(sent).report is None
