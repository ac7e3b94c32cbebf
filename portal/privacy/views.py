"""The privacy pages (blueprint "privacy"): a young person's own page (consent, her data,
erasure) and the counselors' side (erasure requests, releasing a minor's CV)."""

from __future__ import annotations

import json
from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.audit import AuditAction, record_now
from portal.auth.permissions import staff_required, youth_required
from portal.extensions import db
from portal.placements.access import get_application_or_404
from portal.privacy import employer, erasure
from portal.privacy.consent import change_consent
from portal.privacy.forms import ConsentForm, ErasureForm, PlainForm
from portal.privacy.rights import personal_data
from portal.web import download, render_form
from portal.youth.access import get_youth_or_404

bp = Blueprint("privacy", __name__)


@bp.app_template_global()
def may_release_cv(application) -> bool:
    return current_user.is_authenticated and employer.may_release_cv(application, current_user)


@bp.app_template_global()
def pending_erasure_count() -> int:
    """The staff menu shows how many erasure requests wait."""
    if not current_user.is_authenticated or not current_user.is_staff:
        return 0
    return len(erasure.pending_erasures(current_user))


def _own_profile():
    profile = current_user.youth_profile
    if profile is None or profile.anonymised_at is not None:
        abort(404)
    return profile


@bp.route("/me/privacy")
@youth_required
def my_privacy():
    profile = _own_profile()
    return render_template(
        "privacy/my_privacy.html",
        profile=profile,
        consent_form=ConsentForm(data={"consent": profile.consent_to_share}),
        plain=PlainForm(),
    )


@bp.route("/me/privacy/consent", methods=["POST"])
@youth_required
def consent():
    profile = _own_profile()
    form = ConsentForm()
    if form.validate_on_submit() and change_consent(profile, bool(form.consent.data)):
        db.session.commit()
        if profile.consent_to_share:
            flash(_("Thank you: employers can now see your profile."), "success")
        else:
            flash(_("Done: employers no longer see your profile."), "success")
    return redirect(url_for(".my_privacy"))


@bp.route("/me/data.json")
@youth_required
def download_json():
    profile = _own_profile()
    data = personal_data(profile)
    record_now(AuditAction.DATA_DOWNLOADED, subject=profile, detail={"format": "json"})
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return download(body, "my-phlov-data.json", "application/json")


@bp.route("/me/data")
@youth_required
def data_page():
    profile = _own_profile()
    data = personal_data(profile)
    record_now(AuditAction.DATA_DOWNLOADED, subject=profile, detail={"format": "html"})
    page = render_template("privacy/my_data.html", data=data, today=date.today())
    return page, 200, {"Cache-Control": "private, no-store"}


@bp.route("/me/erasure", methods=["GET", "POST"])
@youth_required
def request_erasure():
    profile = _own_profile()
    form = ErasureForm()
    if form.validate_on_submit():
        erasure.request_erasure(profile)
        db.session.commit()
        flash(_("Your request is sent. A counselor of your center will confirm it."), "success")
        return redirect(url_for(".my_privacy"))
    return render_form("privacy/erasure.html", form, profile=profile)


@bp.route("/me/erasure/cancel", methods=["POST"])
@youth_required
def cancel_erasure():
    profile = _own_profile()
    if PlainForm().validate_on_submit():
        erasure.cancel_erasure(profile)
        db.session.commit()
        flash(_("Your request is cancelled. Your profile stays."), "success")
    return redirect(url_for(".my_privacy"))


@bp.route("/erasure-requests")
@staff_required
def erasure_requests():
    return render_template(
        "privacy/erasure_requests.html",
        requests=erasure.pending_erasures(current_user),
        form=PlainForm(),
    )


@bp.route("/erasure-requests/<int:youth_id>/confirm", methods=["POST"])
@staff_required
def confirm_erasure(youth_id: int):
    profile = get_youth_or_404(youth_id, for_user=current_user)
    if profile.erasure_requested_at is None or profile.anonymised_at is not None:
        abort(404)
    if PlainForm().validate_on_submit():
        erasure.confirm_erasure(profile, by=current_user)
        db.session.commit()
        flash(_("Done: the profile is anonymised. The figures still count it."), "success")
    return redirect(url_for(".erasure_requests"))


@bp.route("/caseload/applications/<int:application_id>/release-cv", methods=["POST"])
@staff_required
def release_cv(application_id: int):
    found = get_application_or_404(application_id, for_user=current_user)
    if not employer.may_release_cv(found, current_user):
        abort(404)
    if PlainForm().validate_on_submit():
        employer.release_cv(found, by=current_user)
        db.session.commit()
        flash(_("The CV is released: the employer can download it now."), "success")
    return redirect(url_for("caseload.application", application_id=found.id))
