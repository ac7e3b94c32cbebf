from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length, ValidationError

from portal.auth.forms import PasswordMixin
from portal.recovery.hashing import typed_code


class ForgotForm(FlaskForm):
    identifier = StringField(
        _l("Your phone number or e-mail"), validators=[DataRequired(), Length(max=254)]
    )


class NewPasswordForm(PasswordMixin, FlaskForm):
    """A new password, twice (after an e-mailed link)."""


def six_digit_code(form, field) -> None:
    if not (typed_code(field.data).isdigit() and len(typed_code(field.data)) == 6):
        raise ValidationError(_l("The code has 6 digits."))


class CodeResetForm(PasswordMixin, FlaskForm):
    """Phone number (or e-mail), the code from the center or a message, a new password twice."""

    identifier = StringField(
        _l("Your phone number or e-mail"), validators=[DataRequired(), Length(max=254)]
    )
    code = StringField(
        _l("The 6-digit code"),
        validators=[DataRequired(), six_digit_code],
        render_kw={"inputmode": "numeric"},
        description=_l("From your counselor at the center, or from a message."),
    )
