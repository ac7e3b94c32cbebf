"""`flask telegram set-webhook` tells Telegram where to post, with the secret; `flask telegram
poll` handles the updates a center without a public address fetches itself."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.telegram.models import TelegramLink
from tests.telegram.conftest import CHAT_ID, SECRET, deep_link_code


def test_set_webhook_sends_the_address_and_the_secret(app, telegram):
    result = app.test_cli_runner().invoke(args=["telegram", "set-webhook"])
    assert result.exit_code == 0, result.output
    assert telegram.webhook == {
        "url": "https://phlov.example/telegram/webhook",
        "secret_token": SECRET,
        "allowed_updates": ["message", "callback_query"],
    }


def test_set_webhook_refuses_without_a_secret_or_an_https_address(app, telegram, monkeypatch):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["telegram", "set-webhook", "http://center.local/telegram/webhook"])
    assert result.exit_code != 0 and "https://" in result.output
    monkeypatch.setitem(app.config, "TELEGRAM_WEBHOOK_SECRET", None)
    result = runner.invoke(args=["telegram", "set-webhook"])
    assert result.exit_code != 0 and "TELEGRAM_WEBHOOK_SECRET" in result.output
    assert telegram.webhook is None


def test_set_webhook_says_when_telegram_refuses(app, telegram, monkeypatch):
    monkeypatch.setitem(app.config, "TELEGRAM_BOT_TOKEN", "999:wrong")
    result = app.test_cli_runner().invoke(args=["telegram", "set-webhook"])
    assert result.exit_code != 0 and "401 Unauthorized" in result.output
    assert "999:wrong" not in result.output


def test_poll_once_links_her_chat_and_confirms_the_updates(app, telegram, login_as):
    client, user = login_as("youth")
    code = deep_link_code(client.post("/me/telegram/connect").get_data(as_text=True))
    update = telegram.text_update(CHAT_ID, f"/start {code}")
    telegram.pending_updates = [update]
    result = app.test_cli_runner().invoke(args=["telegram", "poll", "--once"])
    assert result.exit_code == 0 and "1 update(s) handled." in result.output, result.output
    db.session.expire_all()
    assert db.session.scalar(select(TelegramLink.user_id)) == user.id
    assert telegram.sent("getUpdates")[-1]["offset"] == update["update_id"] + 1
    assert telegram.pending_updates == []  # confirmed: Telegram will not send it again
    assert "linked" in telegram.messages_to(CHAT_ID)[-1]["text"]
