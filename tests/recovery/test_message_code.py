"""A code by SMS or Telegram: today no such transport exists, and the page says to ask a
counselor; once one is plugged in, the code goes out by it with no change to recovery."""

from __future__ import annotations

import re

from portal.extensions import db
from tests.recovery.conftest import can_log_in


def ask(app, identifier: str):
    response = app.test_client().post("/password/forgot", data={"identifier": identifier})
    html = response.get_data(as_text=True)
    db.session.remove()  # as at the end of a request, before the server closes the response
    response.close()
    return response.status_code, html


def test_without_a_phone_channel_the_page_sends_her_to_her_center(app, dara, transports):
    boxes = transports("email")
    status, html = ask(app, "012 345 678")
    assert status == 200
    assert "Ask a counselor at your center for a code" in html
    assert "Battambang Center" in html and "053 952 123" in html
    assert boxes["email"].sent == []
    _, unknown = ask(app, "097 777 7777")  # the same answer for a number nobody has

    def text(html):
        return re.sub(r'name="csrf_token" value="[^"]*"', "", html)

    assert text(unknown) == text(html)


def test_once_sms_exists_the_code_goes_by_sms(app, dara, transports):
    sms = transports("sms")["sms"]
    status, html = ask(app, "+855 12 345 678")
    assert status == 200 and "we sent it a 6-digit code" in html
    [(address, _subject, body)] = sms.sent
    assert address == "012345678"
    code = re.search(r"\b(\d{6})\b", body).group(1)
    response = app.test_client().post(
        "/password/code",
        data={
            "identifier": "012345678",
            "code": code,
            "password": "river-boat-morning-2",
            "confirm": "river-boat-morning-2",
        },
    )
    assert response.status_code == 302
    assert can_log_in(app, "012345678", "river-boat-morning-2")
