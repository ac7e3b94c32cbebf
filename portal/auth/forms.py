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

from portal import phones
from portal.auth.passwords import password_problem
from portal.form_messages import CHOOSE, MUST_CHOOSE
from portal.orgs.models import OrgKind
from portal.places.fields import ProvinceField


def safe_password(form, field) -> None:
    """The one password rule (portal.auth.passwords) for every form that sets a password: the
    phone and e-mail it must not be are the form's own fields, or the account's (`form.owner`)."""
    owner = getattr(form, "owner", None)
    if owner is not None:
        phone, email = owner.phone, owner.email
    else:
        login = _data(form, "login")
        phone, email = _data(form, "phone") or login, _data(form, "email") or login
    if problem := password_problem(field.data or "", phone=phone, email=email):
        raise ValidationError(problem)


def _data(form, name: str) -> str | None:
    return form[name].data if name in form else None


def cambodian_phone(form, field) -> None:
    if field.data and not phones.is_phone(field.data):
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
        validators=[DataRequired(), safe_password],
        description=_l("At least 8 characters. A few words you will remember are best."),
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
        validators=[DataRequired(message=MUST_CHOOSE)],
        choices=[
            SelectChoice("", CHOOSE),
            SelectChoice(OrgKind.EMPLOYER.value, _l("An employer")),
            SelectChoice(OrgKind.TRAINING_PROVIDER.value, _l("A training provider")),
        ],
    )
    province = ProvinceField(
        _l("Province"),
        validators=[DataRequired(message=_l("Choose a province."))],
        blank=_l("Choose a province"),
    )
    contact_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120)])
    phone = TelField(_l("Phone number"), validators=[DataRequired(), cambodian_phone])
    email = EmailField(_l("E-mail"), validators=[Optional(), Length(max=254)])


class ChangePasswordForm(FlaskForm):
    current = PasswordField(_l("Your password now"), validators=[DataRequired()])
    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), safe_password],
        description=_l("At least 8 characters. A few words you will remember are best."),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )

    def __init__(self, owner, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner  # whose phone and e-mail the new password must not be
