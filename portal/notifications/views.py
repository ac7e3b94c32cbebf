"""A user's notifications: the list, reading them, and which ones they want by which channel."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from portal.auth.models import Role
from portal.auth.permissions import role_required
from portal.extensions import db
from portal.i18n import current_language
from portal.jobs.listing import paginate
from portal.notifications.models import PRIVATE_KINDS, Notification
from portal.notifications.services import (
    channels_for,
    mark_all_read,
    mark_read,
    reachable_channels,
    save_settings,
    unread_count,
)
from portal.notifications.settings import CHANNEL_LABELS, kinds_for
from portal.notifications.texts import KIND_LABELS, describe
from portal.web import safe_next

bp = Blueprint("notifications", __name__)

logged_in = role_required(*Role)


@bp.app_context_processor
def nav_count() -> dict:
    """The unread count in the nav: one query, only on pages that show it."""

    def unread_notifications() -> int:
        return unread_count(current_user) if current_user.is_authenticated else 0

    return {"unread_notifications": unread_notifications}


def get_notification_or_404(notification_id, for_user) -> Notification:
    """The user's own notification; anyone else's (or none) is 404."""
    notification = db.session.get(Notification, notification_id) if notification_id else None
    if notification is None or notification.user_id != for_user.id:
        abort(404)
    return notification


@bp.route("/notifications")
@logged_in
def index():
    query = (
        select(Notification)
        .where(Notification.user_id == current_user.id, Notification.kind.not_in(PRIVATE_KINDS))
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    page = paginate(query)
    locale = current_language()
    items = [(n, describe(n, locale)) for n in page.items]
    return render_template("notifications/index.html", page=page, items=items, form=FlaskForm())


@bp.route("/notifications/open", methods=["POST"])
@logged_in
def open_one():
    notification = get_notification_or_404(request.form.get("id", type=int), current_user)
    mark_read(notification)
    db.session.commit()
    return redirect(safe_next(notification.link, url_for(".index")))


@bp.route("/notifications/read-all", methods=["POST"])
@logged_in
def read_all():
    mark_all_read(current_user)
    db.session.commit()
    flash(_("All your notifications are marked read."), "success")
    return redirect(url_for(".index"))


@bp.route("/me/notifications", methods=["GET", "POST"])
@logged_in
def settings():
    kinds = kinds_for(current_user)
    channels = reachable_channels(current_user)
    form = FlaskForm()
    if form.validate_on_submit():
        save_settings(current_user, {k: request.form.getlist(str(k)) for k in kinds})
        db.session.commit()
        flash(_("Your choices are saved."), "success")
        return redirect(url_for(".settings"))
    chosen = {kind: channels_for(current_user, kind) for kind in kinds}
    return render_template(
        "notifications/settings.html",
        form=form,
        kinds=kinds,
        channels=channels,
        chosen=chosen,
        kind_labels=KIND_LABELS,
        channel_labels=CHANNEL_LABELS,
    )
