"""The account's security pages, for every role: change the password, see where one is logged
in and log out there, and (staff) one's API tokens. Also the app-wide guards of sessions: staff
logins end after an idle time, and a rate limit answers with a readable page or JSON."""

from __future__ import annotations

import time

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user, login_required

from portal.audit import AuditAction, record
from portal.auth import sessions as login_sessions
from portal.auth.forms import ChangePasswordForm
from portal.auth.login import failed, password_matches
from portal.auth.models import ApiToken
from portal.auth.permissions import staff_required
from portal.auth.sessions import (
    ACTIVE_KEY,
    current_login,
    end_all_sessions,
    end_other_sessions,
    end_this_session,
    epoch,
    live_sessions,
    renew_session,
)
from portal.auth.throttle import account_key, count_failure, minutes, seconds_to_wait
from portal.auth.tokens import expires_at, revoke_token, tokens_of
from portal.extensions import db, limiter
from portal.web import render_form

bp = Blueprint("account", __name__, url_prefix="/account")


@bp.route("")
@login_required
def index():
    return render_template("account/index.html")


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    form = ChangePasswordForm(current_user)
    if form.validate_on_submit():
        account = account_key("", current_user)
        if wait := seconds_to_wait(account, request.remote_addr):
            form.current.errors.append(_too_many(wait))
        elif not password_matches(current_user, form.current.data):
            count_failure(account, request.remote_addr)  # guessing here counts like at login
            failed(account, current_user)
            db.session.commit()
            form.current.errors.append(_("This is not your password now."))
        else:
            _change_password(form.password.data)
            flash(_("Your password is changed. You are logged out everywhere else."), "success")
            return redirect(url_for("account.index"))
    return render_form("account/password.html", form)


def _change_password(new_password: str) -> None:
    user = current_user._get_current_object()
    user.set_password(new_password)
    end_all_sessions(user, reason="password")
    renew_session(user)  # this browser stays logged in, with a fresh token
    record(AuditAction.PASSWORD_CHANGED, subject=user)
    db.session.commit()


@bp.route("/sessions")
@login_required
def sessions():
    current = current_login()
    return render_template(
        "account/sessions.html",
        logins=live_sessions(current_user),
        current_id=current.id if current is not None else None,
    )


@bp.post("/sessions/others")
@login_required
def end_others():
    count = end_other_sessions(current_user)
    db.session.commit()
    flash(
        ngettext(
            "You are logged out on %(num)s other device.",
            "You are logged out on %(num)s other devices.",
            count,
        ),
        "success",
    )
    return redirect(url_for("account.sessions"))


@bp.post("/sessions/all")
@login_required
def end_all():
    end_all_sessions(current_user._get_current_object())
    end_this_session()
    db.session.commit()
    flash(_("You are logged out everywhere, on this device too."), "success")
    return redirect(url_for("auth.login"))


@bp.route("/tokens")
@staff_required
def tokens():
    return render_template(
        "account/tokens.html",
        tokens=tokens_of(current_user),
        expires_at=expires_at,
        now=login_sessions.now(),
    )


@bp.post("/tokens/<int:token_id>/revoke")
@staff_required
def revoke(token_id: int):
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != current_user.id:
        abort(404)
    revoke_token(token)
    record(AuditAction.TOKEN_REVOKED, subject=current_user, detail={"token": token.id})
    db.session.commit()
    flash(_("The token is revoked: it opens nothing any more."), "success")
    return redirect(url_for("account.tokens"))


def _too_many(wait_seconds: int) -> str:
    wait = minutes(wait_seconds)
    return ngettext(
        "Too many wrong tries. Wait %(num)s minute, then try again.",
        "Too many wrong tries. Wait %(num)s minutes, then try again.",
        wait,
    )


@bp.before_app_request
def end_idle_staff_login():
    """A counselor's or admin's login ends after STAFF_IDLE_MINUTES without a page."""
    if request.endpoint == "static" or not current_user.is_authenticated:
        return None
    if not current_user.is_staff:
        return None
    moment = epoch(login_sessions.now())  # through the module: tests move its clock
    idle = current_app.config["STAFF_IDLE_MINUTES"]
    seen = session.get(ACTIVE_KEY)
    if seen is not None and moment - seen > idle * 60:
        end_this_session("idle")
        db.session.commit()
        message = ngettext(
            "You were logged out after %(num)s minute without use. Log in again to go on.",
            "You were logged out after %(num)s minutes without use. Log in again to go on.",
            idle,
        )
        flash(message, "info")
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    session[ACTIVE_KEY] = moment
    return None


@bp.app_errorhandler(RateLimitExceeded)
def too_many_requests(error: RateLimitExceeded):
    """429: JSON on the API, a page that says how long to wait elsewhere (and Retry-After)."""
    limit = limiter.current_limit
    wait_seconds = max(1, int(limit.reset_at - time.time())) if limit else 60
    message = _too_many_requests(minutes(wait_seconds))
    if request.path.startswith("/api/"):
        response = jsonify(error="too_many_requests", message=message)
    else:
        response = render_template("errors/too_many.html", message=message)
    return response, 429, {"Retry-After": str(wait_seconds)}


def _too_many_requests(wait: int) -> str:
    return ngettext(
        "Too many requests from your connection. Wait %(num)s minute, then try again.",
        "Too many requests from your connection. Wait %(num)s minutes, then try again.",
        wait,
    )
