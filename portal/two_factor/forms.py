from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length


class CodeForm(FlaskForm):
    code = StringField(
        _l("Code"),
        validators=[DataRequired(), Length(max=20)],
        description=_l(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
    )


class ConfirmForm(FlaskForm):
    code = StringField(
        _l("The 6 digits your app shows now"),
        validators=[DataRequired(), Length(max=20)],
        render_kw={"inputmode": "numeric"},
    )
