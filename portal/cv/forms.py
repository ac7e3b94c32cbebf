"""The forms of the CV page: a piece of work (any work: a job, the family farm, selling at the
market, caring for brothers and sisters), a school or training, and the CV attached to an
application."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError
from wtforms.widgets import TextInput

from portal.cv.wording import OUTCOME_LABELS, WORK_KIND_LABELS
from portal.form_messages import CHOOSE
from portal.i18n import local_digits
from portal.khmer import latin_digits
from portal.youth.forms import EDUCATION_LABELS, choices
from portal.youth.models import EducationLevel

MAX_TEXT = 300
FIRST_YEAR = 1950
# The grades of each school level in Cambodia (a grade outside them is a typing mistake).
LEVEL_GRADES = {
    EducationLevel.PRIMARY.value: range(1, 7),
    EducationLevel.LOWER_SECONDARY.value: range(7, 10),
    EducationLevel.UPPER_SECONDARY.value: range(10, 13),
}
SCHOOL_LEVELS = {code: label for code, label in EDUCATION_LABELS.items() if code != "none"}


class YearField(Field):
    """A year typed in either script ("2019" or "២០១៩"); empty is allowed."""

    widget = TextInput()

    def process_formdata(self, valuelist):
        text = latin_digits(valuelist[0] if valuelist else "").strip()
        self.data = None
        if text:
            if not text.isdigit():
                raise ValueError(_l("Write a year with 4 digits, for example 2021."))
            self.data = int(text)

    def _value(self) -> str:
        return str(self.data) if self.data else ""

    def pre_validate(self, form) -> None:
        if self.data is not None and not FIRST_YEAR <= self.data <= date.today().year + 1:
            raise ValidationError(_l("Write a year with 4 digits, for example 2021."))


def year_field(label) -> YearField:
    return YearField(label, render_kw={"inputmode": "numeric", "maxlength": 4, "size": 6})


class YearsMixin:
    start_year = year_field(_l("From (year)"))
    end_year = year_field(_l("Until (year)"))

    def validate_end_year(self, field) -> None:
        start = self.start_year.data
        if field.data is not None and start is not None and field.data < start:
            raise ValidationError(_l("The end year comes before the start year."))

    def years(self) -> dict:
        return {"start_year": self.start_year.data, "end_year": self.end_year.data}


class WorkForm(YearsMixin, FlaskForm):
    """Any work counts: paid or not, for a boss, for the family or for herself."""

    FIELDS = ("kind", "what", "place", "start_year", "end_year", "description")

    kind = RadioField(
        _l("What kind of work was it?"),
        choices=choices(WORK_KIND_LABELS),
        validators=[InputRequired(message=_l("Choose what kind of work it was."))],
    )
    what = StringField(
        _l("What did you do?"),
        description=_l(
            "For example: helped on the family rice farm, sold vegetables at the market, "
            "looked after my younger brothers and sisters, repaired motorbikes with my uncle."
        ),
        validators=[DataRequired(message=_l("Write what you did.")), Length(max=120)],
    )
    place = StringField(
        _l("Where, or for whom? (you may leave it empty)"),
        description=_l("For example: our farm in Pursat, Phsar Thmei market, my uncle's shop."),
        validators=[Optional(), Length(max=120)],
    )
    end_year = year_field(_l("Until (year): leave it empty if you still do it"))
    description = TextAreaField(
        _l("What you learned or were trusted with (you may leave it empty)"),
        description=_l("For example: fed 50 chickens every day; counted the money each evening."),
        validators=[Optional(), Length(max=MAX_TEXT)],
        render_kw={"maxlength": MAX_TEXT, "rows": 3},
    )

    def fields(self) -> dict:
        return {
            "kind": self.kind.data,
            "what": self.what.data.strip(),
            "place": (self.place.data or "").strip(),
            "description": (self.description.data or "").strip(),
            **self.years(),
        }


def grade_choices() -> list[SelectChoice]:
    grades = (SelectChoice(str(grade), local_digits(grade)) for grade in range(1, 13))
    return [SelectChoice("", _l("Not said")), *grades]


class SchoolingForm(YearsMixin, FlaskForm):
    """A school or a training, finished or not: "stopped in grade 9" is a fine answer."""

    FIELDS = ("level", "outcome", "grade", "school", "subject", "start_year", "end_year")

    level = SelectField(
        _l("Which school or training?"),
        choices=choices(SCHOOL_LEVELS, blank=CHOOSE),
        validators=[DataRequired(message=_l("Choose the school level."))],
    )
    outcome = RadioField(
        _l("Did you finish it?"),
        choices=choices(OUTCOME_LABELS),
        validators=[InputRequired(message=_l("Choose whether you finished it."))],
    )
    grade = SelectField(
        _l("The last grade you were in (you may leave it empty)"),
        description=_l("If you stopped: for example grade 9."),
        choices=grade_choices,
        validators=[Optional()],
    )
    school = StringField(
        _l("Name of the school or training center (you may leave it empty)"),
        validators=[Optional(), Length(max=120)],
    )
    subject = StringField(
        _l("Trade or subject (you may leave it empty)"),
        description=_l("For example: motorbike repair, sewing, accounting."),
        validators=[Optional(), Length(max=120)],
    )

    def validate_grade(self, field) -> None:
        grades = LEVEL_GRADES.get(self.level.data)
        if field.data and grades is not None and int(field.data) not in grades:
            raise ValidationError(
                _(
                    "Grade %(grade)s is not in this school: choose grade %(first)s to %(last)s.",
                    grade=local_digits(int(field.data)),
                    first=local_digits(grades[0]),
                    last=local_digits(grades[-1]),
                )
            )

    def fields(self) -> dict:
        return {
            "level": self.level.data,
            "outcome": self.outcome.data,
            "grade": int(self.grade.data) if self.grade.data else None,
            "school": (self.school.data or "").strip(),
            "subject": (self.subject.data or "").strip(),
            **self.years(),
        }


def fill(form: FlaskForm, row) -> None:
    """Show a saved row in its form (on GET)."""
    for name in form.FIELDS:
        value = getattr(row, name)
        value = getattr(value, "value", value)
        getattr(form, name).data = str(value) if name == "grade" and value else value
