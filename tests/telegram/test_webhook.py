"""The webhook believes only Telegram: the secret-token header must match, compared in constant
time; anything else is refused with 403 and nothing is done. Telegram's retries are harmless."""

from __future__ import annotations

from sqlalchemy import func, select

from portal.extensions import db
from portal.telegram.models import TelegramLink
from tests.telegram.conftest import CHAT_ID, SECRET, deep_link_code, post_update


def _link_update(app, telegram, client):
    code = deep_link_code(client.post("/me/telegram/connect").get_data(as_text=True))
    return telegram.text_update(CHAT_ID, f"/start {code}")


def _links() -> int:
    return db.session.scalar(select(func.count(TelegramLink.id)))


def test_a_missing_or_wrong_secret_is_refused_and_nothing_happens(app, telegram, login_as):
    client, _user = login_as("youth")
    update = _link_update(app, telegram, client)
    telegram.calls.clear()
    for secret in (None, "", "wrong", SECRET[:-1], SECRET + "x"):
        response = post_update(app.test_client(), update, secret=secret)
        assert response.status_code == 403, secret
    assert _links() == 0
    assert telegram.calls == []  # no reply was sent to anyone
    assert post_update(app.test_client(), update).status_code == 200  # the same update, signed
    assert _links() == 1


def test_without_a_configured_secret_everything_is_refused(app, telegram, monkeypatch, login_as):
    client, _user = login_as("youth")
    update = _link_update(app, telegram, client)
    monkeypatch.setitem(app.config, "TELEGRAM_WEBHOOK_SECRET", None)
    assert post_update(app.test_client(), update, secret="").status_code == 403
    assert post_update(app.test_client(), update, secret="None").status_code == 403
    assert _links() == 0


def test_the_webhook_needs_no_csrf_token_but_the_portal_pages_do(app, telegram, login_as):
    client, _user = login_as("youth")
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        assert client.post("/me/telegram/connect").status_code == 400  # no CSRF token
        update = telegram.text_update(CHAT_ID, "/start")
        assert post_update(app.test_client(), update).status_code == 200
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def test_an_update_sent_twice_is_handled_once(app, telegram):
    update = telegram.text_update(CHAT_ID, "/start")
    assert post_update(app.test_client(), update).status_code == 200
    assert post_update(app.test_client(), update).status_code == 200  # Telegram retried
    assert len(telegram.messages_to(CHAT_ID)) == 1


def test_a_body_that_is_not_an_update_is_refused(app, telegram):
    response = app.test_client().post(
        "/telegram/webhook",
        data="not json",
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert telegram.calls == []


def test_the_webhook_is_rate_limited(app, telegram, monkeypatch):
    monkeypatch.setitem(app.config, "TELEGRAM_WEBHOOK_RATE_LIMIT", "3 per minute")
    codes = [
        post_update(app.test_client(), telegram.text_update(CHAT_ID, "hello")).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
