"""The SMS transport: one HTTP request per message to the gateway, shaped by settings, as
Cambodian gateways take them (a URL, a login or token, a sender id, and their own field names).

SMS_GATEWAY_PARAMS is the request's fields, each a template: {to} (+85512345678), {to_digits}
(85512345678), {text}, {sender}, {user}, {password}, {token}, {unicode} (1 for Khmer, else 0),
{segments}. They go in the query (GET), a form or a JSON body (POST, SMS_GATEWAY_FORMAT).
SMS_GATEWAY_HEADERS takes the same templates. A user and password the templates do not name go as
HTTP Basic; a token they do not name as a Bearer header."""

from __future__ import annotations

import re
from typing import Any

import httpx

from portal.notifications.transports import Hold, PermanentFailure, Sent
from portal.phones import e164
from portal.sms import budget
from portal.sms.compose import compose
from portal.sms.segments import UCS2, count

DEFAULT_PARAMS = {"to": "{to}", "text": "{text}", "from": "{sender}"}
# Answers that say this message can never go (a bad number, refused text); anything else
# (timeouts, 401, 429, 5xx) may pass later and is retried.
PERMANENT_STATUSES = frozenset({400, 404, 410, 413, 422})
ID_FIELDS = ("message_id", "messageId", "msgid", "msg_id", "id")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class GatewayError(RuntimeError):
    """The gateway did not take the message this time."""


class SmsGateway:
    """Sends through the HTTP gateway of SMS_GATEWAY_URL; see the module's docstring."""

    def __init__(self, config: dict):
        self.config = config
        self.params = config.get("SMS_GATEWAY_PARAMS") or DEFAULT_PARAMS
        self.headers = config.get("SMS_GATEWAY_HEADERS") or {}
        self.max_segments = config["SMS_MAX_SEGMENTS"]

    def compose(self, title: str, line: str, url: str | None) -> tuple[str, str]:
        return title, compose(title, line, url, self.max_segments)

    def hold(self, delivery, body: str) -> Hold | None:
        return budget.hold_for(delivery, count(body).segments)

    def send(self, address: str, subject: str, body: str) -> Sent:
        to = e164(address)
        if to is None:
            raise PermanentFailure(f"not a phone number: {address!r}")
        parts = count(body)
        request = self._request(self._values(to, body, parts))
        try:
            with httpx.Client(timeout=self.config["SMS_GATEWAY_TIMEOUT"]) as client:
                response = client.request(**request)
        except httpx.HTTPError as error:
            raise GatewayError(f"{type(error).__name__}: {error}") from error
        if response.status_code in PERMANENT_STATUSES:
            raise PermanentFailure(
                f"gateway refused it: HTTP {response.status_code} {_snippet(response)}"
            )
        if not response.is_success:
            raise GatewayError(f"HTTP {response.status_code} {_snippet(response)}")
        return Sent(provider_message_id=self._message_id(response), segments=parts.segments)

    def _values(self, to: str, body: str, parts) -> dict[str, str]:
        config = self.config
        return {
            "to": to,
            "to_digits": to.lstrip("+"),
            "text": body,
            "sender": config.get("SMS_SENDER") or "",
            "user": config.get("SMS_GATEWAY_USER") or "",
            "password": config.get("SMS_GATEWAY_PASSWORD") or "",
            "token": config.get("SMS_GATEWAY_TOKEN") or "",
            "unicode": "1" if parts.encoding == UCS2 else "0",
            "segments": str(parts.segments),
        }

    def _request(self, values: dict[str, str]) -> dict[str, Any]:
        fields = {name: _fill(template, values) for name, template in self.params.items()}
        headers = {name: _fill(template, values) for name, template in self.headers.items()}
        named = set().union(
            *(_PLACEHOLDER.findall(t) for t in [*self.params.values(), *self.headers.values()])
        )
        request: dict[str, Any] = {
            "method": self.config["SMS_GATEWAY_METHOD"],
            "url": self.config["SMS_GATEWAY_URL"],
        }
        if values["user"] and not {"user", "password"} & named:
            request["auth"] = httpx.BasicAuth(values["user"], values["password"])
        if values["token"] and "token" not in named:
            headers.setdefault("Authorization", f"Bearer {values['token']}")
        if request["method"] == "GET":
            request["params"] = fields
        elif self.config["SMS_GATEWAY_FORMAT"] == "json":
            request["json"] = fields
        else:
            request["data"] = fields
        request["headers"] = headers
        return request

    def _message_id(self, response: httpx.Response) -> str | None:
        """The gateway's id of the message, from its JSON answer (SMS_GATEWAY_ID_FIELD, a dotted
        path, or a usual name at the top or under "data")."""
        try:
            answer = response.json()
        except ValueError:
            return None
        path = self.config.get("SMS_GATEWAY_ID_FIELD")
        found = _dig(answer, path.split(".")) if path else _usual_id(answer)
        return str(found)[:100] if found not in (None, "") else None


def _fill(template: str, values: dict[str, str]) -> str:
    """`template` with each known {name} replaced; other braces are left as they are."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _dig(answer: Any, path: list[str]) -> Any:
    for key in path:
        if isinstance(answer, list) and answer:
            answer = answer[0]
        if not isinstance(answer, dict):
            return None
        answer = answer.get(key)
    return answer


def _usual_id(answer: Any) -> Any:
    for container in (answer, _dig(answer, ["data"])):
        for key in ID_FIELDS:
            found = _dig(container, [key])
            if found not in (None, ""):
                return found
    return None


def _snippet(response: httpx.Response) -> str:
    return response.text[:200].replace("\n", " ")


def make_transport(config: dict):
    """The factory registered for "sms": the gateway when SMS_GATEWAY_URL is set; else the console
    when NOTIFY_FALLBACK=console; else none (copies wait)."""
    if config.get("SMS_GATEWAY_URL"):
        return SmsGateway(config)
    if config.get("NOTIFY_FALLBACK") == "console":
        from portal.notifications.transports import ConsoleTransport

        return ConsoleTransport("sms")
    return None
