from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired

from portal.recovery.forms import six_digit_code


class CodeForm(FlaskForm):
    code = StringField(
        _l("The 6-digit code"),
        validators=[DataRequired(), six_digit_code],
        render_kw={"inputmode": "numeric", "autocomplete": "one-time-code"},
        description=_l("From the SMS we sent to your phone."),
    )
