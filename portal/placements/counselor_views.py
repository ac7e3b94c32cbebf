"""The counselors' side of placements (blueprint "caseload"): the caseload, an application with
its history, referrals, follow-ups due this week (the figures for donors moved to
portal/indicators; the old address redirects there).
Counselors see their center's youth, admins everyone's."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from portal import audit
from portal.auth.permissions import staff_required
from portal.clean_input import optional_id
from portal.cv.attach import chosen_cv
from portal.extensions import db
from portal.jobs.access import get_opening_or_404
from portal.jobs.models import Opening
from portal.matching.services import suggestions_for
from portal.placements import followups, services
from portal.placements.access import get_application_or_404, youth_phone
from portal.placements.caseload import (
    CaseloadFilters,
    applications_for_opening,
    caseload_page,
    caseload_query,
)
from portal.placements.counselor_forms import (
    CaseloadFilterForm,
    FollowUpForm,
    ReferForm,
)
from portal.placements.forms import MoveForm, show_error
from portal.placements.models import ApplicationStatus
from portal.placements.services import (
    ENDING_REASONS,
    STATUS_LABELS,
    ApplicationError,
)
from portal.web import page_number, render_form, safe_next
from portal.youth.access import get_youth_or_404

bp = Blueprint("caseload", __name__)


@bp.app_context_processor
def _labels() -> dict:
    return {"application_status_labels": STATUS_LABELS, "refusal_reasons": ENDING_REASONS}


@bp.app_template_global()
def caseload_applications(opening: Opening) -> dict:
    """{youth id: application} of `opening` that the logged-in staff member may see."""
    if not current_user.is_authenticated or not current_user.is_staff:
        return {}
    return applications_for_opening(opening, current_user)


@bp.route("/caseload")
@staff_required
def index():
    form = CaseloadFilterForm(formdata=request.args)
    form.status.choices = [SelectChoice("", _("All steps"))] + [
        SelectChoice(status.value, label) for status, label in STATUS_LABELS.items()
    ]
    filters = CaseloadFilters(
        status=ApplicationStatus(form.status.data) if form.status.data in _STATUSES else None,
        text=(form.q.data or "").strip()[:100],
        opening_id=request.args.get("opening_id", type=int),
        youth_id=request.args.get("youth_id", type=int),
    )
    form.validate()
    return render_template(
        "placements/counselor/caseload.html",
        form=form,
        filters=filters,
        page=caseload_page(current_user, filters, page_number()),
        due=followups.due_this_week(current_user, date.today()),
        today=date.today(),
        follow_up_form=FollowUpForm(formdata=None),
    )


_STATUSES = {status.value for status in ApplicationStatus}


@bp.route("/caseload/applications/<int:application_id>")
@staff_required
def application(application_id: int):
    found = get_application_or_404(application_id, for_user=current_user)
    audit.viewed(found.youth, audit.AuditAction.CONTACT_VIEWED, subject=found)
    return application_page(found, MoveForm(formdata=None))


def application_page(found, form: MoveForm, failed: ApplicationStatus | None = None) -> str:
    """The application with its history, contact and the steps the user may take; `failed` is
    the step whose form shows `form`'s errors and what was typed (placements.views moves it)."""
    return render_template(
        "placements/counselor/application.html",
        application=found,
        phone=youth_phone(found.youth),
        moves=services.allowed_moves(found, current_user),
        form=form,
        blank=MoveForm(formdata=None),
        failed=failed.value if failed else ("?" if form.errors or form.form_errors else None),
        back=safe_next(request.args.get("next"), url_for("caseload.index")),
        today=date.today(),
    )


@bp.route("/openings/<int:opening_id>/refer/<int:youth_id>", methods=["GET", "POST"])
@staff_required
def refer(opening_id: int, youth_id: int):
    youth = get_youth_or_404(youth_id, for_user=current_user)
    opening = get_opening_or_404(opening_id, for_user=current_user)
    return _refer_page(opening, youth)


@bp.route("/openings/<int:opening_id>/refer", methods=["POST"])
@staff_required
def refer_chosen(opening_id: int):
    """The candidates page's one referral form: the person chosen in the list, with a note.
    A counselor refers their own center's young people to an opening anywhere in Cambodia:
    scope bounds what they decide about openings, not where their young people may work."""
    opening = get_opening_or_404(opening_id, for_user=current_user)
    youth_id = optional_id(request.form.get("youth_id"))
    if youth_id is None:
        flash(_("Choose the person to refer in the list, then press Refer."), "error")
        return redirect(_back_to_candidates(opening))
    return _refer_page(opening, get_youth_or_404(youth_id, for_user=current_user))


def _back_to_candidates(opening: Opening) -> str:
    return safe_next(request.values.get("next"), url_for("jobs.candidates", opening_id=opening.id))


def _refer_page(opening: Opening, youth):
    """Refer `youth` to `opening` with the note posted (then back to the list), or the
    referral page with what is missing."""
    back = _back_to_candidates(opening)
    form = ReferForm()
    if form.validate_on_submit():
        try:
            services.refer(
                opening,
                youth,
                by=current_user,
                note=form.note.data,
                cv=chosen_cv(form, youth),
            )
        except ApplicationError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(
                _(
                    "%(name)s is referred to “%(title)s”.",
                    name=youth.full_name,
                    title=opening.title,
                ),
                "success",
            )
            return redirect(back)
    existing = services.existing_application(opening, youth)
    return render_form(
        "placements/counselor/refer.html",
        form,
        youth=youth,
        opening=opening,
        back=back,
        existing=existing,
    )


@bp.route("/youth/<int:youth_id>/refer")
@staff_required
def refer_youth(youth_id: int):
    """The youth's suggested openings, each with a referral form (from the youth's page)."""
    youth = get_youth_or_404(youth_id, for_user=current_user)
    mine = CaseloadFilters(youth_id=youth.id)
    return render_template(
        "placements/counselor/refer_youth.html",
        youth=youth,
        suggestions=suggestions_for(youth),
        applied={a.opening_id: a for a in db.session.scalars(caseload_query(current_user, mine))},
        form=ReferForm(formdata=None),
    )


@bp.route("/follow-ups")
@staff_required
def follow_ups():
    today = date.today()
    return render_template(
        "placements/counselor/follow_ups.html",
        plan=followups.plan(current_user, today),
        today=today,
        form=FollowUpForm(formdata=None),
    )


@bp.route("/follow-ups/<int:follow_up_id>", methods=["POST"])
@staff_required
def record_follow_up(follow_up_id: int):
    follow_up = followups.get_follow_up_or_404(follow_up_id, for_user=current_user)
    back = safe_next(request.form.get("next"), url_for(".follow_ups"))
    form = FollowUpForm()
    if not form.validate():
        flash(" ".join(str(e) for errors in form.errors.values() for e in errors), "error")
        return redirect(back)
    try:
        followups.record(
            follow_up, still_employed=form.still_employed, note=form.note.data, by=current_user
        )
    except followups.FollowUpError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(back)
    db.session.commit()
    name = follow_up.application.youth.full_name
    flash(_("Saved for %(name)s. Thank you!", name=name), "success")
    return redirect(back)


def _old_figures_args() -> dict:
    """The old page's query (center, start, end) in the indicators page's words."""
    args = request.args.to_dict(flat=False)
    if args.get("start") or args.get("end"):
        args["period"] = ["dates"]
    return args


@bp.route("/placements/figures")
@staff_required
def figures():
    """The old placement figures page: the indicators replace it (bookmarks keep working)."""
    return redirect(url_for("indicators.page", **_old_figures_args()), 301)


@bp.route("/placements/figures.csv")
@staff_required
def figures_csv():
    return redirect(url_for("indicators.export_csv", **_old_figures_args()), 301)
