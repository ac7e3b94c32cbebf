"""The CV sent with an application, as the young person (applying) or her counselor (referring)
chose: none, the CV made from her profile (the employer's copy, in the language chosen), or an
uploaded file (a PDF, or a photo of a paper CV). What is chosen then goes the one way every CV
goes (portal/placements/cv.py: checked, kept with the application, held for a minor)."""

from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import RadioField, SelectChoice, SelectField

from portal.cv.content import build_cv
from portal.cv.pdf import CvFontMissing, render_pdf
from portal.i18n import current_language
from portal.placements.cv import CvFile, read_upload
from portal.placements.models import CvOrigin
from portal.placements.services import ApplicationError
from portal.youth.models import YouthProfile

NO_CV, PROFILE_CV, UPLOADED_CV = "none", "profile", "upload"
CV_LANGUAGE_LABELS = {"km": "ខ្មែរ", "en": "English"}  # each in its own language


class CvChoiceMixin:
    """The CV fields of the apply and referral forms."""

    cv_choice = RadioField(
        _l("Send a CV?"),
        choices=[
            SelectChoice(NO_CV, _l("No CV")),
            SelectChoice(PROFILE_CV, _l("The CV made from the profile on Phlov")),
            SelectChoice(UPLOADED_CV, _l("A file: a PDF, or a photo of a paper CV")),
        ],
        default=NO_CV,
    )
    cv_language = SelectField(
        _l("Language of the CV made from the profile"),
        choices=[SelectChoice(code, label) for code, label in CV_LANGUAGE_LABELS.items()],
        default=lambda: current_language(),
    )
    cv = FileField(
        _l("The file (only for “A file”)"),
        description=_l("A PDF of 2 MB at most, or a photo (JPEG or PNG) of 5 MB at most."),
        render_kw={"accept": "application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png"},
    )


def chosen_cv(form: CvChoiceMixin, youth: YouthProfile) -> CvFile | None:
    """The CV to send, as chosen; ApplicationError (on the field) when it cannot be. A file
    picked while "No CV" is still ticked is sent: that is what the person meant."""
    upload = read_upload(form.cv.data)
    if form.cv_choice.data == PROFILE_CV:
        return _profile_cv(youth, form.cv_language.data)
    if form.cv_choice.data == UPLOADED_CV and upload is None:
        raise ApplicationError(_("Choose the file of the CV, or choose “No CV”."), field="cv")
    return upload


def _profile_cv(youth: YouthProfile, language: str) -> CvFile:
    """The employer's copy of her CV as a PDF (no contact details of a minor)."""
    content = build_cv(youth, language, for_employer=True)
    if content.is_empty:
        raise ApplicationError(
            _(
                "The CV made from the profile is still empty: add work, schooling or skills "
                "first, or choose another answer."
            ),
            field="cv_choice",
        )
    try:
        data = render_pdf(content, current_app.config["CV_FONT_DIR"])
    except CvFontMissing as missing:
        current_app.logger.error("CV PDF not made: font files missing: %s", missing)
        raise ApplicationError(
            _(
                "The CV cannot be made as a PDF on this server now. Send a file, or no CV, "
                "and tell the youth employment center."
            ),
            field="cv_choice",
        ) from missing
    return CvFile(filename=f"CV {youth.full_name}.pdf", data=data, origin=CvOrigin.PROFILE)
