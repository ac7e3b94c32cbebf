"""Log in, log out, and sign up (youth sign-up lives in portal.youth, employers' here)."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from portal.auth.forms import EmployerSignupForm, LoginForm
from portal.auth.login import attempt_login
from portal.auth.models import Role
from portal.auth.services import AccountError, AccountTaken, taken_message
from portal.auth.sessions import end_this_session, start_session
from portal.auth.throttle import minutes, signup_limit
from portal.extensions import db, limiter
from portal.kiosk.device import kiosk_center
from portal.orgs.services import register_employer
from portal.two_factor.login import ask_for_second_step, needs_second_step
from portal.web import render_form, safe_next
from portal.youth.confirmation import after_login

bp = Blueprint("auth", __name__)


def home_for(user) -> str:
    """Where each role lands after logging in."""
    return {
        Role.YOUTH: url_for("youth.my_profile"),
        Role.EMPLOYER: url_for("orgs.dashboard"),
        Role.COUNSELOR: url_for("caseload.index"),  # follow-ups due, then applications
        Role.ADMIN: url_for("admin.centers"),
    }[user.role]


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    on_kiosk = kiosk_center() is not None
    if on_kiosk:
        del form.remember  # a shared computer never remembers a login, whatever is posted
    if form.validate_on_submit():
        attempt = attempt_login(
            form.identifier.data, form.password.data, address=request.remote_addr
        )
        user = attempt.user
        if attempt.wait_seconds:
            return locked_out(form, attempt.wait_seconds)
        if attempt.failed:
            db.session.commit()  # the audit trail keeps the failure
            form.password.errors.append(_("Wrong phone number, e-mail or password."))
        elif not user.is_active:
            form.identifier.errors.append(_("This account is switched off. Ask your center."))
        elif needs_second_step(user):  # staff with two-factor: not logged in until the code
            remember = not on_kiosk and form.remember.data
            return ask_for_second_step(user, remember=remember, next_url=request.args.get("next"))
        else:
            start_session(user, remember=not on_kiosk and form.remember.data)
            target = after_login(user, safe_next(request.args.get("next")) or home_for(user))
            db.session.commit()
            return redirect(target)
    return render_form("auth/login.html", form)


def locked_out(form: LoginForm, wait_seconds: int):
    """429 with the login page saying how many minutes to wait (and Retry-After in seconds)."""
    wait = minutes(wait_seconds)
    message = ngettext(
        "Too many wrong tries. Wait %(num)s minute, then try again.",
        "Too many wrong tries. Wait %(num)s minutes, then try again.",
        wait,
    )
    page = render_template("auth/login.html", form=form, locked=message)
    return page, 429, {"Retry-After": str(wait_seconds)}


@bp.route("/logout", methods=["POST"])
def logout():
    end_this_session()
    db.session.commit()
    flash(_("You are logged out."), "info")
    return redirect(url_for("main.home"))


@bp.route("/signup/employer", methods=["GET", "POST"])
@limiter.limit(signup_limit, methods=["POST"])
def signup_employer():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = EmployerSignupForm()
    if form.validate_on_submit():
        try:
            user = register_employer(
                organization_name=form.organization_name.data.strip(),
                kind=form.kind.data,
                province_code=form.province.data,
                contact_name=form.contact_name.data.strip(),
                phone=form.phone.data,
                email=form.email.data or None,
                password=form.password.data,
            )
        except AccountError as error:
            db.session.rollback()
            message = taken_message(error.field) if isinstance(error, AccountTaken) else str(error)
            getattr(form, error.field or "phone").errors.append(message)
        else:
            start_session(user)
            db.session.commit()
            flash(
                _(
                    "Welcome! A counselor will check your organization before its openings go public."  # noqa: E501
                ),
                "success",
            )
            return redirect(url_for("orgs.dashboard"))
    return render_form("auth/signup_employer.html", form)
