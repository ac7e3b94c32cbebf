"""Organization pages: the public page, verification by staff, the employer's dashboard."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal.auth.permissions import employer_required, staff_required
from portal.extensions import db
from portal.jobs.models import Opening
from portal.jobs.queries import published_openings, with_card_data
from portal.orgs.access import (
    can_see_contact,
    can_verify,
    get_organization_or_404,
    own_organization_or_404,
)
from portal.orgs.forms import OrganizationForm
from portal.orgs.services import verify
from portal.web import render_form

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


@bp.route("/orgs/<int:organization_id>/verify", methods=["POST"])
@staff_required
def verify_organization(organization_id: int):
    organization = get_organization_or_404(organization_id, for_user=current_user)
    if organization.is_verified:
        flash(_("%(name)s is already verified.", name=organization.name), "info")
    else:
        verify(organization, by=current_user)
        db.session.commit()
        flash(_("%(name)s is verified. Thank you for checking.", name=organization.name), "success")
    return redirect(url_for(".show", organization_id=organization.id))


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
        db.session.commit()
        flash(_("Your organization's details are saved."), "success")
        return redirect(url_for(".dashboard"))
    return render_form("orgs/edit.html", form, organization=organization)
