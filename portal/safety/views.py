"""Safety pages: anyone reports a bad posting; counselors check the reports; admins keep the
hotlines and legal-aid contacts of the safe-migration panel."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.auth.permissions import admin_required, staff_required
from portal.auth.throttle import report_limit
from portal.centers.scope import can_act_in, list_scope, require_scope
from portal.clean_input import database_int
from portal.extensions import db, limiter
from portal.jobs.access import get_opening_or_404, is_public
from portal.safety import reports
from portal.safety.forms import CONTACT_KIND_LABELS, DecisionForm, ReportForm, SafetyContactForm
from portal.safety.models import SafetyContact
from portal.safety.panel import panel_for
from portal.web import render_form
from portal.youth.access import can_see_youth

bp = Blueprint("safety", __name__)


@bp.app_template_global()
def safety_panel(opening):
    """The safe-migration panel of `opening` for the reader (None: not shown)."""
    return panel_for(opening, current_user)


@bp.app_template_global()
def open_reports_of(opening) -> int:
    return reports.open_report_count(opening)


@bp.app_template_global()
def reporter_profile_for_reader(report):
    """The reporter's youth profile when the reader may open it (a counselor of her center, an
    admin), else None: the queue shows no reporter's contact details, only this link."""
    profile = report.reporter.youth_profile if report.reporter is not None else None
    if profile is None or not can_see_youth(profile, current_user):
        return None
    return profile


@bp.app_context_processor
def _labels():
    return {
        "report_reasons": reports.REASON_LABELS,
        "reporter_trusts": reports.TRUST_LABELS,
        "contact_kinds": CONTACT_KIND_LABELS,
    }


# --- anyone: report a posting ---------------------------------------------------------------


def _reporter():
    return current_user if current_user.is_authenticated else None


@bp.route("/openings/<int:opening_id>/report", methods=["GET", "POST"])
@limiter.limit(report_limit, methods=["POST"])
def report(opening_id: int):
    opening = get_opening_or_404(opening_id, for_user=current_user)
    if not is_public(opening):
        abort(404)  # only public postings are reported; staff and owners see others
    form = ReportForm()
    if form.validate_on_submit():
        try:
            saved = reports.report(
                opening,
                form.reason.data,
                form.details.data or "",
                user=_reporter(),
                key=reports.reporter_key(request.remote_addr),
            )
        except reports.ReportError as error:
            db.session.rollback()
            form[error.field].errors.append(str(error))
        else:
            db.session.commit()
            if saved is None:
                flash(_("You already reported this opening. A counselor will check it."), "info")
            else:
                flash(_("Thank you. A counselor will check this opening soon."), "success")
            return redirect(url_for("jobs.index"))
    return render_form("safety/report.html", form, opening=opening)


# --- counselors: the reports queue ----------------------------------------------------------


@bp.route("/safety/reports")
@staff_required
def reports_queue():
    return _queue_page(DecisionForm(formdata=None))


def _queue_page(form: DecisionForm, failed_id: int | None = None, status: int = 200):
    scope = list_scope(current_user, request.args)
    return render_template(
        "safety/reports.html",
        groups=reports.queue(scope.provinces, first=scope.home),
        form=form,
        failed_id=failed_id,
        scope=scope,
        can_act=lambda opening: can_act_in(current_user, opening.province_code),
    ), status


def _decide(opening_id: int, decision, done: str):
    """Apply a counselor's decision on an opening's reports; the queue again on a bad note."""
    opening = get_opening_or_404(opening_id, for_user=current_user)
    require_scope(current_user, opening.province_code)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            decision(opening, by=current_user, note=form.note.data)
        except (reports.ReportError, ValueError) as error:
            db.session.rollback()
            form.note.errors = [*form.note.errors, str(error)]
        else:
            db.session.commit()
            flash(done, "success")
            return redirect(url_for(".reports_queue"))
    return _queue_page(form, failed_id=opening.id, status=400)


@bp.route("/safety/reports/<int:opening_id>/dismiss", methods=["POST"])
@staff_required
def dismiss(opening_id: int):
    return _decide(
        opening_id,
        reports.dismiss,
        _("The reports are closed: the posting is fine and public again."),
    )


@bp.route("/safety/reports/<int:opening_id>/confirm", methods=["POST"])
@staff_required
def confirm(opening_id: int):
    return _decide(
        opening_id, reports.confirm, _("The posting is closed and its reports are done.")
    )


# --- admins: hotlines and legal-aid contacts ------------------------------------------------


def _contact_or_404() -> SafetyContact:
    contact_id = request.values.get("contact", type=database_int)
    contact = db.session.get(SafetyContact, contact_id) if contact_id else None
    if contact is None:
        abort(404)
    return contact


@bp.route("/admin/safety-contacts", methods=["GET", "POST"])
@admin_required
def contacts():
    form = SafetyContactForm()
    if form.validate_on_submit():
        db.session.add(SafetyContact(**form.contact_fields()))
        db.session.commit()
        flash(_("The contact is added."), "success")
        return redirect(url_for(".contacts"))
    rows = db.session.scalars(
        db.select(SafetyContact).order_by(
            SafetyContact.center_id.is_not(None), SafetyContact.center_id, SafetyContact.position
        )
    ).all()
    return render_form("admin/safety_contacts.html", form, contacts=rows)


@bp.route("/admin/safety-contacts/edit", methods=["GET", "POST"])
@admin_required
def edit_contact():
    contact = _contact_or_404()
    form = SafetyContactForm()
    if form.validate_on_submit():
        for name, value in form.contact_fields().items():
            setattr(contact, name, value)
        db.session.commit()
        flash(_("The contact is saved."), "success")
        return redirect(url_for(".contacts"))
    if request.method == "GET":
        form.show(contact)
    return render_form("admin/safety_contact.html", form, contact=contact)


@bp.route("/admin/safety-contacts/delete", methods=["POST"])
@admin_required
def delete_contact():
    contact = _contact_or_404()
    db.session.delete(contact)
    db.session.commit()
    flash(_("The contact is deleted."), "success")
    return redirect(url_for(".contacts"))
