"""The screening rules page: counselors read each rule, its figures and try a text against the
rules; admins switch a rule off or on (on the audit trail)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.auth.permissions import admin_required, staff_required
from portal.extensions import db
from portal.jobs.services import rescreen_live
from portal.screening import HIGH_AT, REVIEW_AT
from portal.screening_admin import switches
from portal.screening_admin.forms import SwitchForm, TryForm
from portal.screening_admin.overview import rule_rows
from portal.screening_admin.trial import try_text
from portal.web import render_form

bp = Blueprint("screening_admin", __name__)


@bp.route("/admin/screening/rules")
@staff_required
def rules():
    return render_template(
        "screening_admin/rules.html",
        rows=rule_rows(),
        switch_form=SwitchForm(formdata=None),
        review_at=REVIEW_AT,
        high_at=HIGH_AT,
    )


@bp.route("/admin/screening/rules/switch", methods=["POST"])
@admin_required
def switch_rule():
    form = SwitchForm()
    if not form.validate():
        abort(400)
    name, on = form.name.data, form.on.data == "1"
    try:
        changed = switches.switch(name, on=on, by=current_user)
    except switches.UnknownRule:
        abort(404)
    if changed:
        rescreen_live(by=current_user)  # as for a new bad contact: the live openings again
    db.session.commit()
    flash(_switched_message(name, on, changed), "success" if changed else "info")
    return redirect(url_for(".rules", _anchor=f"rule-{name}"))


def _switched_message(name: str, on: bool, changed: bool) -> str:
    if not changed:
        return _("Nothing changed: “%(rule)s” was already like that.", rule=name)
    if on:
        return _("“%(rule)s” is on again. The live openings were screened with it.", rule=name)
    return _("“%(rule)s” is off. The live openings were screened without it.", rule=name)


@bp.route("/admin/screening/try", methods=["GET", "POST"])
@staff_required
def try_rules():
    """Screen pasted words now. POST, so the text stays out of addresses and logs; nothing
    is saved."""
    form = TryForm()
    trial = None
    if form.validate_on_submit():
        trial = try_text(
            form.title.data,
            form.description.data or "",
            province_code=form.province.data,
            salary_min=form.salary_min.data,
            salary_max=form.salary_max.data,
            currency=form.currency.data,
        )
    return render_form("screening_admin/try.html", form, trial=trial)
