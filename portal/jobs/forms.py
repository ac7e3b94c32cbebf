"""Forms for posting, editing and reviewing openings, and for filtering the public list."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SearchField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from portal.clean_input import optional_id
from portal.extensions import db
from portal.form_messages import CHOOSE, MUST_CHOOSE
from portal.i18n import current_language
from portal.jobs.models import (
    MIN_HAZARDOUS_AGE,
    MIN_WORKING_AGE,
    Currency,
    Opening,
    OpeningKind,
    OpeningStatus,
)
from portal.occupations.fields import IscoGroupField
from portal.orgs.models import Organization
from portal.places import districts_of, provinces
from portal.places.fields import DistrictField, ProvinceField
from portal.skills import parse_skills
from portal.youth.forms import EDUCATION_LABELS, LANGUAGE_LABELS, CheckboxesField, choices
from portal.youth.models import EducationLevel

MIN_COURSE_AGE = 12
MAX_AGE = 65

KIND_CHOICES = [
    SelectChoice(OpeningKind.JOB.value, _l("Job")),
    SelectChoice(OpeningKind.INTERNSHIP.value, _l("Internship")),
    SelectChoice(OpeningKind.COURSE.value, _l("Course")),
]
STATUS_LABELS = {
    OpeningStatus.DRAFT: _l("Draft"),
    OpeningStatus.PENDING_REVIEW: _l("Waiting for review"),
    OpeningStatus.PUBLISHED: _l("Published"),
    OpeningStatus.REJECTED: _l("Sent back"),
    OpeningStatus.DECLINED: _l("Declined"),
    OpeningStatus.CLOSED: _l("Closed"),
}
CURRENCY_CHOICES = [
    SelectChoice(Currency.USD.value, _l("US dollars ($)")),
    SelectChoice(Currency.KHR.value, _l("Riel (៛)")),
]

# Labels of an opening's stored requirement codes, for the detail page (the youth forms' own).
REQUIREMENT_LABELS = {"education": EDUCATION_LABELS, "languages": LANGUAGE_LABELS}


class OpeningForm(FlaskForm):
    organization = SelectField(
        _l("Organization"),
        coerce=optional_id,
        validate_choice=True,
        validators=[DataRequired(message=_l("Choose an organization."))],
    )
    kind = SelectField(
        _l("What is it?"),
        choices=[SelectChoice("", CHOOSE), *KIND_CHOICES],
        validators=[DataRequired(message=MUST_CHOOSE)],
    )
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(
        _l("Description"),
        validators=[DataRequired(), Length(max=10000)],
        description=_l("The work, the hours, and what the person will learn."),
    )
    skills = StringField(
        _l("Skills"),
        validators=[Optional(), Length(max=1000)],
        description=_l("Separate them with commas, for example: sewing, ironing."),
    )
    province = ProvinceField(_l("Province"), validators=[DataRequired()], blank=_l("Choose"))
    district = DistrictField(_l("District"), validators=[Optional()])
    salary_min = IntegerField(
        _l("Lowest pay per month"), validators=[Optional(), NumberRange(min=0)]
    )
    salary_max = IntegerField(
        _l("Highest pay per month"), validators=[Optional(), NumberRange(min=0)]
    )
    currency = SelectField(
        _l("Currency of the pay"), choices=[SelectChoice("", "—"), *CURRENCY_CHOICES]
    )
    min_age = IntegerField(_l("Minimum age"), validators=[InputRequired()], default=MIN_WORKING_AGE)
    hazardous = BooleanField(_l("Hazardous work (heavy loads, chemicals, heights, night work…)"))
    min_education = SelectField(
        _l("Lowest education needed"),
        choices=choices(EDUCATION_LABELS, blank=_l("Not needed")),
        default="",
    )
    languages = CheckboxesField(_l("Languages needed"), choices=choices(LANGUAGE_LABELS))
    isco_minor_group = IscoGroupField()
    positions = IntegerField(
        _l("How many people?"),
        validators=[InputRequired(), NumberRange(min=1, max=10000)],
        default=1,
    )
    work_abroad = BooleanField(_l("The work is outside Cambodia"))
    work_country = StringField(
        _l("Country of the work"),
        validators=[Length(max=60)],  # no Optional(): it would skip validate_work_country
        description=_l("Only when the work is outside Cambodia."),
    )
    closing_date = DateField(_l("Closing date"), validators=[Optional()])
    ref = StringField(
        _l("Your reference"),
        validators=[Optional(), Length(max=60)],
        description=_l("Leave it empty and we make one."),
    )
    start_date = DateField(_l("Course starts on"), validators=[Optional()])
    duration_weeks = IntegerField(
        _l("Length in weeks"), validators=[Optional(), NumberRange(min=1, max=520)]
    )
    fee = IntegerField(
        _l("Fee"),
        validators=[Optional(), NumberRange(min=0)],
        default=0,
        description=_l("0 means the course is free."),
    )
    fee_currency = SelectField(_l("Currency of the fee"), choices=CURRENCY_CHOICES)
    scholarship_available = BooleanField(_l("Scholarships are available"))
    publish = SubmitField(_l("Publish now"))
    save_draft = SubmitField(_l("Save as draft"))

    def __init__(
        self, *args, organization_id: int | None = None, opening_id: int | None = None, **kwargs
    ):
        """`organization_id` fixes the organization (employers, edits); otherwise staff choose."""
        super().__init__(*args, **kwargs)
        self.fixed_organization_id = organization_id
        self.opening_id = opening_id
        if organization_id is not None:
            del self.organization
        else:
            self.organization.choices = [SelectChoice("", CHOOSE), *_organization_choices()]
        self.district.limit_to(self.province.data)
        if not self.province.data:  # no JavaScript: offer every district, grouped by province
            self.district.choices = _all_districts()

    @property
    def is_course(self) -> bool:
        return self.kind.data == OpeningKind.COURSE.value

    @property
    def organization_id(self) -> int | None:
        if self.fixed_organization_id is not None:
            return self.fixed_organization_id
        return self.organization.data

    def validate_salary_max(self, field) -> None:
        low = self.salary_min.data
        if field.data is not None and low is not None and field.data < low:
            raise ValidationError(_l("The highest pay cannot be less than the lowest pay."))

    def validate_currency(self, field) -> None:
        has_salary = self.salary_min.data is not None or self.salary_max.data is not None
        if has_salary and not field.data:
            raise ValidationError(_l("Choose the currency of the pay."))

    def validate_min_age(self, field) -> None:
        lowest = MIN_COURSE_AGE if self.is_course else MIN_WORKING_AGE
        if field.data is not None and not lowest <= field.data <= MAX_AGE:
            raise ValidationError(
                _l("Choose an age from %(low)s to %(high)s.", low=lowest, high=MAX_AGE)
            )
        if self.hazardous.data and field.data is not None and field.data < MIN_HAZARDOUS_AGE:
            raise ValidationError(
                _l("Hazardous work is for people of %(age)s or older.", age=MIN_HAZARDOUS_AGE)
            )

    def validate_work_country(self, field) -> None:
        if self.work_abroad.data and not (field.data or "").strip():
            raise ValidationError(_l("Say in which country the work is."))

    def validate_closing_date(self, field) -> None:
        if field.data and field.data < date.today():
            raise ValidationError(_l("The closing date is already past. Choose a later day."))

    def validate_ref(self, field) -> None:
        ref = (field.data or "").strip()
        if not ref or self.organization_id is None:
            return
        query = select(Opening.id).where(
            Opening.organization_id == self.organization_id, Opening.ref == ref
        )
        if self.opening_id is not None:
            query = query.where(Opening.id != self.opening_id)
        if db.session.scalar(query):
            raise ValidationError(
                _l("Another opening of this organization already uses %(ref)s.", ref=ref)
            )

    def opening_fields(self) -> dict:
        """The opening's columns, as the services expect them."""
        return {
            "kind": OpeningKind(self.kind.data),
            "title": self.title.data.strip(),
            "description": (self.description.data or "").strip(),
            "skills": parse_skills(self.skills.data),
            "province_code": self.province.data,
            "district_code": self.district.data or None,
            "salary_min": self.salary_min.data,
            "salary_max": self.salary_max.data,
            "currency": Currency(self.currency.data) if self.currency.data else None,
            "min_age": self.min_age.data,
            "hazardous": bool(self.hazardous.data),
            "min_education": EducationLevel(self.min_education.data)
            if self.min_education.data
            else None,
            "languages": list(self.languages.data or []),
            "positions": self.positions.data,
            "closing_date": self.closing_date.data,
            "ref": (self.ref.data or "").strip() or None,
            "work_abroad": bool(self.work_abroad.data),
            "work_country": " ".join((self.work_country.data or "").split()) or None,
            "isco_minor_group": self.isco_minor_group.data or None,
        }

    def course_fields(self) -> dict | None:
        """Course details for courses; None for jobs and internships."""
        if not self.is_course:
            return None
        return {
            "start_date": self.start_date.data,
            "duration_weeks": self.duration_weeks.data,
            "fee": self.fee.data or 0,
            "fee_currency": Currency(self.fee_currency.data),
            "scholarship_available": bool(self.scholarship_available.data),
        }


def _organization_choices() -> list[tuple[int, str]]:
    rows = db.session.execute(
        select(Organization.id, Organization.name, Organization.verified_at).order_by(
            Organization.name
        )
    )
    return [
        (org_id, name if verified else _("%(name)s (not verified yet)", name=name))
        for org_id, name, verified in rows
    ]


def _all_districts() -> dict[str, list[SelectChoice]]:
    language = current_language()
    groups: dict[str, list[SelectChoice]] = {_("Not given"): [SelectChoice("", "—")]}
    for province in sorted(provinces(), key=lambda p: p.name(language)):
        groups[province.name(language)] = [
            SelectChoice(d.code, d.name(language)) for d in districts_of(province.code)
        ]
    return groups


def initial_data(opening: Opening) -> dict:
    """What the edit form shows before the first save."""
    data = {
        "kind": opening.kind.value,
        "title": opening.title,
        "description": opening.description,
        "skills": ", ".join(opening.skills or []),
        "province": opening.province_code,
        "district": opening.district_code or "",
        "salary_min": opening.salary_min,
        "salary_max": opening.salary_max,
        "currency": opening.currency.value if opening.currency else "",
        "min_age": opening.min_age,
        "hazardous": opening.hazardous,
        "min_education": opening.min_education.value if opening.min_education else "",
        "languages": list(opening.languages or []),
        "positions": opening.positions,
        "closing_date": opening.closing_date,
        "ref": opening.ref,
        "work_abroad": opening.work_abroad,
        "work_country": opening.work_country or "",
        "isco_minor_group": opening.isco_minor_group or "",
    }
    course = opening.course
    if course is not None:
        data.update(
            start_date=course.start_date,
            duration_weeks=course.duration_weeks,
            fee=course.fee,
            fee_currency=course.fee_currency.value,
            scholarship_available=course.scholarship_available,
        )
    return data


class RejectForm(FlaskForm):
    reason = TextAreaField(
        _l("Why is it sent back?"),
        validators=[
            DataRequired(message=_l("Say why the opening is sent back.")),
            Length(max=2000),
        ],
        description=_l("The organization reads this. Say what to change."),
    )


class DeclineForm(FlaskForm):
    reason = TextAreaField(
        _l("Why is it declined for good?"),
        validators=[
            DataRequired(message=_l("Say why the opening is declined.")),
            Length(max=2000),
        ],
        description=_l("The organization reads this. It cannot change or send this opening again."),
    )


class ApproveForm(FlaskForm):
    """Publishing an opening with warning signs needs the counselor's word that they checked."""

    confirm_warnings = BooleanField(_l("I checked these warnings"))


class CloseForm(FlaskForm):
    reason = StringField(_l("Why close it? (optional)"), validators=[Optional(), Length(max=500)])


class OpeningFilterForm(FlaskForm):
    """The search box and filters above the public list; read from the query string, never saved.

    The values are checked by `portal.jobs.listing.parse_search_args` (shared with the API);
    `show` puts its reading and its messages into the fields."""

    class Meta:
        csrf = False

    q = SearchField(
        _l("Words"),
        validators=[Optional(), Length(max=200)],
        render_kw={"placeholder": _l("e.g. sewing, motorbike repair, Siem Reap")},
    )
    kind = SelectField(
        _l("What"),
        choices=[SelectChoice("", _l("Everything")), *KIND_CHOICES],
        validate_choice=False,
    )
    province = ProvinceField(_l("Where"), blank=_l("All provinces"), validate_choice=False)
    min_salary = IntegerField(
        _l("Lowest pay per month ($)"), validators=[Optional(), NumberRange(min=0)]
    )
    include_closed = BooleanField(_l("Show closed openings too"))

    def show(self, params) -> None:
        """Show what the search understood (a province typed "Purset" is selected as Pursat)
        and the message of each bad value next to its field."""
        self.province.data = params.province.code if params.province else ""
        self.other_errors = []  # about values without a field here (organization, sort, page)
        for name, error in params.errors.items():
            if name == "province":  # a wrong place has its own box, with suggestions
                continue
            if name in self._fields:
                self[name].errors = [error.message]
            else:
                self.other_errors.append(error.message)
