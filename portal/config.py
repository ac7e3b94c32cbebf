"""Configuration read from the environment, with defaults that work on a laptop."""

from __future__ import annotations

import json
import os
import re
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit


class ConfigError(RuntimeError):
    """The portal cannot start with this configuration."""


def _secret_key(instance_path: Path, production: bool) -> str:
    """SECRET_KEY from the environment; in development, one generated once and kept on disk."""
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    if production:
        raise ConfigError("SECRET_KEY must be set when PORTAL_ENV=production.")
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _whole_number(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < minimum:
        raise ConfigError(f"{name} must be a whole number of at least {minimum}, not {raw!r}.")
    return int(raw)


def _public_url(production: bool) -> str | None:
    """PUBLIC_URL ("https://phlov.org"): e-mail and printed links are built from it, so
    production refuses to start without a real one."""
    url = os.environ.get("PUBLIC_URL", "").strip().rstrip("/")
    if not url:
        if production:
            raise ConfigError(
                "PUBLIC_URL must be set when PORTAL_ENV=production "
                "(the address people type, e.g. https://phlov.org)."
            )
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"PUBLIC_URL must be an address like https://phlov.org, not {url!r}.")
    return url


SEARCH_BACKENDS = ("whoosh", "postgres")


def _search_backend() -> str:
    backend = os.environ.get("SEARCH_BACKEND", "").strip().lower() or "whoosh"
    if backend not in SEARCH_BACKENDS:
        raise ConfigError(f"SEARCH_BACKEND must be whoosh or postgres, not {backend!r}.")
    return backend


def _flag(name: str, *, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    return raw not in ("0", "false", "no", "off")


def load_config(instance_path: str) -> dict:
    """Build the settings dict for `create_app` from the environment."""
    instance = Path(instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    production = os.environ.get("PORTAL_ENV", "development") == "production"
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance / 'portal.db'}"
    # Heroku-style URLs name the dialect "postgres", which SQLAlchemy 2 no longer accepts.
    if database_url.startswith("postgres://"):
        database_url = "postgresql://" + database_url[len("postgres://") :]
    return {
        "PORTAL_ENV": "production" if production else "development",
        "SECRET_KEY": _secret_key(instance, production),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SEARCH_INDEX_DIR": os.environ.get("SEARCH_INDEX_DIR") or str(instance / "search-index"),
        # Seconds a write waits for another's turn (SQLite's busy timeout; on PostgreSQL, an
        # import batch waiting for another import's): longer than one import batch takes.
        "DB_BUSY_TIMEOUT": _whole_number("DB_BUSY_TIMEOUT", 30),
        # Rows an import commits at a time (`flask openings import`, `flask youth import`).
        "IMPORT_BATCH_SIZE": _whole_number("IMPORT_BATCH_SIZE", 200),
        # "whoosh": an index directory on this host's disk (a center's laptop); "postgres": the
        # documents in the PostgreSQL database itself, shared by every app server.
        "SEARCH_BACKEND": _search_backend(),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_SECURE": production,
        "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
        "BABEL_DEFAULT_LOCALE": "en",  # command-line output
        "DEFAULT_LANGUAGE": os.environ.get("DEFAULT_LANGUAGE", "km"),  # web visitors
        "LANGUAGES": ["km", "en"],
        "PER_PAGE": 20,
        # Riel per dollar, for the approximate amounts shown beside salaries ("≈ 820,000៛").
        "KHR_PER_USD": _whole_number("KHR_PER_USD", 4100),
        # Where rate-limit counts live: memory (one process) by default, "redis://host:6379/0"
        # to share them between gunicorn workers and app servers.
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI") or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        # How long the audit trail keeps its records, in days.
        "AUDIT_RETENTION_DAYS": _whole_number("AUDIT_RETENTION_DAYS", 5 * 365),
        # The address people type, for links printed on paper (QR codes): "https://phlov.org".
        # Unset (development only): the address the request came to.
        "PUBLIC_URL": _public_url(production),
        # How many reverse proxies stand in front (nginx: 1). Their X-Forwarded-For/-Proto/-Host
        # are believed (werkzeug's ProxyFix), so rate limits see the visitor's address.
        "TRUSTED_PROXIES": _whole_number("TRUSTED_PROXIES", 0, minimum=0),
        # "json" (one JSON object a line, for a log collector) or "text" (for a person).
        "LOG_FORMAT": log_format(),
        # Counselors and admins must log in with a second step (TOTP): on in production, off in
        # development so the demo logins work. TWO_FACTOR_REQUIRED=0/1 decides either way.
        "TWO_FACTOR_REQUIRED": _flag("TWO_FACTOR_REQUIRED", default=production),
        # The Noto Sans and Noto Sans Khmer TTFs the CV's PDF is written with (portal/cv/pdf.py;
        # Debian's fonts-noto-core).
        "CV_FONT_DIR": os.environ.get("CV_FONT_DIR") or "/usr/share/fonts/truetype/noto",
        **_mail_settings(),
        **_login_settings(),
        **_report_settings(),
        **_sms_settings(),
        **_telegram_settings(),
    }


def _telegram_settings() -> dict:
    """The Telegram bot (portal/telegram): no token, no Telegram (nothing is offered or sent)."""
    env = os.environ.get
    secret = (env("TELEGRAM_WEBHOOK_SECRET") or "").strip() or None
    # Telegram sends it back in X-Telegram-Bot-Api-Secret-Token: 1-256 of A-Z a-z 0-9 _ -.
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET must be 16-256 letters, digits, _ or -.")
    return {
        "TELEGRAM_BOT_TOKEN": (env("TELEGRAM_BOT_TOKEN") or "").strip() or None,
        "TELEGRAM_API_URL": (env("TELEGRAM_API_URL") or "").strip() or "https://api.telegram.org",
        "TELEGRAM_BOT_USERNAME": (env("TELEGRAM_BOT_USERNAME") or "").strip().lstrip("@") or None,
        "TELEGRAM_WEBHOOK_SECRET": secret,
        "TELEGRAM_WEBHOOK_RATE_LIMIT": env("TELEGRAM_WEBHOOK_RATE_LIMIT") or "600 per minute",
    }


def _report_settings() -> dict:
    """Visitors' reports of bad postings (portal/safety/trust.py, reports.py, bursts.py)."""
    return {
        # Trusted reporters on different addresses that hide an opening until a counselor checks.
        "REPORT_HIDE_AFTER": _whole_number("REPORT_HIDE_AFTER", 3),
        # How many new or unconfirmed accounts, or visitors not logged in, count as one trusted.
        "REPORT_NEW_ACCOUNTS_PER_TRUSTED": _whole_number("REPORT_NEW_ACCOUNTS_PER_TRUSTED", 2),
        "REPORT_VISITORS_PER_TRUSTED": _whole_number("REPORT_VISITORS_PER_TRUSTED", 3),
        # An account is new for this many hours; with nothing confirming it, for this many days.
        "REPORT_NEW_ACCOUNT_HOURS": _whole_number("REPORT_NEW_ACCOUNT_HOURS", 24),
        "REPORT_TRUSTED_AFTER_DAYS": _whole_number("REPORT_TRUSTED_AFTER_DAYS", 14),
        # Untrusted reports on this many openings of one organization within the window: its
        # counselors are alerted and those reports no longer hide anything.
        "REPORT_BURST_OPENINGS": _whole_number("REPORT_BURST_OPENINGS", 3),
        "REPORT_BURST_MINUTES": _whole_number("REPORT_BURST_MINUTES", 60),
    }


def _json_object(name: str) -> dict | None:
    """An environment variable holding a JSON object of strings (a request template)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError as error:
        raise ConfigError(f"{name} must be a JSON object: {error}") from error
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ConfigError(f'{name} must be a JSON object of strings, like {{"to": "{{to}}"}}.')
    return value


def _sms_settings() -> dict:
    """SMS through an HTTP gateway (portal/sms): where, how, who pays, and the limits on cost."""
    env = os.environ.get
    method = (env("SMS_GATEWAY_METHOD") or "POST").strip().upper()
    body = (env("SMS_GATEWAY_FORMAT") or "form").strip().lower()
    if method not in ("GET", "POST") or body not in ("form", "json"):
        raise ConfigError(
            "SMS_GATEWAY_METHOD must be GET or POST; SMS_GATEWAY_FORMAT form or json."
        )
    return {
        "SMS_GATEWAY_URL": (env("SMS_GATEWAY_URL") or "").strip() or None,
        "SMS_GATEWAY_METHOD": method,
        "SMS_GATEWAY_FORMAT": body,
        # The request's fields, with {to} {to_digits} {text} {sender} {user} {password} {token}
        # {unicode} {segments} filled in (portal/sms/gateway.py); unset: to, text and from.
        "SMS_GATEWAY_PARAMS": _json_object("SMS_GATEWAY_PARAMS"),
        "SMS_GATEWAY_HEADERS": _json_object("SMS_GATEWAY_HEADERS"),
        "SMS_GATEWAY_USER": env("SMS_GATEWAY_USER") or None,
        "SMS_GATEWAY_PASSWORD": env("SMS_GATEWAY_PASSWORD") or None,
        "SMS_GATEWAY_TOKEN": env("SMS_GATEWAY_TOKEN") or None,
        # Where the gateway's answer keeps the message id ("message_id", "data.id").
        "SMS_GATEWAY_ID_FIELD": env("SMS_GATEWAY_ID_FIELD") or None,
        "SMS_GATEWAY_TIMEOUT": _whole_number("SMS_GATEWAY_TIMEOUT", 15),
        "SMS_SENDER": env("SMS_SENDER") or "Phlov",
        # The longest SMS, in parts: Khmer is UCS-2, 70 characters alone or 67 a part.
        "SMS_MAX_SEGMENTS": _whole_number("SMS_MAX_SEGMENTS", 2),
        # Cost caps, in parts a day (Cambodian day): for everyone, and for one person. Codes may
        # use the last SMS_CODE_RESERVE parts of the day; other messages stop before them.
        "SMS_DAILY_LIMIT": _whole_number("SMS_DAILY_LIMIT", 1000),
        "SMS_USER_DAILY_LIMIT": _whole_number("SMS_USER_DAILY_LIMIT", 6),
        "SMS_CODE_RESERVE": _whole_number("SMS_CODE_RESERVE", 50, minimum=0),
        # What is held by a cap goes the next day from this hour (Cambodian time).
        "SMS_RESUME_HOUR": _whole_number("SMS_RESUME_HOUR", 7, minimum=0),
        # The secret in the delivery-report address the gateway calls (unset: no reports taken).
        "SMS_DELIVERY_REPORT_SECRET": env("SMS_DELIVERY_REPORT_SECRET") or None,
        "SMS_REPORT_ID_FIELD": env("SMS_REPORT_ID_FIELD") or None,
        "SMS_REPORT_STATUS_FIELD": env("SMS_REPORT_STATUS_FIELD") or "status",
        # The outbox's back-off for every channel: first wait, doubling up to the longest.
        "NOTIFY_RETRY_SECONDS": _whole_number("NOTIFY_RETRY_SECONDS", 60, minimum=0),
        "NOTIFY_RETRY_MAX_SECONDS": _whole_number("NOTIFY_RETRY_MAX_SECONDS", 6 * 3600),
        "NOTIFY_MAX_ATTEMPTS": _whole_number("NOTIFY_MAX_ATTEMPTS", 5),
        # Phone confirmation codes (portal/phone_confirmation).
        "PHONE_CODE_MINUTES": _whole_number("PHONE_CODE_MINUTES", 15),
        "PHONE_CODES_PER_DAY": _whole_number("PHONE_CODES_PER_DAY", 5),
        "PHONE_CODE_RESEND_SECONDS": _whole_number("PHONE_CODE_RESEND_SECONDS", 60, minimum=0),
    }


def _login_settings() -> dict:
    """Sessions, remember-me cookies, API tokens and the limits that resist guessing."""
    env = os.environ.get
    return {
        "REMEMBER_COOKIE_DURATION": timedelta(days=30),
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        # A login not remembered ends with the browser, and after this many hours at most.
        "SESSION_HOURS": _whole_number("SESSION_HOURS", 12),
        # Counselors and admins are logged out after this long without a page (never remembered).
        "STAFF_IDLE_MINUTES": _whole_number("STAFF_IDLE_MINUTES", 30),
        "API_TOKEN_DAYS": _whole_number("API_TOKEN_DAYS", 90),
        # Failed logins: per account and per address, in a window; then "wait N minutes".
        "LOGIN_FAILURES_PER_ACCOUNT": _whole_number("LOGIN_FAILURES_PER_ACCOUNT", 5),
        "LOGIN_FAILURES_PER_ADDRESS": _whole_number("LOGIN_FAILURES_PER_ADDRESS", 20),
        "LOGIN_FAILURE_WINDOW_SECONDS": 60 * _whole_number("LOGIN_FAILURE_WINDOW_MINUTES", 15),
        # Flask-Limiter strings ("20 per hour"), per visitor's address.
        "SIGNUP_RATE_LIMIT": env("SIGNUP_RATE_LIMIT") or "20 per hour",
        "REPORT_RATE_LIMIT": env("REPORT_RATE_LIMIT") or "10 per hour",
        "SUGGEST_RATE_LIMIT": env("SUGGEST_RATE_LIMIT") or "120 per minute",
        "PUBLIC_API_RATE_LIMIT": env("PUBLIC_API_RATE_LIMIT") or "120 per minute",
    }


def log_format() -> str:
    """LOG_FORMAT, by default JSON lines in production and text elsewhere (gunicorn.conf.py too)."""
    production = os.environ.get("PORTAL_ENV", "development") == "production"
    chosen = os.environ.get("LOG_FORMAT", "").strip().lower() or ("json" if production else "text")
    if chosen not in ("json", "text"):
        raise ConfigError(f"LOG_FORMAT must be json or text, not {chosen!r}.")
    return chosen


def _mail_settings() -> dict:
    """E-mail for notifications: SMTP when MAIL_SERVER is set, else printed by the console."""
    env = os.environ.get
    return {
        "MAIL_SERVER": env("MAIL_SERVER") or None,
        "MAIL_PORT": _whole_number("MAIL_PORT", 587),
        "MAIL_USERNAME": env("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": env("MAIL_PASSWORD") or None,
        "MAIL_FROM": env("MAIL_FROM") or "phlov@localhost",
        "MAIL_USE_TLS": env("MAIL_USE_TLS", "1").strip().lower() not in ("0", "false", "no"),
        "NOTIFY_FALLBACK": env("NOTIFY_FALLBACK") or None,  # "console": print SMS and Telegram
    }
