"""The admins' filters of the audit trail, read from the query string."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from portal.audit.labels import ACTION_LABELS, SUBJECT_LABELS
from portal.audit.queries import AuditFilters

BIGGEST_ID = 2**63 - 1  # a database id never passes this; bigger numbers would overflow


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False

    person = StringField(
        _l("Who (name, e-mail or phone)"), validators=[Optional(), Length(max=100)]
    )
    youth = StringField(
        _l("Young person (name or center number)"), validators=[Optional(), Length(max=100)]
    )
    action = SelectField(_l("What happened"), default="")
    subject_type = SelectField(_l("Kind of record"), default="")
    subject_id = IntegerField(
        _l("Record number"), validators=[Optional(), NumberRange(min=1, max=BIGGEST_ID)]
    )
    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("To"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.action.choices = [SelectChoice("", _l("Everything"))] + [
            SelectChoice(action.value, label) for action, label in ACTION_LABELS.items()
        ]
        self.subject_type.choices = [SelectChoice("", _l("Any"))] + [
            SelectChoice(code, label) for code, label in SUBJECT_LABELS.items()
        ]

    def validate_end(self, field) -> None:
        if field.data and self.start.data and field.data < self.start.data:
            raise ValidationError(_l("The end must be on or after the start."))

    def filters(self, youth_id: int | None = None) -> AuditFilters:
        """The filters to apply, once the form is valid."""
        return AuditFilters(
            person=self.person.data or "",
            youth=self.youth.data or "",
            youth_id=youth_id,
            subject_type=self.subject_type.data or "",
            subject_id=self.subject_id.data,
            action=self.action.data or "",
            start=self.start.data,
            end=self.end.data,
        )
