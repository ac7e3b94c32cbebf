"""Forms of the application pages: apply, change a status, withdraw."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from portal.cv.attach import CvChoiceMixin
from portal.placements.services import MAX_MESSAGE, REFUSAL_REASONS, ApplicationError


class ApplyForm(CvChoiceMixin, FlaskForm):
    message = TextAreaField(
        _l("A short message to the employer (you may leave it empty)"),
        validators=[Optional(), Length(max=MAX_MESSAGE)],
        description=_l("Say why you want this work and when you can start."),
        render_kw={"maxlength": MAX_MESSAGE, "rows": 5},
    )
    # Asked only for work abroad (the page shows it then; the service checks it).
    abroad_confirmed = BooleanField(
        _l(
            "I read “Before you go to work in another country” above. "
            "I will not pay a recruiter or give away my passport."
        )
    )


def reason_choices() -> list[SelectChoice]:
    return [
        SelectChoice("", _l("Choose a reason")),
        *(SelectChoice(code, label) for code, label in REFUSAL_REASONS.items()),
    ]


class StatusForm(FlaskForm):
    """One step of the pipeline: the new status, and a reason when the step needs one."""

    to_status = HiddenField()
    reason_code = SelectField(
        _l("Reason"), choices=reason_choices, validate_choice=True, default=""
    )
    reason = TextAreaField(
        _l("A few words (you may leave it empty)"),
        validators=[Optional(), Length(max=MAX_MESSAGE)],
        render_kw={"maxlength": MAX_MESSAGE, "rows": 2},
    )


class WithdrawForm(FlaskForm):
    reason = TextAreaField(
        _l("Why? (you may leave it empty)"),
        validators=[Optional(), Length(max=MAX_MESSAGE)],
        render_kw={"maxlength": MAX_MESSAGE, "rows": 3},
    )


def show_error(form: FlaskForm, error: ApplicationError) -> None:
    """Put a service's refusal next to its field, or above the form when it has none."""
    field = getattr(form, error.field, None) if error.field else None
    if field is None:
        form.form_errors.append(str(error))
    else:
        field.errors = [*field.errors, str(error)]
