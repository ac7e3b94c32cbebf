"""A young person links her Telegram from the notification settings page with a one-time deep
link; the bot greets her in her language; she can unlink from the portal or with /stop."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.notifications.models import NotificationKind
from portal.notifications.services import channels_for
from portal.telegram.models import TelegramLink, TelegramLinkCode
from tests.fakes.telegram import BOT_USERNAME
from tests.telegram.conftest import CHAT_ID, connect, deep_link_code, post_update


def _link() -> TelegramLink | None:
    return db.session.scalar(select(TelegramLink))


def _last_text(telegram) -> str:
    return telegram.messages_to(CHAT_ID)[-1]["text"]


def test_the_settings_page_offers_telegram_and_a_one_time_link(app, telegram, login_as):
    client, _user = login_as("youth")
    page = client.get("/me/notifications").get_data(as_text=True)
    assert "Connect Telegram" in page
    assert 'value="telegram"' not in page  # not a channel until she links it
    response = client.post("/me/telegram/connect")
    assert response.headers["Cache-Control"].startswith("no-store")
    code = deep_link_code(response.get_data(as_text=True))
    assert f"https://t.me/{BOT_USERNAME}?start={code}" in response.get_data(as_text=True)
    [row] = db.session.scalars(select(TelegramLinkCode)).all()
    assert code not in row.code_hash and len(code) >= 32  # kept hashed, long and random


def test_a_valid_code_links_her_chat_and_the_bot_answers_in_khmer(app, telegram, login_as):
    client, user = login_as("youth", locale="km")
    user_id = user.id
    assert connect(app, telegram, client, language="en").status_code == 200
    link = _link()
    assert link.user_id == user_id and link.chat_id == CHAT_ID and link.username == "sokha"
    greeting = _last_text(telegram)
    assert greeting.startswith("សួស្ដី") and "គណនី Phlov របស់អ្នកបានភ្ជាប់ហើយ" in greeting
    assert "/stop" in greeting
    page = client.get("/me/notifications").get_data(as_text=True)
    assert 'value="telegram"' in page and "ផ្ដាច់ Telegram" in page  # "Disconnect Telegram"
    user = db.session.get(User, user_id)
    assert "telegram" in channels_for(user, NotificationKind.STATUS_CHANGE)


def test_a_used_code_does_not_link_another_chat(app, telegram, login_as):
    client, _user = login_as("youth")
    code = deep_link_code(client.post("/me/telegram/connect").get_data(as_text=True))
    post_update(app.test_client(), telegram.text_update(CHAT_ID, f"/start {code}"))
    post_update(app.test_client(), telegram.text_update(555, f"/start {code}"))
    assert _link().chat_id == CHAT_ID
    assert "already used" in telegram.messages_to(555)[-1]["text"]


def test_an_expired_code_links_nothing(app, telegram, login_as, monkeypatch):
    client, _user = login_as("youth")
    code = deep_link_code(client.post("/me/telegram/connect").get_data(as_text=True))
    later = utcnow() + timedelta(hours=1, minutes=1)
    monkeypatch.setattr("portal.telegram.links.utcnow", lambda: later)
    post_update(app.test_client(), telegram.text_update(CHAT_ID, f"/start {code}"))
    assert _link() is None
    assert "works for one hour" in _last_text(telegram)


def test_an_unknown_code_and_a_new_link_replace_the_last(app, telegram, login_as):
    client, _user = login_as("youth")
    first = deep_link_code(client.post("/me/telegram/connect").get_data(as_text=True))
    second = deep_link_code(client.post("/me/telegram/connect").get_data(as_text=True))
    post_update(app.test_client(), telegram.text_update(CHAT_ID, f"/start {first}"))
    assert _link() is None  # a newer link was made: the first stopped working
    post_update(app.test_client(), telegram.text_update(CHAT_ID, "/start made-up-code"))
    assert _link() is None and "does not work" in _last_text(telegram)
    post_update(app.test_client(), telegram.text_update(CHAT_ID, f"/start {second}"))
    assert _link() is not None


def test_stop_in_telegram_unlinks(app, telegram, linked_youth):
    client, user = linked_youth
    post_update(app.test_client(), telegram.text_update(CHAT_ID, "/stop"))
    assert _link() is None
    assert "will not send you messages" in _last_text(telegram)
    assert 'value="telegram"' not in client.get("/me/notifications").get_data(as_text=True)


def test_disconnect_in_the_portal_unlinks(app, telegram, linked_youth):
    client, _user = linked_youth
    response = client.post("/me/telegram/unlink", follow_redirects=True)
    assert "Telegram is disconnected" in response.get_data(as_text=True)
    assert _link() is None


def test_without_a_bot_token_telegram_is_not_offered(app, login_as):
    client, _user = login_as("youth")
    assert "Connect Telegram" not in client.get("/me/notifications").get_data(as_text=True)
