"""Forms: claiming a profile with a code; a counselor giving a code; merging two profiles."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    RadioField,
    SelectChoice,
    StringField,
    TelField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, ValidationError

from portal.auth.forms import PasswordMixin, cambodian_phone
from portal.claims.codes import looks_like_a_code


def claim_code(form, field) -> None:
    if not looks_like_a_code(field.data):
        raise ValidationError(_l("The code has 8 letters and numbers, like K7QM-3XPA."))


class ClaimForm(PasswordMixin, FlaskForm):
    """The code from the center, then her login: phone, password twice, e-mail if she has one."""

    code = StringField(
        _l("Your code from the center"),
        validators=[DataRequired(), Length(max=20), claim_code],
        description=_l("8 letters and numbers, on your slip or in your message."),
        render_kw={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"},
    )
    phone = TelField(_l("Your phone number"), validators=[DataRequired(), cambodian_phone])
    email = EmailField(
        _l("E-mail (if you have one)"),
        validators=[
            Optional(),
            Email(message=_l("This e-mail address looks wrong.")),
            Length(max=254),
        ],
    )


class IssueCodeForm(FlaskForm):
    send = BooleanField(_l("Also send the code by message to the young person's phone"))


class MergeForm(FlaskForm):
    """Which of the two profiles stays: asked, never assumed."""

    other = HiddenField(validators=[InputRequired()])
    keep = RadioField(
        _l("Which profile stays?"),
        choices=[SelectChoice("this", ""), SelectChoice("other", "")],
        validators=[InputRequired(message=_l("Choose the profile that stays."))],
    )
    confirm = BooleanField(
        _l("I checked that both profiles are the same person"),
        validators=[DataRequired(message=_l("Tick this once you have checked."))],
    )
