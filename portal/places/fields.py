"""Form fields for places, labelled in the reader's language."""

from __future__ import annotations

from flask_babel import gettext as _
from wtforms import SelectChoice, SelectField, SelectMultipleField
from wtforms.validators import ValidationError

from portal.i18n import current_language
from portal.places import districts_of, provinces


def province_choices(blank: str | None = None) -> list[SelectChoice]:
    """The 25 provinces sorted by their name in the reader's language."""
    language = current_language()
    choices = sorted(
        (SelectChoice(p.code, p.name(language)) for p in provinces()), key=lambda c: c.label
    )
    return ([SelectChoice("", blank)] if blank is not None else []) + choices


def district_choices(province_code: str | None, blank: str = "—") -> list[SelectChoice]:
    """The districts of one province, after a blank choice."""
    language = current_language()
    districts = districts_of(province_code) if province_code else ()
    return [SelectChoice("", blank)] + [SelectChoice(d.code, d.name(language)) for d in districts]


class ProvinceField(SelectField):
    """One of the 25 provinces, by code."""

    def __init__(self, label=None, validators=None, blank: str | None = None, **kwargs):
        super().__init__(label, validators, choices=[], **kwargs)
        self.choices = province_choices(blank)


class ProvincesField(SelectMultipleField):
    """Several provinces, by code (e.g. where a young person would work)."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, choices=[], **kwargs)
        self.choices = province_choices()


class DistrictField(SelectField):
    """A district of the province chosen in the same form; the view sets `province_code`."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(
            label, validators, choices=[SelectChoice("", "—")], validate_choice=False, **kwargs
        )

    def limit_to(self, province_code: str | None) -> None:
        self.choices = district_choices(province_code)

    def pre_validate(self, form) -> None:
        if self.data and self.data not in {next(iter(choice)) for choice in self.choices}:
            raise ValidationError(_("This district is not in the chosen province."))
