"""Adding, changing and removing the rows of a CV (flush only: the view commits)."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select

from portal.cv.content import MAX_ROWS
from portal.cv.models import Schooling, WorkExperience
from portal.extensions import db
from portal.youth.models import YouthProfile

CvRow = WorkExperience | Schooling


class CvError(ValueError):
    """A change refused, with a message for the person."""


@dataclass(frozen=True)
class Section:
    """A part of the CV made of rows (work, schooling)."""

    name: str
    model: type[CvRow]

    def rows_of(self, youth: YouthProfile) -> int:
        return db.session.scalar(
            select(func.count()).select_from(self.model).where(self.model.youth_id == youth.id)
        )


def add_row(section: Section, youth: YouthProfile, values: dict) -> CvRow:
    """A new row of `section` on her CV (at most MAX_ROWS of each)."""
    if section.rows_of(youth) >= MAX_ROWS:
        raise CvError(_("A CV has room for %(count)s of these. Remove one first.", count=MAX_ROWS))
    row = section.model(youth_id=youth.id, **values)
    db.session.add(row)
    db.session.flush()
    return row


def change_row(row: CvRow, values: dict) -> None:
    for name, value in values.items():
        setattr(row, name, value)
    db.session.flush()


def remove_row(row: CvRow) -> None:
    db.session.delete(row)
    db.session.flush()
