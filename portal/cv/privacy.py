"""The CV rows in a young person's data rights: shown in her data download, and erased with
her profile (portal/privacy)."""

from __future__ import annotations

from sqlalchemy import delete

from portal.cv.content import schooling_rows, work_rows
from portal.cv.models import Schooling, WorkExperience
from portal.extensions import db
from portal.youth.models import YouthProfile


def cv_data(youth: YouthProfile) -> dict:
    """Her work and schooling rows as plain JSON values."""
    return {
        "work": [
            {
                "kind": str(row.kind),
                "what": row.what,
                "place": row.place,
                "start_year": row.start_year,
                "end_year": row.end_year,
                "description": row.description,
            }
            for row in work_rows(youth)
        ],
        "schooling": [
            {
                "level": str(row.level),
                "outcome": str(row.outcome),
                "grade": row.grade,
                "school": row.school,
                "subject": row.subject,
                "start_year": row.start_year,
                "end_year": row.end_year,
            }
            for row in schooling_rows(youth)
        ],
    }


def erase_cv(youth: YouthProfile) -> None:
    """Her work and schooling go with the rest of what identifies her."""
    for model in (WorkExperience, Schooling):
        db.session.execute(delete(model).where(model.youth_id == youth.id))
