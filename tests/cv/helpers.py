"""What the CV tests share: rows written straight to the database, and a long profile."""

from __future__ import annotations

from portal.cv.content import MAX_ROWS
from portal.cv.models import Schooling, SchoolOutcome, WorkExperience, WorkKind
from portal.extensions import db
from portal.youth.models import EducationLevel, YouthProfile

LONG_TEXT = (
    "Fed fifty chickens and two pigs every morning before school, carried water from the well, "
    "sold eggs at the market on Sundays and wrote down every sale in a notebook for my mother, "
    "who cannot read; "
)


def add_work(youth: YouthProfile, **fields) -> WorkExperience:
    fields.setdefault("kind", WorkKind.FAMILY)
    fields.setdefault("what", "Helped on the family rice farm")
    fields.setdefault("place", "Our farm in Bakan")
    row = WorkExperience(youth_id=youth.id, **fields)
    db.session.add(row)
    db.session.commit()
    return row


def add_school(youth: YouthProfile, **fields) -> Schooling:
    fields.setdefault("level", EducationLevel.LOWER_SECONDARY)
    fields.setdefault("outcome", SchoolOutcome.STOPPED)
    fields.setdefault("grade", 9)
    fields.setdefault("school", "Bakan Lower Secondary School")
    row = Schooling(youth_id=youth.id, **fields)
    db.session.add(row)
    db.session.commit()
    return row


def fill_to_the_brim(youth: YouthProfile) -> None:
    """The longest CV the forms allow: every row, every text at its longest, 30 skills."""
    for n in range(MAX_ROWS):
        add_work(
            youth,
            kind=list(WorkKind)[n % 4],
            what=("Sold vegetables and fruit at Phsar Leu market with my aunt " * 3)[:120],
            place=("Phsar Leu market, Pursat town, every morning from five " * 3)[:120],
            start_year=2010 + n,
            end_year=2011 + n,
            description=(LONG_TEXT * 3)[:300],
        )
        add_school(
            youth,
            level=EducationLevel.VOCATIONAL,
            outcome=SchoolOutcome.FINISHED,
            grade=None,
            school=("Pursat Provincial Training Center for Motorbike Repair " * 3)[:120],
            subject=("Motorbike and small engine repair, welding and electrics " * 3)[:120],
            start_year=2010 + n,
            end_year=2011 + n,
        )
    youth.skills = [f"skill number {n} with a fairly long name" for n in range(30)]
    youth.languages = ["km", "en", "th", "zh", "ko", "ja", "vi", "fr"]
    db.session.commit()
