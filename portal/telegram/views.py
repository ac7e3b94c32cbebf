"""Connecting Telegram from the notification settings page, and the bot's webhook."""

from __future__ import annotations

import hmac

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from portal.auth.models import Role
from portal.auth.permissions import role_required
from portal.extensions import csrf, db, limiter
from portal.telegram import bot, links
from portal.telegram.api import from_config
from portal.web import no_store

bp = Blueprint("telegram", __name__)

logged_in = role_required(*Role)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@bp.app_context_processor
def telegram_helpers() -> dict:
    def telegram_available() -> bool:
        return bool(current_app.config.get("TELEGRAM_BOT_TOKEN"))

    def telegram_link():
        return links.link_for(current_user) if current_user.is_authenticated else None

    return {"telegram_available": telegram_available, "telegram_link": telegram_link}


@bp.route("/me/telegram/connect", methods=["POST"])
@logged_in
def connect():
    """A new one-time deep link, shown once (a POST: making it writes)."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    username = links.bot_username()
    if username is None:
        flash(_("Telegram is not available right now. Please try again later."), "error")
        return redirect(url_for("notifications.settings"))
    code = links.issue_code(current_user)
    db.session.commit()
    page = render_template("telegram/connect.html", deep_link=links.deep_link(code, username))
    return no_store(current_app.make_response(page))


@bp.route("/me/telegram/unlink", methods=["POST"])
@logged_in
def unlink():
    if not FlaskForm().validate_on_submit():
        abort(400)
    if links.unlink(current_user):
        db.session.commit()
        flash(_("Telegram is disconnected. Nothing more is sent there."), "success")
    return redirect(url_for("notifications.settings"))


def webhook_limit() -> str:
    return current_app.config["TELEGRAM_WEBHOOK_RATE_LIMIT"]


@bp.route("/telegram/webhook", methods=["POST"])
@csrf.exempt  # Telegram's servers post here; the secret-token header is the check
@limiter.limit(webhook_limit)
def webhook():
    """An update from Telegram: refused (403, nothing done) without the right secret header."""
    expected = current_app.config.get("TELEGRAM_WEBHOOK_SECRET") or ""
    given = request.headers.get(SECRET_HEADER, "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        abort(403)
    update = request.get_json(silent=True)
    if not isinstance(update, dict):
        abort(400)
    calls = bot.receive(update)
    db.session.commit()
    api = from_config(current_app.config)
    if api is not None:
        bot.send(api, calls)
    return {"ok": True}
