"""Forms of the counselors' pages: follow-ups, referrals, the caseload's filters (moving an
application is portal/placements/forms.MoveForm, the employer's too)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from portal.cv.attach import CvChoiceMixin

ANSWERS = {"yes": True, "no": False}


class FollowUpForm(FlaskForm):
    """One tap: still employed or not, with an optional note."""

    answer = SelectField(
        _l("Still employed?"),
        choices=[SelectChoice("yes", _l("Still employed")), SelectChoice("no", _l("Not employed"))],
        validators=[InputRequired(message=_l("Choose “still employed” or “not employed”."))],
    )
    note = StringField(_l("Note (if you want)"), validators=[Optional(), Length(max=500)])

    @property
    def still_employed(self) -> bool:
        return ANSWERS[self.answer.data]


class ReferForm(CvChoiceMixin, FlaskForm):
    """A counselor's referral: the note tells the employer why this person fits."""

    note = TextAreaField(
        _l("Why this person fits"),
        validators=[
            DataRequired(message=_l("Write a short note for the employer.")),
            Length(max=1000),
        ],
    )


class CaseloadFilterForm(FlaskForm):
    """Filters of the caseload, read from the query string (links may add ?opening_id= and
    ?youth_id= to show one opening's or one person's applications)."""

    class Meta:
        csrf = False

    status = SelectField(_l("Step"), validate_choice=False, default="")
    q = StringField(_l("Name or opening"), validators=[Optional(), Length(max=100)])
