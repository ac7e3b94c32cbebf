"""Her alert settings: how often, and how many openings a message may list."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from portal.alerts.models import PER_DIGEST_CHOICES, AlertFrequency

FREQUENCY_LABELS = {
    AlertFrequency.DAILY: _l("Every day"),
    AlertFrequency.WEEKLY: _l("Once a week"),
    AlertFrequency.OFF: _l("Never: no job alerts"),
}


class AlertSettingsForm(FlaskForm):
    frequency = RadioField(
        _l("How often may we send you new openings?"),
        choices=[SelectChoice(f.value, label) for f, label in FREQUENCY_LABELS.items()],
        validators=[InputRequired()],
    )
    per_digest = RadioField(
        _l("At most how many openings in one message?"),
        choices=[SelectChoice(str(n), str(n)) for n in PER_DIGEST_CHOICES],
        validators=[InputRequired()],
    )
