"""Logging, set up in one place: one line per event, JSON lines in production, text for a person.

Every line carries the request's id (a sane incoming X-Request-ID, else a new one; echoed back
as a response header) and the logged-in user's id; fields a caller passes with `extra={...}`
are written too: `log.warning("login_failed", extra={"event": "login_failed", "user_id": 3})`.
Each request also writes one line of its own (method, path without the query, status, time).

`Scrub` guarantees that no password, token, code or phone number is written, whoever logs:
fields named so are dropped, `token=...` pairs and phone-like digit runs are masked, in the
message, the fields and tracebacks. gunicorn.conf.py uses the same `dict_config()`, so the
server's own lines go through the same handler.

JSON is made here (a dozen lines) rather than with python-json-logger: the text format needs
the same "which fields did the caller add" step, so one function serves both, with no dependency.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from flask import Flask, Response, g, has_request_context, request

request_log = logging.getLogger("portal.requests")
# Asked for by browsers and load balancers all the time: their lines only when they fail.
QUIET_ENDPOINTS = frozenset({"static", "serving.favicon", "serving.healthz"})

HANDLER_NAME = "phlov"
# An id from a proxy or a client (a UUID, nginx's $request_id): short, no spaces, no markup.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,64}")
# Field names whose values are never written: containing one of these...
SECRET_PARTS = ("password", "passwd", "token", "secret", "phone", "cookie", "authorization")
# ...or having one of these as a word of the name (`reset_code`, not `encoder`).
SECRET_WORDS = frozenset({"code", "otp", "pin", "pwd", "session", "csrf"})
MASK = "***"
# 8 or more digits (Khmer digits too: \d), single separators between them: 012 345 678,
# +855-12-345-678, ០១២៣៤៥៦៧៨. Not inside a word (hexadecimal ids stay whole).
PHONE_LIKE = re.compile(r"(?<![\w+])\+?\d(?:[ .()/-]?\d){7,}(?!\w)")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # a date is not a phone number
IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")  # nor is an address (rate limits, reports)
SECRET_PAIR = re.compile(
    r"(?i)\b([\w-]*(?:password|passwd|token|secret|code|otp)[\w-]*)"
    r"(\"?\s*[=:]\s*)(\"[^\"]*\"|'[^']*'|[^\s&,;\"']+)"
)
_RECORD_FIELDS = frozenset(vars(logging.makeLogRecord({}))) | {
    "message",
    "asctime",
    "taskName",
    "request_id",
    "user_id",
}


def init_app(app: Flask) -> None:
    """Configure logging (once per process) and give each request its id and its own line."""
    configure(app.config.get("LOG_FORMAT", "text"))
    app.before_request(_start_request)
    app.after_request(_finish_request)


def configure(log_format: str = "text") -> None:
    """Send every logger's lines through the portal's handler, unless gunicorn already did.

    The handler is added beside any other (a test's capture), not in place of them."""
    root = logging.getLogger()
    if any(handler.name == HANDLER_NAME for handler in root.handlers):
        return
    settings = dict_config(log_format)
    root.addHandler(make_handler(log_format))
    root.setLevel(settings["root"]["level"])
    for name, logger in settings["loggers"].items():
        logging.getLogger(name).setLevel(logger["level"])


def dict_config(log_format: str = "text", level: str = "INFO") -> dict:
    """The logging configuration of the portal and of gunicorn (gunicorn.conf.py)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {
            HANDLER_NAME: {"()": make_handler, "log_format": log_format},
        },
        "root": {"level": level, "handlers": [HANDLER_NAME]},
        "loggers": {
            "gunicorn.error": {"level": level, "handlers": [], "propagate": True},
            # Each request is written by the portal (`_finish_request`), with its id and user:
            # the servers' own access lines would repeat it, query string included.
            "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
            "werkzeug": {"level": "WARNING"},
        },
    }


def make_handler(log_format: str = "text", stream=None) -> logging.Handler:
    """A handler that adds the request's id and user, scrubs secrets, and writes one line."""
    handler = logging.StreamHandler(stream)
    handler.name = HANDLER_NAME
    handler.addFilter(RequestContext())
    handler.addFilter(Scrub())
    handler.setFormatter(JsonLines() if log_format == "json" else TextLines())
    return handler


# --- what each line carries ----------------------------------------------------------------------


def _start_request() -> None:
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish_request(response: Response) -> Response:
    response.headers["X-Request-ID"] = current_request_id() or ""
    started = g.get("request_started")
    took = round((time.perf_counter() - started) * 1000, 1) if started else None
    fields = {
        "event": "request",
        "method": request.method,
        "path": request.path,  # never the query string: it may hold a search for a phone number
        "status": response.status_code,
        "ms": took,
        "ip": request.remote_addr,
    }
    quiet = request.endpoint in QUIET_ENDPOINTS and response.status_code < 400
    level = logging.DEBUG if quiet else logging.INFO
    request_log.log(
        level, "%s %s %s", request.method, request.path, response.status_code, extra=fields
    )
    return response


def current_request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


def _current_user_id() -> int | None:
    """The logged-in user's id, if this request already loaded the user (never a query here)."""
    if not has_request_context():
        return None
    # Flask-Login's loaded user, else the staff API's token holder (portal/api/auth.py)
    for user in (g.get("_login_user"), g.get("api_user")):
        if getattr(user, "is_authenticated", False):
            return getattr(user, "id", None)
    return None


class RequestContext(logging.Filter):
    """Adds `request_id` and `user_id` to every record (a caller's own user_id wins)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = current_request_id()
        if getattr(record, "user_id", None) is None:
            record.user_id = _current_user_id()
        return True


# --- never a secret ------------------------------------------------------------------------------


class Scrub(logging.Filter):
    """Drops secret fields and masks secrets in the message, the fields and the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = scrub_text(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub_text(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub_text(record.stack_info)
        for name in list(vars(record)):
            if name in _RECORD_FIELDS:
                continue
            if is_secret_name(name):
                delattr(record, name)
            else:
                setattr(record, name, scrub_value(getattr(record, name)))
        return True


def is_secret_name(name: str) -> bool:
    lowered = name.lower()
    if any(part in lowered for part in SECRET_PARTS):
        return True
    return bool(SECRET_WORDS & set(re.split(r"[^a-z]+", lowered)))


def scrub_text(text: str) -> str:
    """The text with `password=...`-style values and phone-like numbers masked."""
    text = SECRET_PAIR.sub(lambda m: m.group(1) + m.group(2) + MASK, text)
    return PHONE_LIKE.sub(_mask_phone, text)


def _mask_phone(match: re.Match) -> str:
    found = match.group()
    if IPV4.fullmatch(found):
        return found
    if ISO_DATE.match(found):  # "2026-12-07 10" is a date and an hour
        return found[:10] + PHONE_LIKE.sub(_mask_phone, found[10:])
    return MASK


def scrub_value(value):
    """A field's value with its secrets masked (lists and dicts too)."""
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return MASK if PHONE_LIKE.fullmatch(str(value)) else value
    if isinstance(value, dict):
        return {k: scrub_value(v) for k, v in value.items() if not is_secret_name(str(k))}
    if isinstance(value, list | tuple | set):
        return [scrub_value(item) for item in value]
    return value


# --- the line ------------------------------------------------------------------------------------


def _fields(record: logging.LogRecord) -> dict:
    """What the caller added with `extra={...}`."""
    return {k: v for k, v in vars(record).items() if k not in _RECORD_FIELDS}


def _time(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class JsonLines(logging.Formatter):
    """One JSON object a line: what a log collector reads."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": _time(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "user_id": getattr(record, "user_id", None),
            **_fields(record),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        return json.dumps(line, ensure_ascii=False, default=str)


class TextLines(logging.Formatter):
    """`time LEVEL logger [request user] message key=value ...`: what a person reads."""

    def format(self, record: logging.LogRecord) -> str:
        request_id = getattr(record, "request_id", None) or "-"
        who = f"[{request_id} user={getattr(record, 'user_id', None) or '-'}]"
        extra = " ".join(f"{k}={v}" for k, v in _fields(record).items())
        line = f"{_time(record)} {record.levelname} {record.name} {who} {record.getMessage()}"
        line = f"{line} {extra}" if extra else line
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        return f"{line}\n{record.exc_text}" if record.exc_text else line
