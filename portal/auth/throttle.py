"""Failed logins, counted per account and per address in the rate limiter's storage (memory,
or Redis shared by every process). Only failures count: a right password never resets them,
and while an account or an address is over its limit even the right password is refused."""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from flask import current_app
from limits import RateLimitItemPerSecond

from portal.auth.models import User
from portal.extensions import limiter


@dataclass(frozen=True)
class Counter:
    namespace: str
    key: str
    setting: str  # the config key of its limit

    def item(self) -> RateLimitItemPerSecond:
        window = current_app.config["LOGIN_FAILURE_WINDOW_SECONDS"]
        return RateLimitItemPerSecond(
            current_app.config[self.setting], window, namespace=self.namespace
        )


def account_key(identifier: str, user: User | None) -> str:
    """The account's id; for an unknown account a short hash of what was typed, so that an
    unknown account is locked out exactly like a real one (and nothing is stored in clear)."""
    if user is not None:
        return f"user:{user.id}"
    typed = (identifier or "").strip().lower()
    return "unknown:" + hashlib.sha256(typed.encode()).hexdigest()[:12]


def counters(account: str, address: str | None) -> tuple[Counter, Counter]:
    return (
        Counter("login-fail-account", account, "LOGIN_FAILURES_PER_ACCOUNT"),
        Counter("login-fail-address", address or "unknown", "LOGIN_FAILURES_PER_ADDRESS"),
    )


def seconds_to_wait(account: str, address: str | None) -> int:
    """0 when a login may be tried; else how long until the account's or address's window ends."""
    strategy = limiter.limiter
    waits = [
        strategy.get_window_stats(c.item(), c.key).reset_time - time.time()
        for c in counters(account, address)
        if not strategy.test(c.item(), c.key)
    ]
    return max(1, math.ceil(max(waits))) if waits else 0


def count_failure(account: str, address: str | None) -> None:
    for counter in counters(account, address):
        limiter.limiter.hit(counter.item(), counter.key)


def minutes(seconds: int) -> int:
    """Whole minutes to tell a person (at least 1)."""
    return max(1, math.ceil(seconds / 60))


# Limits of other forms and endpoints, per visitor's address (settings, read at each request).
def signup_limit() -> str:
    return current_app.config["SIGNUP_RATE_LIMIT"]


def report_limit() -> str:
    return current_app.config["REPORT_RATE_LIMIT"]


def suggest_limit() -> str:
    return current_app.config["SUGGEST_RATE_LIMIT"]


def public_api_limit() -> str:
    return current_app.config["PUBLIC_API_RATE_LIMIT"]
