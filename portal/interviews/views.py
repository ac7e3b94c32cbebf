"""Interview pages: the form that sets or moves an application's interview, "did not come" in one
tap, and the day's interviews. Employers of the opening, the young person's counselors and admins
(placements.access decides who sees which application)."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.auth.models import Role
from portal.auth.permissions import role_required
from portal.extensions import db
from portal.interviews import services
from portal.interviews.forms import InterviewForm
from portal.interviews.maps import map_link
from portal.interviews.queries import cambodian_today, interviews_on, standing_interviews
from portal.interviews.wording import YOUTH_REASON_WORDS, interview_clock, interview_when
from portal.placements.access import get_application_or_404
from portal.placements.forms import show_error
from portal.placements.services import ApplicationError
from portal.privacy.employer import applicant_for_employer
from portal.web import render_form, safe_next

bp = Blueprint("interviews", __name__)

organisers = role_required(Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN)
FARTHEST_DAY = 3660  # days from today a list may show (a wild ?day= is read as today)


@bp.app_context_processor
def _helpers() -> dict:
    return {
        "interview_when": interview_when,
        "interview_clock": interview_clock,
        "map_link": map_link,
        "youth_reason_words": YOUTH_REASON_WORDS,
        "standing_interviews": standing_interviews,
        "interview_history": services.history,
        "no_show_open": services.no_show_open,
        "may_schedule": lambda application: services.may_schedule(current_user, application),
        "todays_interviews": lambda: interviews_on(current_user, cambodian_today()),
        "interview_person": person_shown,
        "interview_application_url": application_url,
    }


def person_shown(application) -> str:
    """The young person's name as this user may see it (an employer: only with her consent)."""
    if current_user.role == Role.EMPLOYER:
        return applicant_for_employer(application).name
    return application.youth.full_name


def application_url(application) -> str:
    if current_user.role == Role.EMPLOYER:
        return url_for("placements.application", application_id=application.id)
    return url_for("caseload.application", application_id=application.id)


@bp.route("/applications/<int:application_id>/interview", methods=["GET", "POST"])
@organisers
def edit(application_id: int):
    application = get_application_or_404(application_id, for_user=current_user)
    standing = services.current_interview(application)
    form = InterviewForm()
    if request.method == "GET" and standing is not None:
        form.fill_from(standing)
    if services.may_schedule(current_user, application) and form.validate_on_submit():
        try:
            services.schedule(application, form.plan(), by=current_user)
        except ApplicationError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_saved_message(application), "success")
            return redirect(application_url(application))
    return render_form(
        "interviews/form.html",
        form,
        application=application,
        standing=standing,
        person=person_shown(application),
        allowed=services.may_schedule(current_user, application),
        back=application_url(application),
    )


def _saved_message(application) -> str:
    youth_user = application.youth.user
    if youth_user is None or not youth_user.active:
        return _("Saved. This young person has no Phlov account: please call her to tell her.")
    return _("Saved. The young person is told now, and reminded the day before.")


@bp.route("/applications/<int:application_id>/interview/no-show", methods=["POST"])
@organisers
def no_show(application_id: int):
    application = get_application_or_404(application_id, for_user=current_user)
    back = safe_next(request.form.get("next"), application_url(application))
    try:
        services.record_no_show(application, by=current_user)
    except ApplicationError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(back)
    db.session.commit()
    flash(_("Saved: %(name)s did not come.", name=person_shown(application)), "success")
    return redirect(back)


@bp.route("/interviews")
@organisers
def day():
    """The interviews of one day (today by default), with the days around it one tap away."""
    today = cambodian_today()
    try:
        shown = date.fromisoformat(request.args.get("day", ""))
    except ValueError:
        shown = today
    if abs((shown - today).days) > FARTHEST_DAY:
        shown = today
    return render_template(
        "interviews/day.html",
        shown=shown,
        today=today,
        interviews=interviews_on(current_user, shown),
        previous_day=shown - timedelta(days=1),
        next_day=shown + timedelta(days=1),
    )
