"""A fake Telegram Bot API: a small real HTTP server in a thread, on a free local port, speaking
the real JSON protocol (POST /bot<token>/<method>, answers {"ok": true, "result": ...}) for
getMe, sendMessage (with reply_markup), editMessageText, answerCallbackQuery, setWebhook,
deleteWebhook and getUpdates. It records every call, so a test (or a browser test) reads what a
young person's phone would show, and `press(...)` makes the callback query her tap would send.

    with FakeTelegram() as telegram:
        app.config.update(telegram.config())
        ...
        [digest, first, *_] = telegram.messages_to(chat_id)
        update = telegram.press(first, "Not for me")
"""

from __future__ import annotations

import itertools
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "123456:TEST-token"
BOT_USERNAME = "phlov_test_bot"


class FakeTelegram:
    def __init__(self, token: str = TOKEN, username: str = BOT_USERNAME):
        self.token, self.username = token, username
        self.calls: list[tuple[str, dict]] = []  # (method, payload) in the order received
        self.failures: list[tuple[int, str]] = []  # answers to give instead of the next calls
        self.pending_updates: list[dict] = []  # what getUpdates hands out
        self.webhook: dict | None = None
        self._message_ids = itertools.count(1)
        self._update_ids = itertools.count(1000)
        self._callback_ids = itertools.count(1)
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # --- running ------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def config(self) -> dict:
        """The settings that point the portal at this server."""
        return {"TELEGRAM_BOT_TOKEN": self.token, "TELEGRAM_API_URL": self.url}

    def __enter__(self) -> FakeTelegram:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, count: int = 1, status: int = 502, description: str = "Bad Gateway"):
        """The next `count` calls are answered with an error (as Telegram does when down)."""
        self.failures.extend([(status, description)] * count)

    # --- reading what was sent ----------------------------------------------------------------

    def sent(self, method: str) -> list[dict]:
        return [payload for name, payload in self.calls if name == method]

    def messages_to(self, chat_id: int) -> list[dict]:
        """sendMessage payloads to `chat_id`, oldest first."""
        return [m for m in self.sent("sendMessage") if str(m.get("chat_id")) == str(chat_id)]

    @staticmethod
    def buttons(message: dict) -> list[dict]:
        markup = message.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]

    @classmethod
    def button(cls, message: dict, text: str) -> dict:
        [found] = [b for b in cls.buttons(message) if b["text"] == text]
        return found

    # --- what her phone sends -----------------------------------------------------------------

    def update_id(self) -> int:
        return next(self._update_ids)

    def text_update(self, chat_id: int, text: str, language: str = "en", username="sokha"):
        """The update Telegram sends when she writes `text` to the bot."""
        person = {"id": chat_id, "is_bot": False, "first_name": "Sokha", "username": username}
        return {
            "update_id": self.update_id(),
            "message": {
                "message_id": next(self._message_ids),
                "from": {**person, "language_code": language},
                "chat": {"id": chat_id, "type": "private", "first_name": "Sokha"},
                "date": 1765000000,
                "text": text,
            },
        }

    def press(self, message: dict, text: str) -> dict:
        """The callback query update of her tap on the button labelled `text` of `message`."""
        chat_id = int(message["chat_id"])
        return {
            "update_id": self.update_id(),
            "callback_query": {
                "id": str(next(self._callback_ids)),
                "from": {"id": chat_id, "is_bot": False, "first_name": "Sokha"},
                "chat_instance": "42",
                "message": {
                    "message_id": message["message_id"],
                    "chat": {"id": chat_id, "type": "private"},
                    "date": 1765000000,
                    "text": message["text"],
                },
                "data": self.button(message, text)["callback_data"],
            },
        }

    # --- the server ---------------------------------------------------------------------------

    def _answer(self, method: str, payload: dict) -> tuple[int, dict]:
        with self._lock:
            self.calls.append((method, payload))
            if self.failures:
                status, description = self.failures.pop(0)
                return status, {"ok": False, "error_code": status, "description": description}
            return self._result(method, payload)

    def _result(self, method: str, payload: dict) -> tuple[int, dict]:
        if method == "getMe":
            me = {"id": 123456, "is_bot": True, "first_name": "Phlov", "username": self.username}
            return 200, {"ok": True, "result": me}
        if method in ("sendMessage", "editMessageText"):
            if not payload.get("chat_id") or not payload.get("text"):
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request"}
            if method == "sendMessage":
                payload["message_id"] = next(self._message_ids)
            result = {
                "message_id": payload.get("message_id"),
                "chat": {"id": int(payload["chat_id"]), "type": "private"},
                "date": 1765000000,
                "text": payload["text"],
            }
            if payload.get("reply_markup"):
                result["reply_markup"] = payload["reply_markup"]
            return 200, {"ok": True, "result": result}
        if method in ("answerCallbackQuery", "deleteWebhook"):
            return 200, {"ok": True, "result": True}
        if method == "setWebhook":
            self.webhook = payload
            return 200, {"ok": True, "result": True, "description": "Webhook was set"}
        if method == "getUpdates":
            offset = payload.get("offset") or 0
            self.pending_updates = [u for u in self.pending_updates if u["update_id"] >= offset]
            return 200, {"ok": True, "result": list(self.pending_updates)}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                token, _, method = self.path.removeprefix("/bot").partition("/")
                if token != fake.token:
                    status, answer = (
                        401,
                        {"ok": False, "error_code": 401, "description": "Unauthorized"},
                    )
                else:
                    try:
                        payload = json.loads(body or b"{}")
                    except ValueError:
                        payload = None
                    if not isinstance(payload, dict):
                        status, answer = (
                            400,
                            {"ok": False, "error_code": 400, "description": "Bad Request"},
                        )
                    else:
                        status, answer = fake._answer(method, payload)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # quiet
                pass

        return Handler
