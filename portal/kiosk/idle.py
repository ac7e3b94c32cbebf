"""Idle logout on a kiosk: the last request's time is kept in the session; a request that comes
after the center's idle minutes logs the user out first, and every kiosk page refreshes itself
(without JavaScript) to a URL that logs out once the idle time has really passed."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import ngettext
from flask_login import current_user

from portal.auth.sessions import end_this_session
from portal.extensions import db
from portal.kiosk.device import kiosk_center
from portal.web import safe_next

LAST_SEEN = "kiosk_seen"  # session key: when this kiosk's user last asked for a page (epoch s)
IDLE_ENDPOINT = "kiosk.idle"
# Requests the browser makes by itself are not activity: the idle check, the favicon, 404s.
_NOT_ACTIVITY = {IDLE_ENDPOINT, "serving.favicon", None}


def clock() -> float:
    """Seconds since the epoch (tests replace it to move time forward)."""
    return time.time()


def end_session() -> None:
    """Log out and forget everything this browser's session held (language included)."""
    end_this_session()
    db.session.commit()
    session.clear()
    if current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies:
        session["_remember"] = "clear"  # Flask-Login deletes the cookie with the response


def idle_seconds_left() -> float | None:
    """Seconds until the kiosk's user is logged out, or None when no kiosk login runs."""
    center = kiosk_center()
    seen = session.get(LAST_SEEN)
    if center is None or seen is None or not current_user.is_authenticated:
        return None
    return center.kiosk_idle_minutes * 60 - (clock() - seen)


def guard_kiosk():
    """before_request: on a kiosk, never load a remembered login, and log out an idle user."""
    if request.endpoint == "static":
        return None  # no session, no database for the CSS and fonts
    center = kiosk_center()
    if center is None:
        return None
    if current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies:
        session["_remember"] = "clear"  # set before Flask-Login reads the cookie
    if not current_user.is_authenticated:
        session.pop(LAST_SEEN, None)
        return None
    left = idle_seconds_left()
    if left is not None and left <= 0:
        minutes = center.kiosk_idle_minutes
        message = ngettext(
            "You were logged out after %(num)s minute without use. Log in again to go on.",
            "You were logged out after %(num)s minutes without use. Log in again to go on.",
            minutes,
        )
        end_session()
        flash(message, "info")
        return redirect(url_for("main.home"))
    if request.endpoint not in _NOT_ACTIVITY or left is None:
        session[LAST_SEEN] = clock()
    return None


@dataclass(frozen=True)
class KioskPage:
    """What base.html needs on a kiosk page: the Done button and the idle refresh."""

    refresh_seconds: int
    idle_url: str


def kiosk_page() -> KioskPage | None:
    """For templates: None outside a kiosk login."""
    left = idle_seconds_left()
    if left is None:
        return None
    if request.endpoint == IDLE_ENDPOINT:
        back = safe_next(request.args.get("next"))
    else:
        back = request.full_path if request.query_string else request.path
        back = back if request.method == "GET" else None
    return KioskPage(
        refresh_seconds=max(math.ceil(left), 1),
        idle_url=url_for(IDLE_ENDPOINT, next=back),
    )
