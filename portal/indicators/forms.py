"""The indicators page's choices (a GET form): the period, the centers (admins), the province,
age bands shown or not."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectChoice, SelectField
from wtforms.validators import Optional, ValidationError

from portal.indicators.compute import INDICATORS
from portal.indicators.periods import (
    DEFAULT_PRESET,
    PRESETS,
    PeriodError,
    choose_period,
    today_in_cambodia,
)
from portal.indicators.types import Breakdown, Period
from portal.places.fields import ProvinceField
from portal.youth.forms import CheckboxesField


class IndicatorsForm(FlaskForm):
    class Meta:
        csrf = False

    period = SelectField(
        _l("Period"),
        choices=[SelectChoice(key, label) for key, label in PRESETS.items()],
        default=DEFAULT_PRESET,
    )
    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("To"), validators=[Optional()])
    center = CheckboxesField(_l("Centers (none ticked: all)"), coerce=int, validate_choice=False)
    province = ProvinceField(_l("Province"), blank=_l("Every province"), validators=[Optional()])
    bands = BooleanField(_l("Show age bands"))
    split = SelectField(
        _l("Split by"),
        choices=[
            SelectChoice("", _l("Nothing more")),
            SelectChoice(Breakdown.PROVINCE.value, _l("Province")),
            SelectChoice(Breakdown.DISABILITY.value, _l("Disability")),
            SelectChoice(Breakdown.EDUCATION.value, _l("Education")),
            SelectChoice(Breakdown.OCCUPATION.value, _l("Occupation group (openings)")),
        ],
        default="",
    )
    only = SelectField(
        _l("Of"),
        choices=[SelectChoice("", _l("Every indicator"))]
        + [SelectChoice(indicator.id, indicator.label) for indicator in INDICATORS],
        default="",
    )

    def validate_end(self, field) -> None:
        if self.period.data != "dates":
            return
        try:
            choose_period("dates", self.start.data, field.data, today_in_cambodia())
        except PeriodError as error:
            raise ValidationError(str(error)) from None

    def chosen_breakdowns(self) -> tuple[Breakdown, ...]:
        """The one breakdown asked for, or none."""
        return (Breakdown(self.split.data),) if self.split.data else ()

    def chosen_period(self, today: date) -> Period:
        return choose_period(
            self.period.data or DEFAULT_PRESET, self.start.data, self.end.data, today
        )
