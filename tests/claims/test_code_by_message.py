"""The counselor sends the code to the desk profile's phone too: a claim_code notification for
a profile without an account, sent by `flask notify send` to the profile's phone, in Khmer by
default, then forgotten."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.notifications.models import DeliveryStatus, Notification, NotificationKind
from portal.notifications.services import notify
from portal.privacy.erasure import anonymise
from tests.claims.conftest import claim_with, give_code, shown_code


def test_the_code_goes_by_sms_to_the_profile_phone(
    app, counselor, sreymom, transports, monkeypatch
):
    sms = transports("sms")["sms"]
    client = counselor[0]
    assert "Also send the code by message" in client.get(f"/youth/{sreymom.id}").get_data(
        as_text=True
    )
    response = client.post(f"/youth/{sreymom.id}/claim-code", data={"send": "y"})
    code = shown_code(response)
    assert "on its way to 012 345 678" in response.get_data(as_text=True)

    notification = db.session.scalar(select(Notification))
    assert notification.kind == NotificationKind.CLAIM_CODE
    assert notification.user_id is None and notification.youth_id == sreymom.id
    assert [d.channel for d in notification.deliveries] == ["sms"]

    monkeypatch.setitem(app.config, "DEFAULT_LANGUAGE", "km")  # the site's language, deployed
    result = app.test_cli_runner().invoke(args=["notify", "send"])
    assert result.exit_code == 0, result.output
    [(address, _title, body)] = sms.sent
    assert address == "012345678"
    assert code in body and "/claim" in body
    assert "លេខកូដ" in body  # Khmer: the site's language for someone without an account
    db.session.expire_all()
    notification = db.session.get(Notification, notification.id)
    assert notification.deliveries[0].status == DeliveryStatus.SENT
    assert "code" not in notification.params  # the secret leaves the database once sent
    assert claim_with(app.test_client(), code).status_code == 302


def test_without_an_sms_transport_no_message_is_offered_or_queued(counselor, sreymom):
    client = counselor[0]
    assert "Also send the code by message" not in client.get(f"/youth/{sreymom.id}").get_data(
        as_text=True
    )
    client.post(f"/youth/{sreymom.id}/claim-code", data={"send": "y"})
    assert db.session.scalar(select(Notification)) is None


def test_a_profile_without_a_phone_is_not_offered_a_message(counselor, make_youth, transports):
    transports("sms")
    profile = make_youth(center_id=counselor[1].center_id, phone=None)
    html = counselor[0].get(f"/youth/{profile.id}").get_data(as_text=True)
    assert "Give a code to claim this profile" in html
    assert "Also send the code by message" not in html


def test_erasing_her_profile_takes_a_waiting_code_message_with_it(app, counselor, sreymom):

    code = give_code(counselor[0], sreymom, send="y")
    # no SMS transport yet: the message waits; she asks to be erased meanwhile
    notify_kind = NotificationKind.CLAIM_CODE
    assert db.session.scalar(select(Notification).where(Notification.kind == notify_kind)) is None
    with app.test_request_context():
        notify(sreymom, notify_kind, {"code": code}, channels=["sms"])
        anonymise(sreymom, by=counselor[1], reason="request")
        db.session.commit()
    assert db.session.scalar(select(Notification)) is None
    assert claim_with(app.test_client(), code).status_code == 400
