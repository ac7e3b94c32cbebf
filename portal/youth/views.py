"""Young people: sign-up and own profile; counselors: their center's youth list and profiles."""

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
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
from portal.jobs.access import get_opening_or_404
from portal.jobs.models import Opening
from portal.matching.gaps import explain_gap, gap_courses_for
from portal.matching.reasons import explain
from portal.matching.services import suggestions_for
from portal.placements.services import dismiss_opening, dismissed_opening_ids, undismiss_opening
from portal.web import page_number, render_form, safe_next
from portal.youth.access import get_youth_or_404
from portal.youth.confirmation import confirm_by_counselor
from portal.youth.for_you import suggestions_left_for
from portal.youth.forms import (
    LABELS,
    CenterYouthForm,
    ConfirmDetailsForm,
    ProfileForm,
    YouthFilterForm,
    YouthSignupForm,
)
from portal.youth.functioning import WG_INTRODUCTION
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
    return {"labels": LABELS, "wg_introduction": WG_INTRODUCTION}


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


@bp.route("/me/confirm", methods=["GET", "POST"])
@youth_required
def confirm_details():
    """Asked once after logging in when her gender and schooling may be an old form's default."""
    profile = _own_profile()
    target = safe_next(request.values.get("next")) or url_for(".my_profile")
    form = ConfirmDetailsForm()
    if form.skip.data:
        return redirect(target)
    if form.validate_on_submit():
        update_profile(profile, consent=profile.consent_to_share, **form.details())
        db.session.commit()
        flash(_("Thank you. Your answers are saved."), "success")
        return redirect(target)
    return render_form("youth/confirm_details.html", form, profile=profile, target=target)


@bp.route("/me/for-you")
@youth_required
def for_you():
    profile = current_user.youth_profile
    has_skills = bool(profile and profile.skills)
    return render_template(
        "youth/for_you.html",
        suggestions=suggestions_left_for(profile) if has_skills else [],
        has_skills=has_skills,
        explain=explain,
        gap_courses=gap_courses_for(profile),
        explain_gap=explain_gap,
        turned_down=_just_turned_down(profile),
    )


def _just_turned_down(profile) -> Opening | None:
    """The opening she has just said is "not for me" (?hidden=<id>), for the notice that can
    undo it; only one of hers, so the address shows nobody else's choices."""
    opening_id = request.args.get("hidden", type=int)
    if profile is None or opening_id is None or opening_id not in dismissed_opening_ids(profile):
        return None
    return db.session.get(Opening, opening_id)


def _own_profile():
    if current_user.youth_profile is None:
        abort(404)
    return current_user.youth_profile


@bp.route("/openings/<int:opening_id>/not-for-me", methods=["POST"])
@youth_required
def not_for_me(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    dismiss_opening(_own_profile(), opening)
    db.session.commit()
    return redirect(url_for(".for_you", hidden=opening.id, _anchor="turned-down"))


@bp.route("/openings/<int:opening_id>/not-for-me/undo", methods=["POST"])
@youth_required
def undo_not_for_me(opening_id: int):
    opening = db.session.get(Opening, opening_id)  # closed since: she may still take it back
    if opening is None:
        abort(404)
    undismiss_opening(_own_profile(), opening)
    db.session.commit()
    flash(_("“%(title)s” may be suggested to you again.", title=opening.title), "success")
    return redirect(url_for(".for_you"))


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


@bp.route("/youth/<int:youth_id>/details-confirmed", methods=["POST"])
@staff_required
def details_confirmed(youth_id: int):
    """A counselor checked gender and schooling with the young person."""
    profile = get_youth_or_404(youth_id, for_user=current_user)
    confirm_by_counselor(profile, by=current_user)
    db.session.commit()
    flash(_("Gender and schooling are marked as confirmed."), "success")
    return redirect(url_for("youth.detail", youth_id=profile.id))


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
