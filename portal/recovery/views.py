"""Forgot password: ask for a link or a code, use it once, and choose a new password. A
counselor gives a code at the center from the young person's page."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal import phones
from portal.auth.passwords import password_problem
from portal.auth.permissions import staff_required
from portal.centers.models import Center
from portal.extensions import db, limiter
from portal.recovery.delivery import after_response
from portal.recovery.forms import CodeResetForm, ForgotForm, NewPasswordForm
from portal.recovery.hashing import typed_code
from portal.recovery.services import (
    check_code,
    issue_center_code,
    live_link,
    request_recovery,
    reset_password,
    what_we_can_send,
)
from portal.web import no_store, render_form
from portal.youth.access import get_youth_or_404

bp = Blueprint("recovery", __name__)


bp.after_request(no_store)  # these pages carry one-time secrets


def _account_key() -> str:
    """The rate-limit key of the account being asked about, however it was typed."""
    typed = (request.form.get("identifier") or "").strip().lower()
    return "account:" + (phones.normalize(typed) or typed)


def _public_base() -> str:
    return current_app.config.get("PUBLIC_URL") or request.url_root.rstrip("/")


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
@limiter.limit("5 per hour", key_func=_account_key, methods=["POST"])
def forgot():
    form = ForgotForm()
    if form.validate_on_submit():
        identifier, base_url = form.identifier.data.strip(), _public_base()
        after_response(lambda: request_recovery(identifier, base_url=base_url))
        return render_template(
            "recovery/sent.html",
            requested=what_we_can_send(identifier),
            centers=_centers_with_phone(),
        )
    return render_form("recovery/forgot.html", form, centers=_centers_with_phone())


def _centers_with_phone() -> list[Center]:
    return list(
        db.session.scalars(select(Center).where(Center.phone.is_not(None)).order_by(Center.name))
    )


def _refuse_weak(form, **who) -> bool:
    """False (with the reason under the field) when the new password breaks the one rule."""
    problem = password_problem(form.password.data, **who)
    if problem:
        form.password.errors.append(problem)
    return problem is None


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
def reset_with_link(token: str):
    recovery = live_link(token)
    if recovery is None:
        return render_template("recovery/link_dead.html"), 410
    form = NewPasswordForm()
    user = recovery.user
    if form.validate_on_submit() and _refuse_weak(form, phone=user.phone, email=user.email):
        reset_password(recovery, form.password.data)
        db.session.commit()
        return _done()
    return render_form("recovery/new_password.html", form)


@bp.route("/password/code", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
@limiter.limit("10 per hour", key_func=_account_key, methods=["POST"])
def reset_with_code():
    form = CodeResetForm()
    typed = (form.identifier.data or "").strip()
    who = {"phone": phones.normalize(typed)} if "@" not in typed else {"email": typed.lower()}
    if form.validate_on_submit() and _refuse_weak(form, **who):
        recovery = check_code(typed, typed_code(form.code.data))
        if recovery is None:
            db.session.commit()  # the wrong try counts against the code
            form.code.errors.append(
                _("This code is wrong or no longer works. Ask your counselor for a new one.")
            )
        else:
            reset_password(recovery, form.password.data)
            db.session.commit()
            return _done()
    return render_form("recovery/code.html", form)


def _done():
    flash(_("Your new password is saved. Log in with it."), "success")
    return redirect(url_for("auth.login"))


@bp.route("/youth/<int:youth_id>/recovery-code", methods=["POST"])
@staff_required
def issue_code(youth_id: int):
    profile = get_youth_or_404(youth_id, for_user=current_user)
    if profile.user is None or not profile.user.active:
        abort(404)
    code = issue_center_code(profile.user, by=current_user)
    db.session.commit()
    return render_template("recovery/code_issued.html", profile=profile, code=code)
