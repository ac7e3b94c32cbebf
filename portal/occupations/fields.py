"""The form field of an opening's ISCO-08 minor group."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice, SelectField
from wtforms.validators import Optional

from portal.form_messages import CHOOSE
from portal.i18n import current_language
from portal.occupations import minor_groups


class IscoGroupField(SelectField):
    """One of the 130 ISCO-08 minor groups, "Choose…" first; left on it, the group is found
    from the title and skills when the opening is saved."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(
            label or _l("Occupation group (ISCO-08)"),
            validators or [Optional()],
            choices=[SelectChoice("", CHOOSE)]
            + [
                SelectChoice(code, f"{code} {title}")
                for code, title in minor_groups(current_language()).items()
            ],
            description=_l(
                "The international code of the occupation. Leave “Choose…” and we find it from "
                "the title and skills; correct it if it is wrong."
            ),
            **kwargs,
        )
