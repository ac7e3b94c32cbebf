"""What a CV says, built once from the profile in the language the reader chose, for the two
renderings (the printable page and the PDF). An employer's copy follows the portal's rules for
applicants (portal/placements/access.py, portal/privacy/employer.py): a minor's phone, e-mail and
district never appear (the center is the contact), and her own words are masked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from portal.cv.models import Schooling, SchoolOutcome, WorkExperience
from portal.cv.wording import WORK_KIND_ON_CV, level_text, outcome_text, years
from portal.extensions import db
from portal.i18n import current_language, skill_name
from portal.placements.access import contact_of_youth_for_employer, youth_phone
from portal.places import district_name, province_name
from portal.privacy.masking import mask
from portal.youth.forms import EDUCATION_LABELS, LANGUAGE_LABELS
from portal.youth.models import YouthProfile

CV_LANGUAGES = ("km", "en")
MAX_ROWS = 8  # of each section: a CV is one page


@dataclass(frozen=True)
class CvEntry:
    """One row of the work or schooling section."""

    title: str
    detail: str  # where, and what kind of work or how the schooling ended
    years: str
    text: str = ""


@dataclass(frozen=True)
class CvContent:
    language: str
    name: str
    contact: list[str]
    place: str
    work: list[CvEntry] = field(default_factory=list)
    schooling: list[CvEntry] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (self.work or self.schooling or self.skills)


def work_rows(youth: YouthProfile) -> list[WorkExperience]:
    """Her work, the latest first (still going first of all)."""
    rows = db.session.scalars(select(WorkExperience).where(WorkExperience.youth_id == youth.id))
    return sorted(rows, key=_newest_first)


def schooling_rows(youth: YouthProfile) -> list[Schooling]:
    rows = db.session.scalars(select(Schooling).where(Schooling.youth_id == youth.id))
    return sorted(rows, key=_newest_first)


def _newest_first(row: WorkExperience | Schooling) -> tuple:
    ongoing = row.end_year is None and row.start_year is not None
    return (not ongoing, -(row.end_year or row.start_year or 0), -row.id)


def build_cv(
    youth: YouthProfile, language: str, *, for_employer: bool = False, day: date | None = None
) -> CvContent:
    """The CV of `youth` in `language` ("km" or "en"); `for_employer`: the copy sent with an
    application (the portal's rules for what an employer may see of an applicant)."""
    minor = for_employer and youth.is_minor_on(day or date.today())
    words: Callable[[str], str] = (lambda text: mask(text)) if minor else (lambda text: text)
    with force_locale(language):
        return CvContent(
            language=language,
            name=youth.full_name,
            contact=_contact(youth, for_employer, day),
            place=_place(youth, with_district=not minor),
            work=[_work_entry(row, words) for row in work_rows(youth)[:MAX_ROWS]],
            schooling=_schooling_entries(youth, words),
            skills=[words(skill_name(skill)) for skill in youth.skills or []],
            languages=[str(LANGUAGE_LABELS.get(code, code)) for code in youth.languages or []],
            headings=_headings(),
        )


def _headings() -> dict[str, str]:
    return {
        "title": _("Curriculum vitae"),
        "work": _("Work experience"),
        "schooling": _("Schooling"),
        "skills": _("Skills"),
        "languages": _("Languages"),
        "made": _("Made with Phlov, the youth employment centers' job portal"),
    }


def _contact(youth: YouthProfile, for_employer: bool, day: date | None) -> list[str]:
    """Her phone and e-mail; an employer's copy: what the portal lets an employer know."""
    if for_employer:
        reach, value = contact_of_youth_for_employer(youth, day)
        if reach == "youth":
            return [str(value)]
        if value is None:
            return [_("Contact through the youth employment center.")]
        center = _("Contact through %(center)s:", center=value.name)
        return [center, *(item for item in (value.phone, value.email) if item)]
    email = youth.user.email if youth.user is not None else None
    return [item for item in (youth_phone(youth), email) if item]


def _place(youth: YouthProfile, *, with_district: bool) -> str:
    language = current_language()
    parts = [province_name(youth.province_code, language)]
    if with_district and youth.district_code:
        parts.insert(0, district_name(youth.district_code, language))
    return ", ".join(part for part in parts if part)


def _work_entry(row: WorkExperience, words: Callable[[str], str]) -> CvEntry:
    kind = str(WORK_KIND_ON_CV[row.kind.value])
    return CvEntry(
        title=words(row.what),
        detail=" · ".join(part for part in (words(row.place or ""), kind) if part),
        years=years(row.start_year, row.end_year, ongoing=True),
        text=words(row.description or ""),
    )


def _schooling_entries(youth: YouthProfile, words: Callable[[str], str]) -> list[CvEntry]:
    """Her schooling rows; without any, the level she gave on her profile, if she gave one."""
    rows = schooling_rows(youth)[:MAX_ROWS]
    if not rows and youth.education_level is not None:
        level = str(EDUCATION_LABELS[youth.education_level.value])
        return [CvEntry(title=level, detail="", years="")]
    return [_schooling_entry(row, words) for row in rows]


def _schooling_entry(row: Schooling, words: Callable[[str], str]) -> CvEntry:
    title = level_text(row.level.value)
    if row.subject:
        title = f"{title}: {words(row.subject)}"
    detail = [words(row.school or ""), outcome_text(row.outcome.value, row.grade)]
    studying = row.outcome == SchoolOutcome.STUDYING
    return CvEntry(
        title=title,
        detail=" · ".join(part for part in detail if part),
        years=years(row.start_year, row.end_year, ongoing=studying),
    )
