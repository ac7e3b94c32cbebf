"""The CV pages: the young person (or her counselor) adds her work and schooling, and reads,
prints or downloads the CV made from her profile in Khmer or English."""

from __future__ import annotations

import logging
from contextlib import suppress

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import audit
from portal.auth.models import Role
from portal.auth.permissions import role_required, youth_required
from portal.cv.content import CV_LANGUAGES, MAX_ROWS, build_cv, schooling_rows, work_rows
from portal.cv.forms import SchoolingForm, WorkForm, fill
from portal.cv.models import Schooling, WorkExperience
from portal.cv.pdf import SCALES, CvFontMissing, fitted, render_pdf
from portal.cv.services import CvError, Section, add_row, change_row, remove_row
from portal.cv.wording import OUTCOME_LABELS, WORK_KIND_LABELS, outcome_text, years
from portal.extensions import db
from portal.i18n import current_language
from portal.placements.downloads import private_download
from portal.web import render_form
from portal.youth.access import get_youth_or_404
from portal.youth.forms import LANGUAGE_LABELS
from portal.youth.models import YouthProfile

bp = Blueprint("cv", __name__)
log = logging.getLogger(__name__)

# The young person herself, counselors of her center and admins (get_youth_or_404 decides).
cv_makers = role_required(Role.YOUTH, Role.COUNSELOR, Role.ADMIN)

SECTIONS = {
    "work": (Section("work", WorkExperience), WorkForm),
    "school": (Section("school", Schooling), SchoolingForm),
}
SECTION_PATH = "<any(work, school):section>"


@bp.context_processor
def _wording() -> dict:
    return {
        "work_kind_labels": WORK_KIND_LABELS,
        "outcome_labels": OUTCOME_LABELS,
        "outcome_text": outcome_text,
        "cv_years": years,
        "max_rows": MAX_ROWS,
        "language_labels": LANGUAGE_LABELS,
    }


@bp.route("/me/cv")
@youth_required
def mine():
    """Her own CV at a short address (the menu's and the profile's link)."""
    if current_user.youth_profile is None:
        abort(404)
    return _edit_page(current_user.youth_profile)


@bp.route("/youth/<int:youth_id>/cv")
@cv_makers
def edit(youth_id: int):
    youth = get_youth_or_404(youth_id, for_user=current_user)
    audit.viewed(youth)
    return _edit_page(youth)


def _edit_page(youth: YouthProfile) -> str:
    return render_template(
        "cv/edit.html",
        youth=youth,
        work=work_rows(youth),
        schooling=schooling_rows(youth),
        profile_url=_profile_url(youth),
    )


def _profile_url(youth: YouthProfile) -> str:
    """Where her skills and languages are changed: her own profile, or the counselor's form."""
    if current_user.role == Role.YOUTH:
        return url_for("youth.my_profile", _anchor="skills")
    return url_for("youth.edit", youth_id=youth.id, _anchor="skills")


@bp.route(f"/youth/<int:youth_id>/cv/{SECTION_PATH}/new", methods=["GET", "POST"])
@cv_makers
def new_row(youth_id: int, section: str):
    youth = get_youth_or_404(youth_id, for_user=current_user)
    kind, form_class = SECTIONS[section]
    form = form_class()
    if form.validate_on_submit():
        try:
            add_row(kind, youth, form.fields())
        except CvError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            db.session.commit()
            flash(_("Added to the CV."), "success")
            return redirect(url_for(".edit", youth_id=youth.id, _anchor=section))
    return render_form(f"cv/{section}_form.html", form, youth=youth, row=None, section=section)


@bp.route(f"/youth/<int:youth_id>/cv/{SECTION_PATH}/<int:row_id>", methods=["GET", "POST"])
@cv_makers
def edit_row(youth_id: int, section: str, row_id: int):
    youth = get_youth_or_404(youth_id, for_user=current_user)
    row = _row_or_404(youth, section, row_id)
    form = SECTIONS[section][1]()
    if request.method == "GET":
        fill(form, row)
    if form.validate_on_submit():
        change_row(row, form.fields())
        db.session.commit()
        flash(_("The CV is saved."), "success")
        return redirect(url_for(".edit", youth_id=youth.id, _anchor=section))
    return render_form(f"cv/{section}_form.html", form, youth=youth, row=row, section=section)


@bp.route(f"/youth/<int:youth_id>/cv/{SECTION_PATH}/<int:row_id>/remove", methods=["POST"])
@cv_makers
def remove(youth_id: int, section: str, row_id: int):
    youth = get_youth_or_404(youth_id, for_user=current_user)
    remove_row(_row_or_404(youth, section, row_id))
    db.session.commit()
    flash(_("Removed from the CV."), "success")
    return redirect(url_for(".edit", youth_id=youth.id, _anchor=section))


def _row_or_404(youth: YouthProfile, section: str, row_id: int):
    row = db.session.get(SECTIONS[section][0].model, row_id)
    if row is None or row.youth_id != youth.id:
        abort(404)
    return row


def _language() -> str:
    """The CV's language: the one the reader chose (?lang=km|en), else the page's."""
    chosen = request.args.get("lang")
    return chosen if chosen in CV_LANGUAGES else current_language()


@bp.route("/youth/<int:youth_id>/cv/print")
@cv_makers
def show(youth_id: int):
    youth = get_youth_or_404(youth_id, for_user=current_user)
    audit.viewed(youth)
    content, scale = build_cv(youth, _language()), SCALES[0]
    with suppress(CvFontMissing):  # printed at full size, then: the page still shows
        content, scale = fitted(content, current_app.config["CV_FONT_DIR"])
    return render_template("cv/show.html", youth=youth, cv=content, scale=round(scale * 100))


@bp.route("/youth/<int:youth_id>/cv.pdf")
@cv_makers
def pdf(youth_id: int):
    youth = get_youth_or_404(youth_id, for_user=current_user)
    language = _language()
    try:
        data = render_pdf(build_cv(youth, language), current_app.config["CV_FONT_DIR"])
    except CvFontMissing as missing:
        log.error("CV PDF not made: font files missing: %s", missing)
        return render_template("cv/no_pdf.html", youth=youth, language=language), 503
    audit.viewed(youth)
    return private_download(data, "application/pdf", f"CV-{youth.id}-{language}.pdf")
