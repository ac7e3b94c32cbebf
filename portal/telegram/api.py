"""The Telegram Bot API over HTTPS: POST https://api.telegram.org/bot<token>/<method> with a
JSON body, answered {"ok": true, "result": ...} or {"ok": false, "description": ...}. Plain
httpx calls, synchronous like the rest of the portal (TELEGRAM_API_URL points the tests at a
local fake server)."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

DEFAULT_API_URL = "https://api.telegram.org"
TIMEOUT_SECONDS = 15.0


class TelegramError(RuntimeError):
    """A Bot API call that failed (network, HTTP or {"ok": false}); the outbox retries it."""


@dataclass(frozen=True)
class Call:
    """One Bot API call to make: a reply decided while handling an update, made after commit."""

    method: str
    payload: dict


class BotApi:
    """The bot's API, one method at a time: `api.call("sendMessage", chat_id=..., text=...)`."""

    def __init__(
        self, token: str, base_url: str = DEFAULT_API_URL, timeout: float = TIMEOUT_SECONDS
    ):
        self.base = f"{base_url.rstrip('/')}/bot{token}"
        self.timeout = timeout

    def call(self, method: str, **payload) -> object:
        """The result of `method`; raises TelegramError when it fails (the token never shows)."""
        body = {key: value for key, value in payload.items() if value is not None}
        try:
            response = httpx.post(f"{self.base}/{method}", json=body, timeout=self.timeout)
            answer = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise TelegramError(f"{method}: {type(error).__name__}") from None
        if not isinstance(answer, dict) or not answer.get("ok"):
            description = answer.get("description") if isinstance(answer, dict) else None
            raise TelegramError(f"{method}: {response.status_code} {description or ''}".strip())
        return answer.get("result")

    def run(self, call: Call) -> object:
        return self.call(call.method, **call.payload)


def from_config(config: dict) -> BotApi | None:
    """The bot of TELEGRAM_BOT_TOKEN (at TELEGRAM_API_URL), or None when no token is set."""
    token = config.get("TELEGRAM_BOT_TOKEN")
    if not token:
        return None
    return BotApi(token, config.get("TELEGRAM_API_URL") or DEFAULT_API_URL)


def message(chat_id: int | str, text: str, buttons: list[list[dict]] | None = None) -> Call:
    """sendMessage, with an inline keyboard when `buttons` (rows of buttons) are given."""
    markup = {"inline_keyboard": buttons} if buttons else None
    return Call("sendMessage", {"chat_id": chat_id, "text": text, "reply_markup": markup})


def edit(chat_id: int, message_id: int, text: str, buttons: list[list[dict]] | None = None) -> Call:
    """editMessageText: the message says what was chosen; its buttons go (or change)."""
    markup = {"inline_keyboard": buttons or []}
    payload = {"chat_id": chat_id, "message_id": message_id, "text": text, "reply_markup": markup}
    return Call("editMessageText", payload)


def answer(callback_query_id: str, text: str | None = None) -> Call:
    """answerCallbackQuery: stops the button's spinner, with a short note when `text`."""
    return Call("answerCallbackQuery", {"callback_query_id": callback_query_id, "text": text})


def button(text: str, data: str) -> dict:
    """An inline button whose press comes back as a callback query carrying `data` (<= 64 bytes)."""
    return {"text": text, "callback_data": data}


def url_button(text: str, url: str) -> dict:
    return {"text": text, "url": url}
