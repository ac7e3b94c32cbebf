"""Staff pages around the screening: the admins' list of known bad contacts, and the licensed
recruitment agency mark a counselor sets on an organization's check page. Both change what the
screening says, so both screen the live openings again."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from portal.auth.permissions import admin_required, staff_required
from portal.centers.scope import require_scope
from portal.extensions import db
from portal.jobs.services import rescreen_live
from portal.orgs.access import get_organization_or_404
from portal.orgs.forms import RecruiterForm
from portal.safety.contacts import ContactError, add_contact, all_contacts, delete_contact
from portal.safety.models import BadContact, ContactKind
from portal.web import render_form

bp = Blueprint("safety_admin", __name__)

KIND_LABELS = {
    ContactKind.PHONE: _l("Phone number"),
    ContactKind.EMAIL: _l("E-mail address"),
    ContactKind.HANDLE: _l("Telegram, WhatsApp or Facebook name"),
}


class BadContactForm(FlaskForm):
    kind = SelectField(
        _l("Kind"), choices=[SelectChoice(kind.value, label) for kind, label in KIND_LABELS.items()]
    )
    value = StringField(_l("Contact"), validators=[DataRequired(), Length(max=200)])
    note = TextAreaField(
        _l("Where was it seen? (optional)"),
        validators=[Optional(), Length(max=2000)],
        description=_l("For example: the opening it came from, a report from a young person."),
    )


@bp.route("/admin/bad-contacts", methods=["GET", "POST"])
@admin_required
def bad_contacts():
    form = BadContactForm()
    if form.validate_on_submit():
        try:
            contact = add_contact(
                form.kind.data, form.value.data, note=form.note.data, by=current_user
            )
        except ContactError as error:
            db.session.rollback()
            form.value.errors.append(str(error))
        else:
            held = rescreen_live(by=current_user)
            db.session.commit()
            flash(_added_message(contact, len(held)), "success")
            return redirect(url_for(".bad_contacts"))
    return render_form(
        "admin/bad_contacts.html", form, contacts=all_contacts(), kind_labels=KIND_LABELS
    )


def _added_message(contact: BadContact, held: int) -> str:
    if not held:
        return _("%(value)s is on the list. No opening uses it now.", value=contact.value)
    return _(
        "%(value)s is on the list. %(num)s opening(s) with it wait for review now.",
        value=contact.value,
        num=held,
    )


@bp.route("/admin/bad-contacts/delete", methods=["POST"])
@admin_required
def delete_bad_contact():
    contact = db.session.get(BadContact, request.form.get("contact_id", type=int) or 0)
    if contact is None:
        abort(404)
    value = contact.value
    delete_contact(contact)
    rescreen_live(by=current_user)  # openings held for it stay in the queue for a counselor
    db.session.commit()
    flash(_("%(value)s is off the list.", value=value), "success")
    return redirect(url_for(".bad_contacts"))


@bp.route("/orgs/<int:organization_id>/recruiter", methods=["POST"])
@staff_required
def set_recruiter(organization_id: int):
    organization = get_organization_or_404(organization_id, for_user=current_user)
    require_scope(current_user, organization.province_code)
    form = RecruiterForm()
    if not form.validate():
        flash(" ".join(str(e) for e in form.licence_no.errors), "error")
        return redirect(url_for("orgs.review", organization_id=organization.id))
    organization.licensed_recruiter = bool(form.licensed_recruiter.data)
    organization.licence_no = (form.licence_no.data or "").strip() or None
    rescreen_live(by=current_user, organization=organization)
    db.session.commit()
    name = organization.name
    if organization.licensed_recruiter:
        message = _("%(name)s is marked as a licensed recruitment agency.", name=name)
    else:
        message = _("%(name)s is not marked as a licensed recruitment agency.", name=name)
    flash(message, "success")
    return redirect(url_for("orgs.review", organization_id=organization.id))
