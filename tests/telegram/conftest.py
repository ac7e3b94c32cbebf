"""A fake Bot API server for each test, the portal pointed at it, and a young person whose
Telegram chat is linked."""

from __future__ import annotations

import re

import pytest

from portal.auth.models import User
from portal.extensions import db
from tests.fakes.telegram import BOT_USERNAME, FakeTelegram

SECRET = "s3cret-webhook-token-0123456789"
CHAT_ID = 777000111


@pytest.fixture
def telegram(app, ctx, monkeypatch):
    with FakeTelegram() as fake:
        for key, value in {
            **fake.config(),
            "TELEGRAM_WEBHOOK_SECRET": SECRET,
            "TELEGRAM_BOT_USERNAME": None,  # asked with getMe
            "PUBLIC_URL": "https://phlov.example",
        }.items():
            monkeypatch.setitem(app.config, key, value)
        yield fake


def post_update(client, update: dict, secret: str | None = SECRET):
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    response = client.post("/telegram/webhook", json=update, headers=headers)
    db.session.expire_all()  # read what the request saved
    return response


def deep_link_code(html: str) -> str:
    found = re.search(rf"https://t\.me/{BOT_USERNAME}\?start=([A-Za-z0-9_-]+)", html)
    assert found, html
    return found.group(1)


def connect(app, telegram, youth_client, chat_id: int = CHAT_ID, language: str = "en"):
    """She presses "Connect Telegram", then "Start" in Telegram: returns the webhook's answer."""
    page = youth_client.post("/me/telegram/connect")
    assert page.status_code == 200
    code = deep_link_code(page.get_data(as_text=True))
    return post_update(
        app.test_client(), telegram.text_update(chat_id, f"/start {code}", language=language)
    )


@pytest.fixture
def linked_youth(app, telegram, login_as):
    """(client, user): a young person logged in, her Telegram chat CHAT_ID linked."""
    client, user = login_as("youth")
    assert connect(app, telegram, client).status_code == 200
    telegram.calls.clear()
    return client, db.session.get(User, user.id)
