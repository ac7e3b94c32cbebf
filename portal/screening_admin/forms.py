"""The rules page's forms: an admin's switch, and a text to try against the rules."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, NumberRange, Optional, ValidationError

from portal.jobs.forms import CURRENCY_CHOICES
from portal.places.fields import ProvinceField


class SwitchForm(FlaskForm):
    """Switch one rule (by name) on or off."""

    name = HiddenField(validators=[DataRequired(), Length(max=60)])
    on = HiddenField(validators=[AnyOf(["0", "1"])])


class TryForm(FlaskForm):
    """A posting's words to screen now, as the portal would: nothing is kept."""

    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(
        _l("Description"),
        validators=[Optional(), Length(max=20000)],
        description=_l("Paste the text of the posting, in Khmer, English or both."),
    )
    province = ProvinceField(_l("Province (optional)"), validators=[Optional()], blank=_l("Choose"))
    salary_min = IntegerField(
        _l("Lowest pay per month"), validators=[Optional(), NumberRange(min=0, max=10**9)]
    )
    salary_max = IntegerField(
        _l("Highest pay per month"), validators=[Optional(), NumberRange(min=0, max=10**9)]
    )
    currency = SelectField(
        _l("Currency of the pay"), choices=[SelectChoice("", "—"), *CURRENCY_CHOICES], default=""
    )

    def validate_currency(self, field) -> None:
        has_salary = self.salary_min.data is not None or self.salary_max.data is not None
        if has_salary and not field.data:
            raise ValidationError(_l("Choose the currency of the pay."))
