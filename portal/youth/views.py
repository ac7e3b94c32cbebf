"""Young people: sign-up and own profile; counselors: their center's youth list and profiles."""

from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import audit
from portal.auth.models import Role
from portal.auth.permissions import staff_required, youth_required
from portal.auth.sessions import start_session
from portal.auth.throttle import signup_limit
from portal.auth.views import home_for
from portal.centers.services import center_choices
from portal.extensions import db, limiter
from portal.matching.gaps import explain_gap, gap_courses_for
from portal.matching.reasons import explain
from portal.matching.services import suggestions_for
from portal.placements.services import dismissed_opening_ids
from portal.web import page_number, render_form
from portal.youth.access import get_youth_or_404
from portal.youth.forms import (
    LABELS,
    CenterYouthForm,
    ProfileForm,
    YouthFilterForm,
    YouthSignupForm,
)
from portal.youth.queries import gender_counts, search_youth
from portal.youth.services import (
    ProfileError,
    register_youth,
    sign_up_youth,
    start_own_profile,
    update_profile,
)

bp = Blueprint("youth", __name__)


@bp.context_processor
def labels() -> dict:
    return {"labels": LABELS}


def _refuse(form, error: ProfileError) -> None:
    """Nothing is kept of a refused save; the message goes next to the field it is about."""
    db.session.rollback()
    getattr(form, error.field).errors.append(str(error))


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit(signup_limit, methods=["POST"])
def signup():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = YouthSignupForm()
    if form.validate_on_submit():
        try:
            user = sign_up_youth(
                email=form.email.data or None,
                password=form.password.data,
                consent=form.consent.data,
                locale=session.get("lang"),
                **form.account_fields(),
            )
        except ProfileError as error:
            _refuse(form, error)
        else:
            start_session(user)
            db.session.commit()
            flash(_("Welcome to Phlov! Now add your skills, so that work can find you."), "success")
            return redirect(url_for("youth.my_profile"))
    return render_form("youth/signup.html", form)


@bp.route("/me/profile", methods=["GET", "POST"])
@youth_required
def my_profile():
    profile = current_user.youth_profile
    form = ProfileForm(obj=profile)
    if form.validate_on_submit():
        try:
            if profile is None:  # an account made from the command line has no profile yet
                start_own_profile(current_user, consent=form.consent.data, **form.profile_fields())
            else:
                update_profile(profile, consent=form.consent.data, **form.profile_fields())
        except ProfileError as error:
            _refuse(form, error)
        else:
            db.session.commit()
            flash(_("Your profile is saved."), "success")
            return redirect(url_for("youth.my_profile"))
    return render_form("youth/my_profile.html", form, profile=profile)


@bp.route("/me/for-you")
@youth_required
def for_you():
    profile = current_user.youth_profile
    has_skills = bool(profile and profile.skills)
    return render_template(
        "youth/for_you.html",
        suggestions=_not_dismissed(suggestions_for(profile)) if has_skills else [],
        has_skills=has_skills,
        explain=explain,
        gap_courses=gap_courses_for(profile),
        explain_gap=explain_gap,
    )


def _not_dismissed(suggestions: list) -> list:
    """Leave out what she said is "not for me" (in Telegram too)."""
    dismissed = dismissed_opening_ids(current_user.youth_profile)
    return [(opening, match) for opening, match in suggestions if opening.id not in dismissed]


@bp.route("/youth")
@staff_required
def center_list():
    form = YouthFilterForm(formdata=request.args)
    if current_user.role == Role.ADMIN:
        form.offer_centers(center_choices())
    if not form.validate():  # a wrong filter would give a list (and counts) that mislead
        return render_template("youth/list.html", form=form, page=None, counts=None)
    filters = form.filters()
    return render_template(
        "youth/list.html",
        form=form,
        page=search_youth(current_user, filters, page_number()),
        counts=gender_counts(current_user, filters),
    )


@bp.route("/youth/new", methods=["GET", "POST"])
@staff_required
def new():
    form = CenterYouthForm()
    if form.validate_on_submit():
        try:
            profile = register_youth(
                by=current_user,
                ref=form.ref.data,
                consent=form.consent.data,
                **form.profile_fields(),
            )
        except ProfileError as error:
            _refuse(form, error)
        else:
            db.session.commit()
            flash(_("%(name)s is registered at your center.", name=profile.full_name), "success")
            return redirect(url_for("youth.detail", youth_id=profile.id))
    return render_form("youth/center_form.html", form, profile=None)


@bp.route("/youth/<int:youth_id>")
@staff_required
def detail(youth_id: int):
    profile = get_youth_or_404(youth_id, for_user=current_user)
    audit.viewed(profile)
    return render_template(
        "youth/detail.html",
        profile=profile,
        today=date.today(),
        suggestions=suggestions_for(profile),
        explain=explain,
        gap_courses=gap_courses_for(profile),
        explain_gap=explain_gap,
    )


@bp.route("/youth/<int:youth_id>/edit", methods=["GET", "POST"])
@staff_required
def edit(youth_id: int):
    profile = get_youth_or_404(youth_id, for_user=current_user)
    if request.method == "GET":  # the form shows the whole profile, phone included
        audit.viewed(profile)
    form = CenterYouthForm(obj=profile)
    if form.validate_on_submit():
        try:
            update_profile(
                profile, ref=form.ref.data, consent=form.consent.data, **form.profile_fields()
            )
        except ProfileError as error:
            _refuse(form, error)
        else:
            db.session.commit()
            flash(_("The profile of %(name)s is saved.", name=profile.full_name), "success")
            return redirect(url_for("youth.detail", youth_id=profile.id))
    return render_form("youth/center_form.html", form, profile=profile)
