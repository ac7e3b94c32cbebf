"""The young person's privacy forms: consent, erasure (a confirm step), cancel."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import DataRequired


class ConsentForm(FlaskForm):
    consent = BooleanField(_l("Employers may see my profile"))


class ErasureForm(FlaskForm):
    understood = BooleanField(
        _l("I understand: my name, phone, messages and CVs will be erased for good."),
        validators=[DataRequired(_l("Tick the box to confirm."))],
    )


class PlainForm(FlaskForm):
    """A button with its CSRF token (cancel, confirm, release)."""
