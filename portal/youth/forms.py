"""Forms for young people (sign-up, own profile) and for counselors (register, edit, filters)."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TelField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from portal.auth.forms import PasswordMixin, cambodian_phone
from portal.clean_input import optional_id
from portal.form_messages import CHOOSE
from portal.jobs.models import OpeningKind
from portal.places import UnknownPlace, resolve_province, unknown_province_message
from portal.places.fields import DistrictField, ProvinceField, ProvincesField
from portal.skills import parse_skills
from portal.youth.functioning import FunctioningMixin
from portal.youth.models import NOT_SAID, EducationLevel, Gender
from portal.youth.queries import YouthFilters
from portal.youth.services import (
    MAX_SKILL_LENGTH,
    MAX_SKILLS,
    PROFILE_FIELDS,
    age_problem,
)

GENDER_LABELS = {
    Gender.FEMALE.value: _l("Female"),
    Gender.MALE.value: _l("Male"),
    Gender.OTHER.value: _l("Other or not said"),
}
# What the forms offer: "prefer not to say" is stored as Gender.OTHER ("other or not said"),
# so every figure keeps its three sexes (female, male, other or not said).
GENDER_ANSWERS = {
    Gender.FEMALE.value: _l("Female"),
    Gender.MALE.value: _l("Male"),
    Gender.OTHER.value: _l("Other"),
    NOT_SAID: _l("Prefer not to say"),
}
EDUCATION_LABELS = {
    EducationLevel.NONE.value: _l("None"),
    EducationLevel.PRIMARY.value: _l("Primary school"),
    EducationLevel.LOWER_SECONDARY.value: _l("Lower secondary (grade 9)"),
    EducationLevel.UPPER_SECONDARY.value: _l("Upper secondary (grade 12)"),
    EducationLevel.VOCATIONAL.value: _l("Vocational training"),
    EducationLevel.UNIVERSITY.value: _l("University"),
}
NOT_SAID_LABEL = _l("Not said")
MUST_ANSWER = _l("Choose an answer, or “Prefer not to say”.")
# Stored as None (not said): never counted as "none" (no schooling).
EDUCATION_ANSWERS = {**EDUCATION_LABELS, NOT_SAID: _l("Prefer not to say")}
LANGUAGE_LABELS = {
    "km": _l("Khmer"),
    "en": _l("English"),
    "th": _l("Thai"),
    "zh": _l("Chinese"),
    "ko": _l("Korean"),
    "ja": _l("Japanese"),
    "vi": _l("Vietnamese"),
    "fr": _l("French"),
}
KIND_LABELS = {
    OpeningKind.JOB.value: _l("A job"),
    OpeningKind.INTERNSHIP.value: _l("An internship"),
    OpeningKind.COURSE.value: _l("A course"),
}
# Labels of stored codes, for the pages that show a profile.
LABELS = {
    "gender": GENDER_LABELS,
    "education_level": {**EDUCATION_LABELS, None: NOT_SAID_LABEL},
    "languages": LANGUAGE_LABELS,
    "wanted_kinds": KIND_LABELS,
}


def choices(labels: dict, blank=None) -> list[SelectChoice]:
    """Select options from {value: label}, optionally after a blank option."""
    options = [SelectChoice(value, label) for value, label in labels.items()]
    return ([SelectChoice("", blank)] if blank is not None else []) + options


class CheckboxesField(SelectMultipleField):
    """Several choices shown as tick boxes (easier on a phone than a multiple select)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class SkillsField(StringField):
    """Typed as 'sewing, cooking'; held as a trimmed list without repeats."""

    def process_formdata(self, valuelist):
        self.data = parse_skills(valuelist[0]) if valuelist else []

    def _value(self) -> str:
        return ", ".join(self.data or [])

    def pre_validate(self, form) -> None:
        if len(self.data or []) > MAX_SKILLS:
            raise ValidationError(_l("Write at most 30 skills."))
        if any(len(skill) > MAX_SKILL_LENGTH for skill in self.data or []):
            raise ValidationError(_l("Keep each skill short (60 letters at most)."))


class BirthDateField(DateField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("Enter the date of birth, for example 2005-03-21.")) from error


def gender_field() -> SelectField:
    """Gender, to be answered: "Choose…" first, "Prefer not to say" offered."""
    return SelectField(
        _l("Gender"),
        choices=choices(GENDER_ANSWERS, blank=CHOOSE),
        validators=[DataRequired(message=MUST_ANSWER)],
    )


def education_field() -> SelectField:
    """The school finished, to be answered: "Choose…" first, "Prefer not to say" offered."""
    return SelectField(
        _l("School finished"),
        choices=choices(EDUCATION_ANSWERS, blank=CHOOSE),
        validators=[DataRequired(message=MUST_ANSWER)],
    )


class YouthFieldsMixin:
    """Fields of a young person shared by every form; their names are YouthProfile's columns."""

    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    gender = gender_field()
    date_of_birth = BirthDateField(
        _l("Date of birth"), validators=[InputRequired(message=_l("Enter the date of birth."))]
    )
    phone = TelField(_l("Phone number"), validators=[DataRequired(), cambodian_phone])
    province_code = ProvinceField(
        _l("Province"),
        validators=[DataRequired(message=_l("Choose a province."))],
        blank=_l("Choose a province"),
    )
    saved_date_of_birth: date | None = None

    def validate_date_of_birth(self, field) -> None:
        # An age checked once stays valid: a young person who turns 31 can still fix a typo.
        if field.data != self.saved_date_of_birth and (problem := age_problem(field.data)):
            raise ValidationError(problem)


class YouthSignupForm(YouthFieldsMixin, PasswordMixin, FlaskForm):
    email = EmailField(
        _l("E-mail (if you have one)"),
        validators=[
            Optional(),
            Email(message=_l("This e-mail address looks wrong.")),
            Length(max=254),
        ],
    )
    consent = BooleanField(_l("Employers may see my profile"))

    def account_fields(self) -> dict:
        return {name: getattr(self, name).data for name in PROFILE_FIELDS if name in self}


class ProfileForm(YouthFieldsMixin, FunctioningMixin, FlaskForm):
    """A young person edits their own profile."""

    district_code = DistrictField(_l("District"))
    education_level = education_field()
    skills = SkillsField(
        _l("Skills"),
        description=_l("Write what you can do, with commas: sewing, cooking, driving."),
    )
    languages = CheckboxesField(_l("Languages you speak"), choices=choices(LANGUAGE_LABELS))
    wanted_kinds = CheckboxesField(_l("What are you looking for?"), choices=choices(KIND_LABELS))
    work_provinces = ProvincesField(
        _l("Provinces where you would work"),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    consent = BooleanField(_l("Employers may see my profile"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = kwargs.get("obj")
        if profile is not None:
            self.saved_date_of_birth = profile.date_of_birth
            if not self.is_submitted():
                self.consent.data = profile.consent_to_share
            self._forget_stale_district(profile)
        self.district_code.limit_to(self.province_code.data)

    def _forget_stale_district(self, profile) -> None:
        # Without JavaScript the district list still shows the old province's districts when the
        # province changes: an old district left selected is dropped, not refused.
        moved = self.province_code.data != profile.province_code
        if self.is_submitted() and moved and self.district_code.data == profile.district_code:
            self.district_code.data = ""

    def profile_fields(self) -> dict:
        return {name: getattr(self, name).data for name in PROFILE_FIELDS}


class CenterYouthForm(ProfileForm):
    """A counselor registers or edits a young person of their center."""

    ref = StringField(
        _l("Center number (optional)"),
        validators=[Optional(), Length(max=40)],
        description=_l("Your center's own number for this person, if it has one."),
    )
    phone = TelField(_l("Phone number"), validators=[Optional(), cambodian_phone])
    wanted_kinds = CheckboxesField(_l("Looking for"), choices=choices(KIND_LABELS))
    work_provinces = ProvincesField(
        _l("Provinces where they would work"),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    languages = CheckboxesField(_l("Languages spoken"), choices=choices(LANGUAGE_LABELS))
    consent = BooleanField(_l("The young person agrees that employers may see this profile"))


class ConfirmDetailsForm(FlaskForm):
    """The one-time question to a young person whose answers may be an old form's default."""

    gender = gender_field()
    education_level = education_field()
    confirm = SubmitField(_l("Save"))
    skip = SubmitField(_l("Not now"))

    def details(self) -> dict:
        return {"gender": self.gender.data, "education_level": self.education_level.data}


class YouthFilterForm(FlaskForm):
    """Filters of the counselors' youth list, read from the query string."""

    class Meta:
        csrf = False

    q = StringField(_l("Name, phone or number"), validators=[Optional(), Length(max=100)])
    province = StringField(_l("Province"), validators=[Optional(), Length(max=60)])
    gender = SelectField(_l("Gender"), choices=choices(GENDER_LABELS, blank=_l("All")), default="")
    center = SelectField(
        _l("Center"),
        choices=[SelectChoice("", _l("All centers"))],
        validate_choice=False,
        default="",
    )
    province_code: str | None = None

    def offer_centers(self, centers: list[tuple[int, str]]) -> None:
        """Admins filter by center: (id, name) pairs become the center options."""
        self.center.choices += [SelectChoice(str(id_), name) for id_, name in centers]

    def filters(self) -> YouthFilters:
        """The filters to apply, once the form is valid."""
        center = self.center.data or ""
        return YouthFilters(
            text=(self.q.data or "").strip(),
            province_code=self.province_code,
            gender=self.gender.data or None,
            center_id=optional_id(center),
        )

    def validate_province(self, field) -> None:
        if not field.data or not field.data.strip():
            return
        try:
            self.province_code = resolve_province(field.data).code
        except UnknownPlace as unknown:
            raise ValidationError(unknown_province_message(field.data, unknown)) from unknown
