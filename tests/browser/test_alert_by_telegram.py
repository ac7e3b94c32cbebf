"""Issue 16's "Must show", end to end on a 360 px phone in Khmer: the young woman from Pursat who
sews connects Telegram from her phone; an employer's new sewing opening in Pursat is approved;
`flask alerts send` and `flask notify send` run; the alert is in her notifications in the portal
and in her Telegram chat (a local fake Bot API server, tests/fakes/telegram.py); she opens the
opening from the Telegram message's "Open" button and applies."""

from __future__ import annotations

import re

import httpx
import pytest

from portal.extensions import db
from portal.placements.models import Application
from tests.browser.pursat import girl_from_pursat_who_sews, sewing_opening_approved_and_alerted
from tests.fakes.telegram import BOT_USERNAME, FakeTelegram

SECRET = "browser-webhook-secret-0123456789"
CHAT_ID = 880011223


@pytest.fixture
def telegram(app, live_server, monkeypatch):
    with FakeTelegram() as fake:
        settings = {
            **fake.config(),
            "TELEGRAM_WEBHOOK_SECRET": SECRET,
            "TELEGRAM_BOT_USERNAME": BOT_USERNAME,
            "PUBLIC_URL": live_server,  # the "Open" buttons lead to the portal the phone sees
        }
        for key, value in settings.items():
            monkeypatch.setitem(app.config, key, value)
        yield fake


def _connect_telegram(tab, telegram, live_server) -> None:
    """She presses "Connect Telegram" on her phone, then "Start" in Telegram (the update reaches
    the portal's webhook over HTTP with Telegram's secret header)."""
    page = tab.open("/me/notifications")
    page.locator("#telegram button.primary").click()
    page.wait_for_load_state()
    link = page.locator(f"a[href^='https://t.me/{BOT_USERNAME}?start=']").first
    code = re.search(r"start=([A-Za-z0-9_-]+)", link.get_attribute("href")).group(1)
    assert tab.fits_the_screen()
    tab.shot("connect-telegram")
    answer = httpx.post(
        f"{live_server}/telegram/webhook",
        json=telegram.text_update(CHAT_ID, f"/start {code}", language="km"),
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
    )
    assert answer.status_code == 200


def test_a_new_sewing_job_reaches_her_in_telegram_and_she_applies_from_the_message(
    phone, make_user, make_opening, runner, telegram, live_server
):
    youth = girl_from_pursat_who_sews(make_user, locale="km")
    login = youth.login_name
    db.session.commit()  # no transaction left open while the server writes
    tab = phone("km")
    tab.log_in(login)
    _connect_telegram(tab, telegram, live_server)
    db.session.rollback()

    opening = sewing_opening_approved_and_alerted(make_user, make_opening, runner)
    sent = runner.invoke(args=["notify", "send"])
    assert "0 to try again, 0 failed" in sent.output, sent.output

    page = tab.open("/notifications")  # in the portal
    assert "ជាងដេរ" in page.locator("li.notification").first.inner_text()

    chat = telegram.messages_to(CHAT_ID)  # in Telegram
    [card] = [message for message in chat if message["text"].startswith("ជាងដេរ")]
    buttons = {button["text"]: button for button in telegram.buttons(card)}
    assert chat[-1]["text"].startswith("បញ្ឈប់ការជូនដំណឹង")  # every alert ends with how to stop them
    open_url = next(b["url"] for b in buttons.values() if "url" in b and "/openings/" in b["url"])
    assert open_url == f"{live_server}/openings/{opening.id}"

    page = tab.page
    page.goto(open_url)  # she taps "Open" in Telegram
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "ជាងដេរ"
    assert tab.fits_the_screen()
    tab.shot("opened-from-telegram")
    page.locator(".apply-box a.button.primary").click()
    page.wait_for_load_state()
    page.fill("textarea[name=message]", "ខ្ញុំចេះដេរ ២ឆ្នាំ។")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    tab.shot("applied-from-telegram")
    db.session.rollback()  # the server wrote since
    assert Application.query.one().opening_id == opening.id
