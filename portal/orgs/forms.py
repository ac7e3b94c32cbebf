"""The form an employer uses to describe its organization."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, StringField, TelField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from portal import phones
from portal.auth.forms import cambodian_phone
from portal.orgs.models import Organization
from portal.places.fields import ProvinceField


class OrganizationForm(FlaskForm):
    description = TextAreaField(
        _l("About your organization"),
        validators=[Optional(), Length(max=5000)],
        description=_l("What you do, and why young people like to work or learn with you."),
    )
    contact_name = StringField(_l("Contact person"), validators=[DataRequired(), Length(max=120)])
    contact_phone = TelField(
        _l("Contact phone number"), validators=[DataRequired(), cambodian_phone]
    )
    contact_email = EmailField(
        _l("Contact e-mail"),
        validators=[
            Optional(),
            Email(message=_l("This e-mail address looks wrong.")),
            Length(max=254),
        ],
    )
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])
    province = ProvinceField(_l("Province"), validators=[DataRequired()], blank=_l("Choose"))

    @classmethod
    def for_organization(cls, organization: Organization) -> OrganizationForm:
        return cls(
            data={
                "description": organization.description,
                "contact_name": organization.contact_name,
                "contact_phone": organization.contact_phone,
                "contact_email": organization.contact_email,
                "address": organization.address,
                "province": organization.province_code,
            }
        )

    def apply_to(self, organization: Organization) -> None:
        """Copy the cleaned answers onto the organization (the view commits)."""
        organization.description = (self.description.data or "").strip()
        organization.contact_name = self.contact_name.data.strip()
        organization.contact_phone = phones.normalize(self.contact_phone.data)
        organization.contact_email = (self.contact_email.data or "").strip().lower() or None
        organization.address = (self.address.data or "").strip() or None
        organization.province_code = self.province.data


class VerifyForm(FlaskForm):
    note = TextAreaField(
        _l("What did you check? (optional)"),
        validators=[Optional(), Length(max=2000)],
        description=_l("For example: registration paper seen, phone call with the manager."),
    )


class RejectOrganizationForm(FlaskForm):
    reason = TextAreaField(
        _l("Why is it not verified?"),
        validators=[
            DataRequired(message=_l("Say why the organization is not verified.")),
            Length(max=2000),
        ],
        description=_l("The organization reads this. Say what is missing or wrong."),
    )


class RecruiterForm(FlaskForm):
    """Set by a counselor on the organization's check page, after seeing the Ministry of
    Labour's licence: the screening trusts work abroad from licensed recruitment agencies."""

    licensed_recruiter = BooleanField(_l("Licensed recruitment agency (to send workers abroad)"))
    licence_no = StringField(
        _l("Licence number"),
        validators=[Length(max=60)],  # no Optional(): it would skip validate_licence_no
        description=_l("As written on the licence from the Ministry of Labour."),
    )

    def validate_licence_no(self, field) -> None:
        if self.licensed_recruiter.data and not (field.data or "").strip():
            raise ValidationError(_l("Write the licence number you checked."))
