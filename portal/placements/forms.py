"""Forms of the application pages: apply, move to another step, withdraw."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from portal.cv.attach import CvChoiceMixin
from portal.placements.models import ApplicationStatus
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


class MoveForm(FlaskForm):
    """One step of the pipeline, from the employer's or the counselor's page of an application:
    the step (the button pressed), the step the page showed (`from_status`: another one now means
    someone moved it first), a reason when the step needs one, the day of a hire, and the page to
    go back to."""

    to_status = HiddenField()
    from_status = HiddenField()
    next = HiddenField()
    reason_code = SelectField(
        _l("Reason"), choices=reason_choices, validate_choice=False, default=""
    )  # the service says which codes it takes, next to the field
    reason = TextAreaField(
        _l("A few words (you may leave it empty)"),
        validators=[Optional(), Length(max=MAX_MESSAGE)],
        render_kw={"maxlength": MAX_MESSAGE, "rows": 2},
    )
    hired_on = DateField(_l("Day of the hire"), validators=[Optional()])

    def step(self) -> ApplicationStatus | None:
        """The step asked for; None when it is not one."""
        return _status_or_none(self.to_status.data)

    def seen_status(self) -> ApplicationStatus | None:
        """The step the page showed, when it said (a form from before this field: None)."""
        return _status_or_none(self.from_status.data)


def _status_or_none(value: str | None) -> ApplicationStatus | None:
    try:
        return ApplicationStatus(value or "")
    except ValueError:
        return None


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
