"""The account's phone page: ask for a code by SMS, type it back, see that the phone is
confirmed. For every role with a phone number on the account."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from portal import phones
from portal.extensions import db, limiter
from portal.notifications.models import Notification
from portal.notifications.outbox import Drained, deliver
from portal.phone_confirmation import services
from portal.phone_confirmation.forms import CodeForm
from portal.recovery.delivery import after_response
from portal.web import render_form

bp = Blueprint("phone_confirmation", __name__, url_prefix="/account/phone")


def _page(form: CodeForm | None = None, error: str | None = None):
    confirmation = services.latest(current_user)
    form = form or CodeForm()
    if error:
        form.code.errors = [*form.code.errors, error]
    return render_form(
        "phone_confirmation/index.html",
        form,
        send_form=FlaskForm(),
        confirmation=confirmation,
        sms_status=services.sms_status(confirmation),
        sms_available=services.sms_available(),
        minutes=current_app.config["PHONE_CODE_MINUTES"],
    )


@bp.route("")
@login_required
def index():
    return _page()


@bp.route("/send", methods=["POST"])
@login_required
@limiter.limit("20 per hour")
def send():
    try:
        confirmation = services.send_code(current_user)
    except services.ConfirmationError as error:
        flash(str(error), "error")
        return redirect(url_for(".index"))
    db.session.commit()
    notification_id = confirmation.notification_id
    after_response(lambda: _send_now(notification_id))
    flash(
        _("We are sending a code to %(phone)s.", phone=phones.display(current_user.phone)),
        "success",
    )
    return redirect(url_for(".index"))


def _send_now(notification_id: int) -> None:
    """The SMS leaves once the page has answered; a failure stays in the outbox's retries."""
    notification = db.session.get(Notification, notification_id)
    drained = Drained()
    for copy in notification.deliveries if notification else ():
        deliver(copy, drained)


@bp.route("/confirm", methods=["POST"])
@login_required
@limiter.limit("30 per hour")
def confirm():
    form = CodeForm()
    if not form.validate_on_submit():
        return _page(form)
    try:
        services.confirm(current_user, form.code.data)
    except services.ConfirmationError as error:
        db.session.commit()  # a wrong try counts
        return _page(form, str(error))
    db.session.commit()
    flash(_("Your phone number is confirmed."), "success")
    return redirect(url_for("account.index"))
