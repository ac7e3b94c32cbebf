"""Job alerts on the web: "alert me about this search", her alert settings and saved searches,
one digest's openings, and the unsubscribe page that needs no login."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from portal.alerts import services
from portal.alerts.forms import AlertSettingsForm
from portal.alerts.models import AlertFrequency
from portal.alerts.run import digest_key
from portal.alerts.tokens import make_token
from portal.auth.permissions import youth_required
from portal.extensions import csrf, db, limiter
from portal.jobs.listing import parse_search_args
from portal.jobs.queries import in_order, published_openings
from portal.notifications.models import Notification, NotificationKind
from portal.notifications.services import mark_read
from portal.web import render_form

bp = Blueprint("alerts", __name__)


@bp.route("/openings/alert", methods=["POST"])
@youth_required
def save_search():
    params = parse_search_args(request.form)
    back = url_for("jobs.index", **params.link_args())
    if params.errors:
        flash(_("Fix the search first, then ask for alerts."), "warning")
        return redirect(back)
    try:
        _search, created = services.save_search(current_user, params)
    except services.AlertError as error:
        flash(str(error), "warning")
        return redirect(back)
    db.session.commit()
    if created:
        flash(_("Saved. We will tell you about new openings for this search."), "success")
    else:
        flash(_("You already get alerts for this search."), "info")
    return redirect(back)


@bp.route("/me/alerts", methods=["GET", "POST"])
@youth_required
def settings():
    setting = services.settings_of(current_user)
    form = AlertSettingsForm(
        data={"frequency": setting.frequency.value, "per_digest": str(setting.per_digest)}
    )
    if form.validate_on_submit():
        try:
            services.choose(
                current_user, AlertFrequency(form.frequency.data), int(form.per_digest.data)
            )
        except services.AlertError as error:
            form.per_digest.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("Your choices are saved."), "success")
            return redirect(url_for(".settings"))
    return render_form(
        "alerts/settings.html",
        form,
        searches=services.searches_of(current_user),
        delete_form=FlaskForm(),
    )


@bp.route("/me/alerts/searches/<int:search_id>/delete", methods=["POST"])
@youth_required
def delete_search(search_id: int):
    search = services.get_search_or_none(search_id, current_user)
    if search is None:
        abort(404)
    if not FlaskForm().validate_on_submit():
        abort(400)
    services.delete_search(search)
    db.session.commit()
    flash(_("Deleted. No more alerts for this search."), "success")
    return redirect(url_for(".settings"))


@bp.route("/me/alerts/<day>")
@youth_required
def digest(day: str):
    """The openings of her digest of `day` (YYYY-MM-DD), in its order (those no longer public
    left out)."""
    try:
        key = digest_key(date.fromisoformat(day))
    except ValueError:
        abort(404)
    notification = db.session.scalar(
        select(Notification).where(
            Notification.user_id == current_user.id,
            Notification.kind == NotificationKind.NEW_SUGGESTIONS,
            Notification.dedupe_key == key,
        )
    )
    if notification is None:
        abort(404)
    ids = [i for i in (notification.params or {}).get("opening_ids", []) if isinstance(i, int)]
    openings = in_order(ids, published_openings())
    mark_read(notification)  # opening the page is reading it, as from the list
    db.session.commit()
    return render_template(
        "alerts/digest.html",
        notification=notification,
        openings=openings,
        gone=len(ids) - len(openings),
        stop_token=make_token(current_user.id),
    )


@bp.route("/alerts/stop/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed token is the proof; mail programs post here with no page (RFC 8058)
@limiter.limit("30 per minute")
def unsubscribe(token: str):
    """One click, no login: the page shows one button; posting stops the alerts it names (a GET
    never writes: link checkers in mail programs open links)."""
    if request.method == "GET":
        named = services.named_by(token)
        if named is None:
            return render_template("alerts/unsubscribe.html", invalid=True), 404
        return render_template("alerts/unsubscribe.html", invalid=False, stopped=named)
    stopped = services.unsubscribe(token)
    if stopped is None:
        return render_template("alerts/unsubscribe.html", invalid=True), 404
    db.session.commit()
    return render_template("alerts/unsubscribed.html", stopped=stopped)
