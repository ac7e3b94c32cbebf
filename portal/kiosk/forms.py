"""The form a counselor uses to turn the computer in front of them into a kiosk."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField
from wtforms.validators import DataRequired

from portal.centers.models import Center
from portal.clean_input import optional_id
from portal.form_messages import CHOOSE


class KioskForm(FlaskForm):
    center_id = SelectField(
        _l("Center"),
        coerce=optional_id,
        validators=[DataRequired(message=_l("Choose a center."))],
    )

    def __init__(self, centers: list[Center], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_centers = bool(centers)
        # "Choose…" when there is a choice; a counselor's only center is no choice at all.
        placeholder = [SelectChoice("", CHOOSE)] if len(centers) > 1 else []
        self.center_id.choices = placeholder + [SelectChoice(str(c.id), c.name) for c in centers]
