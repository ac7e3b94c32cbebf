"""Admin pages: the centers and the staff accounts that work there."""

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.auth.permissions import admin_required
from portal.auth.services import AccountError
from portal.centers.access import get_center_or_404, get_staff_or_404
from portal.centers.forms import CenterForm, StaffForm
from portal.centers.services import (
    CenterError,
    centers_with_counts,
    create_center,
    create_staff,
    set_national_scope,
    staff_accounts,
    switch_account,
    update_center,
)
from portal.extensions import db
from portal.web import render_form

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/centers", methods=["GET", "POST"])
@admin_required
def centers():
    form = CenterForm()
    if form.validate_on_submit():
        try:
            center = create_center(**form.center_fields())
        except CenterError as error:
            db.session.rollback()
            form[error.field].errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The center %(name)s is added.", name=center.name), "success")
            return redirect(url_for("admin.centers"))
    return render_form("admin/centers.html", form, rows=centers_with_counts())


@bp.route("/centers/<int:center_id>", methods=["GET", "POST"])
@admin_required
def center(center_id: int):
    center = get_center_or_404(center_id, for_user=current_user)
    form = CenterForm(obj=center)
    if form.validate_on_submit():
        try:
            update_center(center, **form.center_fields())
        except CenterError as error:
            db.session.rollback()
            form[error.field].errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The center %(name)s is saved.", name=center.name), "success")
            return redirect(url_for("admin.centers"))
    return render_form("admin/center.html", form, center=center)


@bp.route("/staff", methods=["GET", "POST"])
@admin_required
def staff():
    form = StaffForm()
    if form.validate_on_submit():
        try:
            user = create_staff(
                display_name=form.display_name.data,
                login=form.login.data,
                password=form.password.data,
                role=form.role.data,
                center_id=form.center_id.data,
            )
        except AccountError as error:
            db.session.rollback()
            form.login.errors.append(str(error))
        else:
            db.session.commit()
            flash(
                _(
                    "The account of %(name)s is ready: %(login)s.",
                    name=user.display_name,
                    login=user.login_name,
                ),
                "success",
            )
            return redirect(url_for("admin.staff"))
    return render_form("admin/staff.html", form, accounts=staff_accounts())


@bp.route("/staff/<int:user_id>/toggle", methods=["POST"])
@admin_required
def toggle_staff(user_id: int):
    user = get_staff_or_404(user_id, for_user=current_user)
    try:
        active = switch_account(user, by=current_user)
    except AccountError as error:
        flash(str(error), "error")
    else:
        db.session.commit()
        if active:
            flash(
                _("%(name)s can log in again.", name=user.display_name or user.login_name),
                "success",
            )
        else:
            flash(
                _(
                    "%(name)s is switched off and cannot log in.",
                    name=user.display_name or user.login_name,
                ),
                "success",
            )
    return redirect(url_for("admin.staff"))


@bp.route("/staff/<int:user_id>/scope", methods=["POST"])
@admin_required
def staff_scope(user_id: int):
    """Give a counselor national scope (act in all of Cambodia), or take it back."""
    user = get_staff_or_404(user_id, for_user=current_user)
    national = request.form.get("national") == "1"
    try:
        set_national_scope(user, national, by=current_user)
    except AccountError as error:
        flash(str(error), "error")
        return redirect(url_for("admin.staff"))
    db.session.commit()
    name = user.display_name or user.login_name
    if national:
        flash(_("%(name)s can now act in all of Cambodia.", name=name), "success")
    else:
        flash(_("%(name)s acts in their center's provinces only.", name=name), "success")
    return redirect(url_for("admin.staff"))
