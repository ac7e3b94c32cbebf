"""Two-factor pages: the code after the password, setting it up (QR code, secret as text,
recovery codes shown once), an admin's reset, and the rule that staff set it up first."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from portal.audit import AuditAction, record
from portal.auth.permissions import admin_required, staff_required
from portal.auth.sessions import start_session
from portal.auth.views import home_for
from portal.centers.access import get_staff_or_404
from portal.extensions import db, limiter
from portal.two_factor.forms import CodeForm, ConfirmForm
from portal.two_factor.login import PENDING, pending_key, pending_login
from portal.two_factor.services import (
    check_second_step,
    enable,
    has_two_factor,
    log_event,
    new_secret,
    provisioning_uri,
    qr_svg,
    reset,
    user_ids_with_two_factor,
)
from portal.web import no_store, render_form, safe_next

bp = Blueprint("two_factor", __name__)
SETUP_SECRET = "two_factor_setup_secret"
# What a staff member without two-factor may still open when it is required.
OPEN_WHILE_REQUIRED = frozenset(
    {"two_factor.setup", "two_factor.qr", "auth.logout", "main.set_language", "static"}
)


bp.after_request(no_store)  # these pages carry one-time secrets


@bp.before_app_request
def _require_two_factor():
    """With TWO_FACTOR_REQUIRED, staff without two-factor go to set it up, whatever they open."""
    if not current_app.config.get("TWO_FACTOR_REQUIRED"):
        return None
    if request.endpoint in OPEN_WHILE_REQUIRED or request.endpoint is None:
        return None  # (no endpoint: a 404 answers as it is)
    if request.blueprint == "api":
        return None
    if not (current_user.is_authenticated and current_user.is_staff):
        return None
    if has_two_factor(current_user):
        return None
    flash(_("Set up two-factor login first: staff accounts need it."), "info")
    return redirect(url_for("two_factor.setup"))


@bp.app_template_global()
def staff_with_two_factor() -> set[int]:
    return user_ids_with_two_factor()


@bp.route("/login/two-factor", methods=["GET", "POST"])
@limiter.limit("5 per 5 minutes", key_func=pending_key, methods=["POST"])
@limiter.limit("30 per hour", methods=["POST"])
def verify():
    pending = pending_login()
    if pending is None:
        flash(_("Please log in again."), "info")
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        if check_second_step(pending.user, form.code.data):
            session.pop(PENDING, None)
            start_session(pending.user, remember=pending.remember)
            db.session.commit()
            return redirect(safe_next(pending.next_url) or home_for(pending.user))
        log_event("two_factor_failed", pending.user)
        record(AuditAction.LOGIN_FAILED, actor=None, subject=pending.user, detail={"step": "code"})
        db.session.commit()
        form.code.errors.append(_("This code is wrong or was already used."))
    return render_form("two_factor/verify.html", form)


@bp.route("/account/two-factor", methods=["GET", "POST"])
@staff_required
def setup():
    secret = session.get(SETUP_SECRET) or new_secret()
    session[SETUP_SECRET] = secret  # kept until confirmed: the QR code and the text agree
    form = ConfirmForm()
    if form.validate_on_submit():
        codes = enable(current_user, secret, form.code.data)
        if codes is not None:
            session.pop(SETUP_SECRET, None)
            db.session.commit()
            return render_template("two_factor/recovery_codes.html", codes=codes)
        form.code.errors.append(_("This is not the code your app shows now. Try the next one."))
    return render_form(
        "two_factor/setup.html", form, secret=secret, enabled=has_two_factor(current_user)
    )


@bp.route("/account/two-factor/qr.svg")
@staff_required
def qr():
    secret = session.get(SETUP_SECRET)
    if not secret:
        abort(404)
    return Response(qr_svg(provisioning_uri(current_user, secret)), mimetype="image/svg+xml")


@bp.route("/admin/staff/<int:user_id>/two-factor/reset", methods=["POST"])
@admin_required
def admin_reset(user_id: int):
    user = get_staff_or_404(user_id, for_user=current_user)
    reset(user, by=current_user)
    db.session.commit()
    flash(
        _(
            "Two-factor login of %(name)s is off: they set it up again at their next login.",
            name=user.display_name or user.login_name,
        ),
        "success",
    )
    return redirect(url_for("admin.staff"))
