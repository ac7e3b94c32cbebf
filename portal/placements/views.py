"""Application pages: a youth applies, follows and withdraws their applications and keeps saved
openings; an employer reads the applicants of its own openings and moves them along."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload, undefer
from werkzeug.exceptions import RequestEntityTooLarge

from portal import audit
from portal.auth.models import Role
from portal.auth.permissions import employer_required, role_required, youth_required
from portal.cv.attach import chosen_cv
from portal.extensions import db
from portal.jobs.access import get_opening_or_404
from portal.jobs.models import Opening
from portal.placements import counselor_views, services
from portal.placements.access import get_application_or_404, is_employer_of
from portal.placements.downloads import private_download
from portal.placements.forms import ApplyForm, MoveForm, WithdrawForm, show_error
from portal.placements.marks import Marks, marks_for
from portal.placements.models import (
    Application,
    ApplicationDocument,
    ApplicationStatus,
    SavedOpening,
)
from portal.placements.services import (
    ENDING_REASONS,
    STATUS_LABELS,
    ApplicationError,
    NotAllowed,
    StaleMove,
)
from portal.privacy.employer import CvState, applicant_for_employer, cv_state
from portal.web import render_form, safe_next
from portal.youth.forms import EDUCATION_LABELS, NOT_SAID_LABEL

bp = Blueprint("placements", __name__)
S = ApplicationStatus

movers = role_required(Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN)
everyone_concerned = role_required(Role.YOUTH, Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN)


MOVE_LABELS = {
    ApplicationStatus.APPLIED: _l("Open again"),
    ApplicationStatus.REFERRED: _l("Open again"),
    ApplicationStatus.SHORTLISTED: _l("Put on the short list"),
    ApplicationStatus.INTERVIEW: _l("Invite to an interview"),
    ApplicationStatus.HIRED: _l("Hire"),
    ApplicationStatus.NOT_SELECTED: _l("Not selected"),
    ApplicationStatus.WITHDRAWN: _l("Withdraw"),
}


@bp.app_context_processor
def _labels():
    return {
        "application_status_labels": STATUS_LABELS,
        "refusal_reasons": ENDING_REASONS,
        "move_label": lambda status: MOVE_LABELS[ApplicationStatus(status)],
        "education_label": lambda level: (
            EDUCATION_LABELS.get(str(level), str(level)) if level else NOT_SAID_LABEL
        ),
    }


@bp.app_template_global()
def my_application(opening: Opening) -> Application | None:
    """The logged-in youth's application to `opening` (the opening page shows it)."""
    profile = _own_profile_or_none()
    return services.existing_application(opening, profile) if profile else None


@bp.app_template_global()
def why_not_apply(opening: Opening) -> str | None:
    """Why the logged-in youth may not apply (too young for it...), shown instead of Apply."""
    profile = _own_profile_or_none()
    return services.why_not_open_to(opening, profile) if profile else None


@bp.app_template_global()
def opening_is_saved(opening: Opening) -> bool:
    profile = _own_profile_or_none()
    return bool(profile and services.is_saved(profile, opening))


@bp.app_template_global()
def opening_marks(openings) -> Marks:
    """The logged-in youth's "applied" and "saved" marks on a list of openings, in one query
    (nobody else has marks)."""
    return marks_for(_own_profile_or_none(), openings)


@bp.app_template_global()
def applicant_counts(openings) -> dict[int, int]:
    """{opening id: number of applications}, in one query (the employer's dashboard)."""
    ids = [opening.id for opening in openings]
    if not ids:
        return {}
    rows = db.session.execute(
        select(Application.opening_id, func.count())
        .where(Application.opening_id.in_(ids))
        .group_by(Application.opening_id)
    ).all()
    return dict(rows)


def _own_profile_or_none():
    if current_user.is_authenticated and current_user.role == Role.YOUTH:
        return current_user.youth_profile
    return None


def _own_profile():
    profile = _own_profile_or_none()
    if profile is None:
        abort(404)
    return profile


# --- the youth's side ----------------------------------------------------------------------


@bp.route("/openings/<int:opening_id>/apply", methods=["GET", "POST"])
@youth_required
def apply(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    profile = _own_profile()
    existing = services.existing_application(opening, profile)
    if existing is not None:
        flash(_("You already applied to this opening."), "info")
        return redirect(url_for(".my_applications", _anchor=f"application-{existing.id}"))
    form = ApplyForm()
    if form.validate_on_submit():
        try:
            services.apply(
                opening,
                profile,
                by=current_user,
                message=form.message.data or "",
                cv=chosen_cv(form, profile),
                abroad_confirmed=bool(form.abroad_confirmed.data),
            )
        except ApplicationError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("You applied. The employer will see your application."), "success")
            return redirect(url_for(".my_applications"))
    minor = profile.is_minor_on(date.today())
    return render_form("placements/apply.html", form, opening=opening, minor=minor, profile=profile)


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(error):
    """A file too big to even read: say so on the apply page rather than a bare error."""
    opening_id = (request.view_args or {}).get("opening_id")
    # CSRF checks read the form before the view runs, so the role is checked here too.
    if request.endpoint != "placements.apply" or _own_profile_or_none() is None:
        return render_template("errors/http.html", error=error), error.code
    opening = get_opening_or_404(opening_id, for_user=current_user)
    form = ApplyForm(formdata=None)
    form.cv.errors = [
        _("The file is too big. A CV can be 2 MB at most (a photo 5 MB)."),
    ]
    form.form_errors.append(_("Nothing was sent. Please type your message again."))
    profile = _own_profile()
    minor = profile.is_minor_on(date.today())
    page = render_template(
        "placements/apply.html", form=form, opening=opening, minor=minor, profile=profile
    )
    return page, 413


@bp.route("/me/applications")
@youth_required
def my_applications():
    profile = _own_profile()
    applications = db.session.scalars(
        select(Application)
        .where(Application.youth_id == profile.id)
        .options(
            selectinload(Application.opening).selectinload(Opening.organization),
            selectinload(Application.status_changes),
        )
        .order_by(Application.created_at.desc(), Application.id.desc())
    ).all()
    return render_template(
        "placements/my_applications.html",
        applications=applications,
        can_withdraw=lambda a: (
            ApplicationStatus.WITHDRAWN in services.allowed_moves(a, current_user)
        ),
    )


@bp.route("/me/applications/<int:application_id>/withdraw", methods=["GET", "POST"])
@youth_required
def withdraw(application_id: int):
    application = get_application_or_404(application_id, for_user=current_user)
    form = WithdrawForm()
    if form.validate_on_submit():
        try:
            services.withdraw(application, by=current_user, reason=form.reason.data)
        except ApplicationError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Your application is withdrawn."), "success")
            return redirect(url_for(".my_applications"))
    return render_form("placements/withdraw.html", form, application=application)


@bp.route("/me/saved")
@youth_required
def saved():
    profile = _own_profile()
    rows = db.session.scalars(
        select(SavedOpening)
        .where(SavedOpening.youth_id == profile.id)
        .options(selectinload(SavedOpening.opening).selectinload(Opening.organization))
        .order_by(SavedOpening.saved_at.desc())
    ).all()
    return render_template("placements/saved.html", saved=rows, today=date.today())


@bp.route("/openings/<int:opening_id>/save", methods=["POST"])
@youth_required
def save(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    services.save_opening(_own_profile(), opening)
    db.session.commit()
    flash(_("Saved. Find it again in “Saved openings”."), "success")
    return redirect(url_for("jobs.detail", opening_id=opening.id))


@bp.route("/openings/<int:opening_id>/unsave", methods=["POST"])
@youth_required
def unsave(opening_id: int):
    opening = db.session.get(Opening, opening_id)  # a closed opening may still be unsaved
    if opening is None:
        abort(404)
    services.unsave_opening(_own_profile(), opening)
    db.session.commit()
    flash(_("Removed from your saved openings."), "success")
    return _back(url_for("jobs.detail", opening_id=opening.id))


def _back(default: str):
    """Return to the page the form came from (same site only), else `default`."""
    return redirect(safe_next(request.form.get("next"), default))


# --- the employer's side -------------------------------------------------------------------


@bp.route("/employer/openings/<int:opening_id>/applicants")
@employer_required
def applicants(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    if opening.organization_id != current_user.organization_id:
        abort(404)
    rows = db.session.scalars(
        select(Application)
        .where(Application.opening_id == opening.id)
        .options(selectinload(Application.youth), selectinload(Application.cv))
        .order_by(Application.created_at.desc(), Application.id.desc())
    ).all()
    return render_template(
        "placements/applicants.html",
        opening=opening,
        applicants=[applicant_for_employer(row, date.today()) for row in rows],
    )


@bp.route("/employer/applications/<int:application_id>")
@employer_required
def application(application_id: int):
    found = get_application_or_404(application_id, for_user=current_user)
    page = _employer_page(found, MoveForm(formdata=None))
    # The page is the applicant's profile; with her phone when she may be reached directly.
    seen = (
        audit.AuditAction.CONTACT_VIEWED
        if applicant_for_employer(found, date.today()).contact[0] == "youth"
        else audit.AuditAction.PROFILE_VIEWED
    )
    audit.viewed(found.youth, seen, subject=found)
    return page


def _employer_page(found: Application, form: MoveForm, failed: S | None = None) -> str:
    """The applicant as the employer may see her, and the steps it may take; `failed` is the
    step whose form shows `form`'s errors and what was typed."""
    return render_template(
        "placements/application.html",
        application=found,
        applicant=applicant_for_employer(found, date.today()),
        moves=services.allowed_moves(found, current_user),
        form=form,
        blank=MoveForm(formdata=None),
        failed=failed.value if failed else ("?" if form.form_errors else None),
        needs_reason=found.status in services.FINAL or found.status == S.HIRED,
        today=date.today(),
    )


@bp.route("/applications/<int:application_id>/status", methods=["POST"])
@movers
def change_status(application_id: int):
    """The one way to move an application on the web, from the employer's page or the
    counselor's (the API calls the same service). A refusal shows the page again with the
    reason next to its field and what was typed kept; a success goes back where it came from."""
    found = get_application_or_404(application_id, for_user=current_user)
    form = MoveForm()
    step = form.step()
    if step is None:
        form.form_errors.append(_("Choose a step from the buttons."))
    if not form.validate() or step is None:
        return _refused(found, form, step, 400)
    try:
        services.move(
            found,
            step,
            by=current_user,
            reason_code=form.reason_code.data or None,
            reason=form.reason.data,
            day=form.hired_on.data,
            from_status=form.seen_status(),
        )
    except ApplicationError as error:
        db.session.rollback()
        show_error(form, error)
        return _refused(found, form, step, _REFUSAL_STATUS.get(type(error), 400))
    db.session.commit()
    flash(
        _(
            "Saved: %(name)s is now “%(status)s”.",
            name=_person(found),
            status=STATUS_LABELS[found.status],
        ),
        "success",
    )
    return redirect(safe_next(form.next.data, _application_url(found)))


_REFUSAL_STATUS = {StaleMove: 409, NotAllowed: 403}


def _refused(found: Application, form: MoveForm, step: S | None, status: int):
    """The page the form came from again, with the refusal next to its field."""
    if is_employer_of(current_user, found):
        return _employer_page(found, form, failed=step), status
    return counselor_views.application_page(found, form, failed=step), status


def _person(found: Application) -> str:
    """Her name as this user may see it (an employer: only with her consent)."""
    if is_employer_of(current_user, found):
        return applicant_for_employer(found).name
    return found.youth.full_name


def _application_url(found: Application) -> str:
    """The application's page for this user (a counselor's keeps its way back to the list)."""
    if is_employer_of(current_user, found):
        return url_for(".application", application_id=found.id)
    return url_for("caseload.application", application_id=found.id, next=request.args.get("next"))


@bp.route("/applications/<int:application_id>/cv")
@everyone_concerned
def cv(application_id: int):
    found = get_application_or_404(application_id, for_user=current_user)
    if is_employer_of(current_user, found) and cv_state(found) != CvState.READY:
        abort(404)  # not shared, or a minor's CV the center has not released yet
    document = db.session.scalar(
        select(ApplicationDocument)
        .where(ApplicationDocument.application_id == found.id)
        .options(undefer(ApplicationDocument.data))
    )
    if document is None:
        abort(404)
    audit.viewed(found.youth, audit.AuditAction.CV_VIEWED, subject=found)
    return private_download(document.data, document.content_type, document.filename)
