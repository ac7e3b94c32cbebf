from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    TelField,
)
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError

from portal.auth.phones import normalize_phone
from portal.orgs.models import OrgKind
from portal.places.fields import ProvinceField

PASSWORD_MIN = 8


def cambodian_phone(form, field) -> None:
    if field.data and normalize_phone(field.data) is None:
        raise ValidationError(_l("Enter a Cambodian phone number, for example 012 345 678."))


class LoginForm(FlaskForm):
    identifier = StringField(
        _l("Phone number or e-mail"), validators=[DataRequired(), Length(max=254)]
    )
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Keep me logged in on this device"))


class PasswordMixin:
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(min=PASSWORD_MIN, max=128)],
        description=_l("At least 8 characters."),
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )


class EmployerSignupForm(PasswordMixin, FlaskForm):
    organization_name = StringField(
        _l("Name of your company or school"), validators=[DataRequired(), Length(max=200)]
    )
    kind = SelectField(
        _l("You are"),
        choices=[
            SelectChoice(OrgKind.EMPLOYER.value, _l("An employer")),
            SelectChoice(OrgKind.TRAINING_PROVIDER.value, _l("A training provider")),
        ],
    )
    province = ProvinceField(_l("Province"), validators=[DataRequired()])
    contact_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120)])
    phone = TelField(_l("Phone number"), validators=[DataRequired(), cambodian_phone])
    email = EmailField(_l("E-mail"), validators=[Optional(), Length(max=254)])
