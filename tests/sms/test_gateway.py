"""`flask notify send` hands SMS to the HTTP gateway the way Cambodian gateways take them, and
keeps what the gateway answered; a gateway that fails is tried again later, one that refuses a
message for good is not."""

import base64
import json

from sqlalchemy import select

from portal.extensions import db
from portal.notifications.models import DeliveryStatus, NotificationDelivery
from portal.sms.segments import count


def _deliveries():
    return list(db.session.scalars(select(NotificationDelivery).order_by(NotificationDelivery.id)))


def test_a_khmer_sms_reaches_the_gateway_in_e164_with_the_sender_and_a_link(
    runner, texted, sms_gateway
):
    texted(phone="012 345 678", locale="km")

    result = runner.invoke(args=["notify", "send"])

    assert "1 sent, 0 to try again, 0 failed" in result.output
    [request] = sms_gateway.requests
    assert request.method == "POST"
    assert request.fields["to"] == "+85512345678"
    assert request.fields["from"] == "Phlov"
    text = request.fields["text"]
    assert "https://phlov.example/me/for-you" in text
    assert count(text).encoding == "ucs2" and count(text).segments <= 2
    assert any("\u1780" <= ch <= "\u17ff" for ch in text)  # in Khmer, her language
    user, password = (
        base64.b64decode(request.headers["Authorization"].split()[1]).decode().split(":")
    )
    assert (user, password) == ("phlov", "gateway-pass")
    [delivery] = _deliveries()
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.provider_message_id == "fake-1"
    assert delivery.segments == count(text).segments


def test_a_get_gateway_with_its_own_field_names(app, runner, texted, sms_gateway, monkeypatch):
    """Like a gateway that wants ?username=&pass=&sender=&smstext=&gsm=855...&int=1."""
    template = {
        "username": "{user}",
        "pass": "{password}",
        "sender": "{sender}",
        "smstext": "{text}",
        "gsm": "{to_digits}",
        "int": "{unicode}",
    }
    monkeypatch.setitem(app.config, "SMS_GATEWAY_METHOD", "GET")
    monkeypatch.setitem(app.config, "SMS_GATEWAY_PARAMS", template)
    texted(phone="097 765 4321", locale="km")

    runner.invoke(args=["notify", "send"])

    [request] = sms_gateway.requests
    assert request.method == "GET"
    assert request.fields["gsm"] == "855977654321"
    assert request.fields["int"] == "1"
    assert (request.fields["username"], request.fields["pass"]) == ("phlov", "gateway-pass")
    assert "Authorization" not in request.headers  # named in the fields: no Basic auth as well


def test_a_json_gateway_with_a_token_header(app, runner, texted, sms_gateway, monkeypatch):
    monkeypatch.setitem(app.config, "SMS_GATEWAY_FORMAT", "json")
    monkeypatch.setitem(app.config, "SMS_GATEWAY_USER", None)
    monkeypatch.setitem(app.config, "SMS_GATEWAY_TOKEN", "tok-123")
    monkeypatch.setitem(app.config, "SMS_GATEWAY_HEADERS", {"X-Secret": "{token}"})
    monkeypatch.setitem(
        app.config, "SMS_GATEWAY_PARAMS", {"to": "{to}", "content": "{text}", "sender": "{sender}"}
    )
    texted(locale="en")

    runner.invoke(args=["notify", "send"])

    [request] = sms_gateway.requests
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Secret"] == "tok-123"
    assert "Authorization" not in request.headers
    assert request.fields["content"].startswith("New openings for you\n")


def test_a_busy_gateway_is_tried_again_later_and_a_refusal_is_final(runner, texted, sms_gateway):
    texted()
    texted()
    sms_gateway.fail(503)  # the first message: the gateway is busy
    sms_gateway.fail(400, body=json.dumps({"error": "invalid number"}))  # the second: refused

    result = runner.invoke(args=["notify", "send"])

    assert "0 sent, 1 to try again, 1 failed" in result.output
    busy, refused = _deliveries()
    assert busy.status == DeliveryStatus.PENDING and "HTTP 503" in busy.last_error
    assert busy.next_attempt_at is not None
    assert refused.status == DeliveryStatus.FAILED and refused.attempts == 1
    assert "invalid number" in refused.last_error


def test_a_gateway_that_hangs_is_a_failure_to_try_again(
    app, runner, texted, sms_gateway, monkeypatch
):
    monkeypatch.setitem(app.config, "SMS_GATEWAY_TIMEOUT", 1)
    sms_gateway.delay = 1.5
    texted()

    result = runner.invoke(args=["notify", "send"])

    assert "0 sent, 1 to try again" in result.output
    [delivery] = _deliveries()
    assert "Timeout" in delivery.last_error and delivery.status == DeliveryStatus.PENDING


def test_without_a_gateway_sms_waits(app, runner, texted):
    texted()
    result = runner.invoke(args=["notify", "send"])
    assert "1 sms message(s) wait: no sms transport yet" in result.output
