"""Forms of the safety pages: report a posting, a counselor's decision, a hotline or legal-aid
contact."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from portal import phones
from portal.centers.models import Center
from portal.extensions import db
from portal.safety.models import SafetyContactKind
from portal.safety.reports import MAX_DETAILS, MAX_NOTE, REASON_LABELS

CONTACT_KIND_LABELS = {
    SafetyContactKind.HOTLINE: _l("Hotline"),
    SafetyContactKind.LEGAL_AID: _l("Legal help"),
}
NATIONAL = ""  # the center choice for contacts shown at every center


class ReportForm(FlaskForm):
    reason = RadioField(
        _l("What was wrong?"),
        choices=[SelectChoice(str(code), label) for code, label in REASON_LABELS.items()],
        validators=[DataRequired(message=_l("Choose what was wrong."))],
    )
    details = TextAreaField(
        _l("Tell us more (you may leave it empty)"),
        validators=[Optional(), Length(max=MAX_DETAILS)],
        description=_l("What happened? Do not write your passport or ID number."),
        render_kw={"maxlength": MAX_DETAILS, "rows": 4},
    )


class DecisionForm(FlaskForm):
    note = TextAreaField(
        _l("What did you find?"),
        validators=[Optional(), Length(max=MAX_NOTE)],
        render_kw={"maxlength": MAX_NOTE, "rows": 2},
    )


def center_choices() -> list[SelectChoice]:
    centers = db.session.scalars(select(Center).order_by(Center.name))
    return [
        SelectChoice(NATIONAL, _l("Every center (national)")),
        *(SelectChoice(str(center.id), center.name) for center in centers),
    ]


def hotline_number(form, field) -> None:
    """A number one can call: Cambodian, abroad with its "+" code, or a short hotline code."""
    if field.data and phones.normalize_hotline(field.data) is None:
        raise ValidationError(
            _l(
                "Write a phone number people can call, like 012 345 678, +66 2 123 4567 "
                "or a short hotline number like 1288."
            )
        )


class SafetyContactForm(FlaskForm):
    center = SelectField(_l("Shown at"), choices=center_choices, validate_choice=True, default="")
    kind = RadioField(
        _l("Kind of help"),
        choices=[SelectChoice(str(k), label) for k, label in CONTACT_KIND_LABELS.items()],
        default=str(SafetyContactKind.HOTLINE),
        validators=[DataRequired(message=_l("Choose the kind of help."))],
    )
    name_en = StringField(_l("Name in English"), validators=[DataRequired(), Length(max=200)])
    name_km = StringField(_l("Name in Khmer"), validators=[DataRequired(), Length(max=200)])
    phone = StringField(
        _l("Phone number"), validators=[DataRequired(), Length(max=40), hotline_number]
    )
    note_en = TextAreaField(
        _l("Note in English (you may leave it empty)"),
        validators=[Optional(), Length(max=500)],
        render_kw={"rows": 2, "maxlength": 500},
    )
    note_km = TextAreaField(
        _l("Note in Khmer (you may leave it empty)"),
        validators=[Optional(), Length(max=500)],
        render_kw={"rows": 2, "maxlength": 500},
    )
    position = IntegerField(
        _l("Order on the panel"),
        description=_l("Smaller numbers come first."),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=999)],
    )

    def contact_fields(self) -> dict:
        return {
            "center_id": int(self.center.data) if self.center.data else None,
            "kind": SafetyContactKind(self.kind.data),
            "name_en": self.name_en.data.strip(),
            "name_km": self.name_km.data.strip(),
            "phone": phones.normalize_hotline(self.phone.data),
            "note_en": (self.note_en.data or "").strip(),
            "note_km": (self.note_km.data or "").strip(),
            "position": self.position.data or 0,
        }

    def show(self, contact) -> None:
        """Fill the form from a saved contact (the edit page)."""
        self.center.data = str(contact.center_id) if contact.center_id else NATIONAL
        self.kind.data = str(contact.kind)
        for name in ("name_en", "name_km", "phone", "note_en", "note_km", "position"):
            self[name].data = getattr(contact, name)
        self.phone.data = phones.display(contact.phone)
