"""A young person confirms her phone from her account page with a 6-digit code sent by SMS
(through the fake gateway): wrong, expired and worn-out codes are refused, asking again is
limited, and a new number is not confirmed."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.audit.models import AuditAction, AuditEvent
from portal.extensions import db, utcnow
from portal.phone_confirmation.models import PhoneConfirmation
from portal.youth.services import update_profile
from tests.conftest import login


@pytest.fixture
def srey(app, make_user):
    user = make_user("youth", email=None, phone="012 888 777", locale="en")
    return user, login(app.test_client(), user)


def _ask(client):
    return client.post("/account/phone/send", follow_redirects=True).get_data(as_text=True)


def _code(gateway) -> str:
    return re.search(r"\b(\d{6})\b", gateway.messages[-1]["text"]).group(1)


def _type(client, code):
    return client.post("/account/phone/confirm", data={"code": code})


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def test_she_confirms_her_phone_with_the_code_from_the_sms(srey, sms_gateway):
    user, client = srey
    assert "Confirm your phone" in client.get("/account").get_data(as_text=True)

    page = _ask(client)

    assert "We are sending a code to 012 888 777." in page
    [sms] = sms_gateway.messages
    assert sms["to"] == "+85512888777"
    code = _code(sms_gateway)
    assert code not in client.get("/notifications").get_data(as_text=True)  # only on the phone
    wrong = _type(client, _wrong(code))
    assert wrong.status_code == 400
    assert "This is not the code we sent. 4 tries left." in wrong.get_data(as_text=True)

    right = _type(client, code)

    assert right.status_code == 302
    db.session.refresh(user)
    assert user.phone_confirmed_at is not None
    assert "Your phone is confirmed" in client.get("/account").get_data(as_text=True)
    [event] = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == str(AuditAction.PHONE_CONFIRMED))
    ).all()
    assert event.actor_id == user.id
    stored = db.session.scalar(select(PhoneConfirmation))
    assert code not in stored.code_hash  # only a keyed hash is kept
    assert "code" not in stored.notification.params  # and the SMS no longer holds it


def test_an_expired_code_is_refused(srey, sms_gateway):
    user, client = srey
    _ask(client)
    code = _code(sms_gateway)
    confirmation = db.session.scalar(select(PhoneConfirmation))
    confirmation.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()

    answer = _type(client, code)

    assert "This code has expired. Please ask for a new code." in answer.get_data(as_text=True)
    db.session.refresh(user)
    assert user.phone_confirmed_at is None


def test_after_five_wrong_tries_even_the_right_code_is_refused(app, srey, sms_gateway, monkeypatch):
    monkeypatch.setitem(app.config, "PHONE_CODE_RESEND_SECONDS", 0)
    user, client = srey
    _ask(client)
    code = _code(sms_gateway)
    for _ in range(5):
        last = _type(client, _wrong(code))
    assert "Too many wrong codes" in last.get_data(as_text=True)

    assert "Too many wrong codes" in _type(client, code).get_data(as_text=True)
    db.session.refresh(user)
    assert user.phone_confirmed_at is None

    _ask(client)  # a new code works; the old one no longer does
    assert _type(client, code).status_code == 400
    assert _type(client, _code(sms_gateway)).status_code == 302


def test_asking_again_is_limited(app, srey, sms_gateway, monkeypatch):
    _, client = srey
    _ask(client)
    assert "Please wait" in _ask(client)  # a minute between two codes
    assert len(sms_gateway.messages) == 1

    monkeypatch.setitem(app.config, "PHONE_CODE_RESEND_SECONDS", 0)
    for _ in range(4):
        _ask(client)
    assert "You asked for 5 codes today. Please try again tomorrow." in _ask(client)
    assert len(sms_gateway.messages) == 5


def test_a_new_number_is_not_confirmed(srey, sms_gateway):
    user, client = srey
    _ask(client)
    assert _type(client, _code(sms_gateway)).status_code == 302
    db.session.refresh(user)
    assert user.phone_confirmed_at is not None

    update_profile(user.youth_profile, consent=True, phone="097 111 2222")
    db.session.commit()

    assert user.phone == "0971112222" and user.phone_confirmed_at is None
    assert "Confirm your phone" in client.get("/account").get_data(as_text=True)


def test_without_sms_the_page_says_so_and_sends_nothing(srey):
    _, client = srey
    page = client.get("/account/phone").get_data(as_text=True)
    assert "Phlov cannot send SMS yet. Please ask your center." in page
    assert "Phlov cannot send SMS yet" in _ask(client)
    assert db.session.scalar(select(PhoneConfirmation)) is None


def test_an_account_without_a_phone_is_told_to_add_one(app, make_user):
    client = login(app.test_client(), make_user("youth", locale="en"))
    assert "Confirm your phone" not in client.get("/account").get_data(as_text=True)
    assert "Your account has no phone number." in client.get("/account/phone").get_data(
        as_text=True
    )
