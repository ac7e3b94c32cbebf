"""Filters above the list of courses, read from the query string."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField

from portal.places.fields import ProvinceField


class CourseFilterForm(FlaskForm):
    class Meta:
        csrf = False

    province = ProvinceField(_l("Where"), blank=_l("All provinces"), validate_choice=False)
    free = BooleanField(_l("Free courses only"))
