"""Admin forms: a center, a staff account."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TelField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from portal.auth.forms import cambodian_phone, safe_password
from portal.auth.models import Role
from portal.centers.models import KIOSK_IDLE_DEFAULT, KIOSK_IDLE_MAX
from portal.centers.services import CENTER_FIELDS, center_choices
from portal.clean_input import optional_id
from portal.form_messages import CHOOSE, MUST_CHOOSE
from portal.phones import looks_like_phone
from portal.places.fields import ProvinceField, ProvincesField

OFFICE_CHOICES = [
    SelectChoice("own", _l("Our own office")),
    SelectChoice("partner", _l("A partner's office")),
]


class CenterForm(FlaskForm):
    name = StringField(_l("Name of the center"), validators=[DataRequired(), Length(max=120)])
    province_code = ProvinceField(
        _l("Province"),
        validators=[DataRequired(message=_l("Choose a province."))],
        blank=_l("Choose a province"),
    )
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])
    phone = TelField(_l("Phone number"), validators=[Optional(), cambodian_phone])
    email = EmailField(
        _l("E-mail"),
        validators=[
            Optional(),
            Email(message=_l("This e-mail address looks wrong.")),
            Length(max=254),
        ],
    )
    office = RadioField(_l("Whose office is it?"), choices=OFFICE_CHOICES, default="own")
    served_provinces = ProvincesField(
        _l("Provinces it serves"),
        description=_l(
            "Its counselors review, check and refer there; they read the rest of Cambodia."
            " The center's own province always counts."
        ),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    kiosk_mode = BooleanField(
        _l("Kiosk mode for the center's shared computers"),
        description=_l(
            "They log people out after some minutes without use and when they press Done,"
            " and never remember a login."
        ),
    )
    kiosk_idle_minutes = IntegerField(
        _l("Minutes without use before a kiosk logs out"),
        default=KIOSK_IDLE_DEFAULT,
        validators=[
            Optional(),  # left empty: the center keeps its minutes (5 for a new one)
            NumberRange(
                min=1, max=KIOSK_IDLE_MAX, message=_l("Enter a number from %(min)s to %(max)s.")
            ),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        center = kwargs.get("obj")
        if center is not None and not self.is_submitted():
            self.office.data = "partner" if center.is_partner else "own"
            self.served_provinces.data = sorted(center.served_provinces)

    def center_fields(self) -> dict:
        fields = {name: self[name].data for name in CENTER_FIELDS if name in self}
        fields["is_partner"] = self.office.data == "partner"
        if fields.get("kiosk_idle_minutes") is None:
            fields.pop("kiosk_idle_minutes", None)
        fields["served_provinces"] = list(self.served_provinces.data or [])
        return fields


def email_or_phone(form, field) -> None:
    text = (field.data or "").strip()
    if "@" in text:
        Email(message=_l("This e-mail address looks wrong."))(form, field)
    elif not looks_like_phone(text):
        raise ValidationError(
            _l("Enter an e-mail address or a Cambodian phone number, for example 012 345 678.")
        )


class StaffForm(FlaskForm):
    display_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    login = StringField(
        _l("E-mail or phone number"),
        validators=[DataRequired(), Length(max=254), email_or_phone],
        description=_l("They log in with this."),
    )
    password = PasswordField(
        _l("Temporary password"),
        validators=[DataRequired(), safe_password],
        description=_l("At least 8 characters. Give it to them in person, not by chat."),
    )
    role = SelectField(
        _l("Role"),
        validators=[DataRequired(message=MUST_CHOOSE)],
        choices=[
            SelectChoice("", CHOOSE),
            SelectChoice(Role.COUNSELOR.value, _l("Counselor")),
            SelectChoice(Role.ADMIN.value, _l("Admin")),
        ],
    )
    center_id = SelectField(
        _l("Center"),
        coerce=optional_id,
        validators=[DataRequired(message=_l("Choose a center."))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.center_id.choices = [SelectChoice("", CHOOSE)] + [
            SelectChoice(str(id_), name) for id_, name in center_choices()
        ]
