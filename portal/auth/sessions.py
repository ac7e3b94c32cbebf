"""Logged-in sessions: one LoginSession row per login on a device. The browser's session and
remember-me cookie carry that login's random token (Flask-Login's "alternative token": the
user loader is keyed by it), so ending the row logs that device out, wherever the cookie went."""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app, g, has_request_context, request, session
from flask_login import login_user, logout_user
from sqlalchemy import select, update
from sqlalchemy.orm.attributes import set_committed_value

from portal.audit import AuditAction, record
from portal.auth.devices import device_label
from portal.auth.models import LoginSession, User
from portal.auth.tokens import hash_token
from portal.extensions import db, utcnow

log = logging.getLogger(__name__)
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
TOUCH_EVERY = timedelta(minutes=5)  # last_seen_at is written at most this often
ACTIVE_KEY = "seen"  # session key: when this browser last asked for a page (epoch seconds)
# What a new login keeps of the browser's session: the language chosen, the kiosk's clock.
KEPT_ON_LOGIN = ("lang", "kiosk_seen")


def now() -> datetime:
    """Naive UTC now (tests replace it to move time forward)."""
    return utcnow()


def epoch(moment: datetime) -> float:
    return moment.replace(tzinfo=UTC).timestamp()


def start_session(user: User, *, remember: bool = False) -> None:
    """Log `user` in on this browser (a remembered login when `remember`): a fresh session
    (nothing of the old one but the language kept, so no fixation) and a new login token."""
    previous = current_login()
    if previous is not None:  # a login already on this browser is replaced, not left open
        _end(update(LoginSession).where(LoginSession.id == previous.id), "replaced")
    _open(user, remember=remember)
    user.last_login_at = now()
    if session.get("lang") and not user.locale:  # the language this browser chose, kept
        user.locale = session["lang"]
    record(AuditAction.LOGIN, actor=user, detail={"remembered": bool(remember)})


def _open(user: User, *, remember: bool) -> LoginSession:
    remember = remember and not user.is_staff  # staff logins end after an idle time
    kept = {key: session[key] for key in KEPT_ON_LOGIN if key in session}
    session.clear()
    session.update(kept)
    raw = secrets.token_urlsafe(32)
    moment = now()
    lifetime = (
        current_app.config["REMEMBER_COOKIE_DURATION"]
        if remember
        else timedelta(hours=current_app.config["SESSION_HOURS"])
    )
    row = LoginSession(
        user_id=user.id,
        token_hash=hash_token(raw),
        remembered=remember,
        device=device_label(request.headers.get("User-Agent", "")),
        created_at=moment,
        last_seen_at=moment,
        expires_at=moment + lifetime,
    )
    db.session.add(row)
    db.session.flush()
    user.login_token = raw
    g.login_session = row
    login_user(user, remember=remember)
    remember_cookie = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
    if not remember and remember_cookie in request.cookies:
        session["_remember"] = "clear"  # an older login's cookie goes with the response
    session[ACTIVE_KEY] = epoch(moment)
    return row


def renew_session(user: User) -> None:
    """A new token for this browser's login (after a password change ended all the others)."""
    current = current_login()
    _open(user, remember=current.remembered if current is not None else False)


def current_login() -> LoginSession | None:
    """The LoginSession of this request's user, if logged in."""
    return g.get("login_session") if has_request_context() else None


def user_for_token(token: str) -> User | None:
    """The user loader: the account of a live login whose token is `token`, else None."""
    if not token:
        return None
    row = db.session.scalar(
        select(LoginSession).where(LoginSession.token_hash == hash_token(token))
    )
    if row is None or not _is_live(row):
        return None
    user = row.user
    if not user.active:
        return None
    _touch(row)
    user.login_token = token
    g.login_session = row
    return user


def _is_live(row: LoginSession) -> bool:
    moment = now()
    if row.ended_at is not None or row.expires_at <= moment:
        return False
    if row.user.is_staff:  # a copied cookie of an idle staff login opens nothing either
        idle = timedelta(minutes=current_app.config["STAFF_IDLE_MINUTES"])
        return row.last_seen_at > moment - idle - TOUCH_EVERY
    return True


def _touch(row: LoginSession) -> None:
    """Note that this login was seen, at most every TOUCH_EVERY."""
    moment = now()
    if moment - row.last_seen_at < TOUCH_EVERY:
        return
    _write(update(LoginSession).where(LoginSession.id == row.id).values(last_seen_at=moment))
    set_committed_value(row, "last_seen_at", moment)


def _write(statement) -> None:
    """A GET writes in a short transaction of its own that takes the write lock first, so that
    the page's own reads stay reads; other requests hold SQLite's write lock already and write
    with their own work (the view, or the guard that answers, commits)."""
    if request.method in SAFE_METHODS:
        db.session.commit()  # ends this GET's read transaction (a GET has nothing to save)
        with db.engine.begin() as connection:
            connection.execute(statement)
    else:
        db.session.execute(statement)


def _end(query, reason: str) -> int:
    result = db.session.execute(
        query.where(LoginSession.ended_at.is_(None)).values(ended_at=now(), end_reason=reason)
    )
    db.session.flush()
    return result.rowcount


def end_this_session(reason: str = "logout") -> None:
    """Log this browser out: its login row ends and its cookies are cleared. The caller commits
    (a log-out by a GET, when an idle login ends, is logged but not audited)."""
    current = current_login()
    if current is not None:
        _write(
            update(LoginSession)
            .where(LoginSession.id == current.id, LoginSession.ended_at.is_(None))
            .values(ended_at=now(), end_reason=reason)
        )
        log.info("logout", extra={"event": "logout", "user_id": current.user_id, "reason": reason})
        if request.method not in SAFE_METHODS:
            record(AuditAction.LOGOUT, actor=current.user, detail={"reason": reason})
    logout_user()
    g.pop("login_session", None)


def end_all_sessions(user: User, *, reason: str = "all") -> int:
    """End every session and remember-me cookie of `user`, on every device; how many ended."""
    count = _end(update(LoginSession).where(LoginSession.user_id == user.id), reason)
    record(AuditAction.SESSIONS_ENDED, subject=user, detail={"count": count, "reason": reason})
    return count


def end_other_sessions(user: User) -> int:
    """End every login of `user` but this browser's; how many ended."""
    current = current_login()
    query = update(LoginSession).where(LoginSession.user_id == user.id)
    if current is not None:
        query = query.where(LoginSession.id != current.id)
    count = _end(query, "others")
    record(AuditAction.SESSIONS_ENDED, subject=user, detail={"count": count, "reason": "others"})
    return count


def live_sessions(user: User) -> list[LoginSession]:
    """The logins of `user` that still open something, the most recently seen first."""
    rows = db.session.scalars(
        select(LoginSession)
        .where(
            LoginSession.user_id == user.id,
            LoginSession.ended_at.is_(None),
            LoginSession.expires_at > now(),
        )
        .order_by(LoginSession.last_seen_at.desc())
    )
    return [row for row in rows if _is_live(row)]
