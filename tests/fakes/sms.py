"""A fake SMS gateway for tests: a real HTTP server on a free local port, in a thread, that takes
messages the way an HTTP gateway does (GET query, POST form or JSON), records each request,
answers with a message id, can be told to fail or to be slow, and can post a delivery report back
to the portal as a gateway would.

    with FakeSmsGateway() as gateway:
        gateway.url            # http://127.0.0.1:<port>/send
        gateway.fail(503, times=2)
        gateway.messages       # the fields of each request, in order
        gateway.report(url, "fake-1", "DELIVRD")

The `sms_gateway` fixture starts one and points the app's SMS settings at it."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    fields: dict[str, str] = field(default_factory=dict)  # query, form and JSON body merged


class FakeSmsGateway:
    def __init__(self) -> None:
        self.requests: list[Received] = []
        self._failures: deque[tuple[int, str]] = deque()
        self.delay = 0.0  # seconds to wait before answering (a gateway that hangs)
        self._ids = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/send"

    @property
    def messages(self) -> list[dict[str, str]]:
        return [request.fields for request in self.requests]

    def fail(self, status: int = 503, *, times: int = 1, body: str = "busy") -> None:
        """The next `times` requests get `status` (and are recorded all the same)."""
        self._failures.extend([(status, body)] * times)

    def report(self, url: str, message_id: str, status: str, **headers: str) -> httpx.Response:
        """Post a delivery report to the portal, as a gateway calls back."""
        return httpx.post(url, data={"message_id": message_id, "status": status}, headers=headers)

    def __enter__(self) -> FakeSmsGateway:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _answer(self, received: Received) -> tuple[int, dict | str]:
        with self._lock:
            self.requests.append(received)
            if self._failures:
                return self._failures.popleft()
            self._ids += 1
            return 200, {"status": "accepted", "message_id": f"fake-{self._ids}"}

    def _handler(self):
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self._take()

            def do_POST(self):
                self._take()

            def _take(self):
                parts = urlsplit(self.path)
                fields = dict(parse_qsl(parts.query))
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                if "json" in (self.headers.get("Content-Type") or ""):
                    fields.update({k: str(v) for k, v in json.loads(raw or "{}").items()})
                elif raw:
                    fields.update(dict(parse_qsl(raw)))
                received = Received(self.command, parts.path, dict(self.headers.items()), fields)
                time.sleep(gateway.delay)
                status, body = gateway._answer(received)
                payload = json.dumps(body) if isinstance(body, dict) else body
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(payload.encode())

            def log_message(self, *args):  # quiet
                pass

        return Handler


@pytest.fixture
def sms_gateway(app, monkeypatch):
    """A running fake gateway, with the app's SMS settings pointing at it (POST form)."""
    with FakeSmsGateway() as gateway:
        settings = {
            "SMS_GATEWAY_URL": gateway.url,
            "SMS_GATEWAY_METHOD": "POST",
            "SMS_GATEWAY_FORMAT": "form",
            "SMS_GATEWAY_PARAMS": None,
            "SMS_GATEWAY_USER": "phlov",
            "SMS_GATEWAY_PASSWORD": "gateway-pass",
            "SMS_SENDER": "Phlov",
            "SMS_GATEWAY_TIMEOUT": 5,
            "PUBLIC_URL": "https://phlov.example",
        }
        for name, value in settings.items():
            monkeypatch.setitem(app.config, name, value)
        yield gateway
