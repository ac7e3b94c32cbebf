"""`flask youth import`: young people registered at a center, from a counselor's spreadsheet,
created or updated by (center, ref). The machinery is in portal/csvimport.py; the profile rules
(ages, skills, the account's phone) are the web forms' own, in portal/youth/services.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from portal import phones
from portal.centers.models import Center
from portal.csvimport import (
    ImportSummary,
    Outcome,
    Row,
    RowError,
    check_length,
    parse_choice,
    parse_date,
    parse_each,
    parse_list,
    parse_province,
)
from portal.csvimport.words import parse_education, parse_kind
from portal.extensions import db
from portal.youth.models import Gender, YouthProfile
from portal.youth.services import ProfileError, age_problem, update_profile

GENDER_WORDS = {
    **dict.fromkeys(["female", "f", "woman", "girl", "ស្រី"], Gender.FEMALE),
    **dict.fromkeys(["male", "m", "man", "boy", "ប្រុស"], Gender.MALE),
    **dict.fromkeys(["other", "o", "x", "prefer not to say", "ផ្សេងទៀត"], Gender.OTHER),
}


def parse_gender(text: str) -> str:
    return parse_choice(text, GENDER_WORDS, _("gender"), _("female, male or other (F, M)"))


def parse_phone(text: str) -> str:
    phone = phones.normalize(text)
    if phone is None:
        raise RowError(_("'%(text)s' is not a Cambodian phone number.", text=text))
    return phone


def parse_birth_date(text: str) -> date:
    born = parse_date(text)
    problem = age_problem(born)
    if problem:
        raise RowError(problem)
    return born


@dataclass
class YouthRow:
    line: int
    ref: str
    fields: dict[str, Any]


class YouthImporter:
    """Imports the rows of one center's file; every young person is registered to `center`."""

    required_columns = ("ref", "full_name", "gender", "date_of_birth", "province")
    optional_columns = ("phone", "skills", "education_level", "wanted_kinds", "work_provinces")

    def __init__(self, center: Center):
        self.center = center

    def parse(self, row: Row) -> YouthRow:
        ref = row.value("ref", lambda t: check_length(t, 40, "ref"), required=True)
        fields = {
            "full_name": row.value(
                "full_name",
                lambda t: check_length(" ".join(t.split()), 120, "full_name"),
                required=True,
            ),
            "gender": row.value("gender", parse_gender, required=True),
            "date_of_birth": row.value("date_of_birth", parse_birth_date, required=True),
            "province_code": row.value("province", parse_province, required=True),
            "phone": row.value("phone", parse_phone),
            "skills": row.value("skills", parse_list, default=[]),
            "education_level": row.value("education_level", parse_education),
            "wanted_kinds": row.value("wanted_kinds", parse_each(parse_kind), default=[]),
            "work_provinces": row.value("work_provinces", parse_each(parse_province), default=[]),
        }
        row.check()
        return YouthRow(row.line, ref, fields)

    def key(self, item: YouthRow) -> str:
        return item.ref

    def describe(self, item: YouthRow) -> str:
        return _("Young person %(ref)s", ref=item.ref)

    def save(self, item: YouthRow, summary: ImportSummary) -> Outcome:
        profile = db.session.scalar(
            select(YouthProfile).where(
                YouthProfile.center_id == self.center.id, YouthProfile.ref == item.ref
            )
        )
        outcome: Outcome = "updated" if profile else "created"
        profile = profile or YouthProfile(center_id=self.center.id)
        consent = bool(profile.consent_to_share)  # the young person's choice: an import keeps it
        fields = dict(item.fields)
        if (profile.district_code or "")[:2] not in ("", fields["province_code"]):
            fields["district_code"] = (
                None  # they moved: the old district is not in the new province
            )
        try:
            update_profile(profile, consent=consent, ref=item.ref, **fields)
        except ProfileError as error:
            raise RowError(str(error)) from error
        db.session.add(profile)
        return outcome
