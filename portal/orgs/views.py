"""Organization pages: the public page, verification by staff, the employer's dashboard."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal.auth.permissions import employer_required, staff_required
from portal.centers.scope import can_act_in, list_scope, require_scope
from portal.extensions import db
from portal.jobs.listing import paginate
from portal.jobs.models import Opening
from portal.jobs.queries import published_openings, with_card_data
from portal.orgs.access import (
    can_see_contact,
    can_verify,
    get_organization_or_404,
    own_organization_or_404,
)
from portal.orgs.forms import OrganizationForm, RejectOrganizationForm, VerifyForm
from portal.orgs.services import (
    ask_again,
    pending_organizations,
    reject,
    verify,
    waiting_openings,
    waiting_openings_count,
)
from portal.web import render_form, safe_next

bp = Blueprint("orgs", __name__)


@bp.route("/orgs/<int:organization_id>")
def show(organization_id: int):
    organization = get_organization_or_404(organization_id, for_user=current_user)
    openings = db.session.scalars(
        with_card_data(published_openings())
        .where(Opening.organization_id == organization.id)
        .order_by(Opening.published_at.desc(), Opening.id.desc())
    ).all()
    return render_template(
        "orgs/show.html",
        organization=organization,
        openings=openings,
        show_contact=can_see_contact(current_user, organization),
        can_verify=can_verify(current_user),
    )


@bp.route("/orgs/pending")
@staff_required
def pending():
    scope = list_scope(current_user, request.args)
    page = paginate(pending_organizations(scope.provinces, first=scope.home))
    waiting = waiting_openings_count([organization.id for organization in page.items])
    return render_template("orgs/pending.html", page=page, waiting=waiting, scope=scope)


@bp.route("/orgs/<int:organization_id>/review")
@staff_required
def review(organization_id: int):
    organization = get_organization_or_404(organization_id, for_user=current_user)
    return _review_page(
        organization, VerifyForm(formdata=None), RejectOrganizationForm(formdata=None)
    )


def _back() -> str:
    """Where the counselor came from (the review queue, an opening), else the list."""
    return safe_next(request.values.get("next"), url_for(".pending"))


def _review_page(organization, verify_form, reject_form):
    status = 400 if verify_form.errors or reject_form.errors else 200
    page = render_template(
        "orgs/review.html",
        organization=organization,
        verify_form=verify_form,
        reject_form=reject_form,
        openings=waiting_openings(organization),
        can_act=can_act_in(current_user, organization.province_code),
        back=_back(),
    )
    return page, status


@bp.route("/orgs/<int:organization_id>/verify", methods=["POST"])
@staff_required
def verify_organization(organization_id: int):
    organization = get_organization_or_404(organization_id, for_user=current_user)
    require_scope(current_user, organization.province_code)
    if organization.is_verified:
        flash(_("%(name)s is already verified.", name=organization.name), "info")
        return redirect(_back())
    form = VerifyForm()
    if not form.validate():
        return _review_page(organization, form, RejectOrganizationForm(formdata=None))
    verify(organization, by=current_user, note=form.note.data)
    db.session.commit()
    flash(_("%(name)s is verified. Thank you for checking.", name=organization.name), "success")
    return redirect(_back())


@bp.route("/orgs/<int:organization_id>/reject", methods=["POST"])
@staff_required
def reject_organization(organization_id: int):
    organization = get_organization_or_404(organization_id, for_user=current_user)
    require_scope(current_user, organization.province_code)
    form = RejectOrganizationForm()
    if not form.validate():
        return _review_page(organization, VerifyForm(formdata=None), form)
    reject(organization, by=current_user, reason=form.reason.data)
    db.session.commit()
    flash(
        _("%(name)s is not verified. Its members can read your reason.", name=organization.name),
        "success",
    )
    return redirect(_back())


@bp.route("/employer")
@employer_required
def dashboard():
    organization = own_organization_or_404(current_user)
    openings = db.session.scalars(
        select(Opening)
        .where(Opening.organization_id == organization.id)
        .order_by(Opening.created_at.desc(), Opening.id.desc())
    ).all()
    return render_template(
        "orgs/dashboard.html", organization=organization, openings=openings, today=date.today()
    )


@bp.route("/employer/organization", methods=["GET", "POST"])
@employer_required
def edit_organization():
    organization = own_organization_or_404(current_user)
    form = OrganizationForm.for_organization(organization)
    if form.validate_on_submit():
        form.apply_to(organization)
        ask_again(organization)
        db.session.commit()
        flash(_("Your organization's details are saved."), "success")
        return redirect(url_for(".dashboard"))
    return render_form("orgs/edit.html", form, organization=organization)
