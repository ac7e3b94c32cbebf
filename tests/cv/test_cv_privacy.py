"""Her work and schooling are hers: in her data download, and gone when she is erased."""

from __future__ import annotations

from sqlalchemy import select

from portal.cv.models import Schooling, WorkExperience
from portal.extensions import db
from portal.privacy.erasure import anonymise
from portal.privacy.rights import personal_data
from tests.cv.helpers import add_school, add_work


def test_her_cv_rows_are_in_her_data_and_erased_with_her_profile(make_youth):
    youth = make_youth()
    other = make_youth()
    add_work(youth, what="Sold fish at Phsar Leu", start_year=2021)
    add_school(youth)
    add_work(other, what="Someone else's work")

    data = personal_data(youth)
    assert data["cv"]["work"][0]["what"] == "Sold fish at Phsar Leu"
    assert data["cv"]["schooling"][0] == {
        "level": "lower_secondary",
        "outcome": "stopped",
        "grade": 9,
        "school": "Bakan Lower Secondary School",
        "subject": "",
        "start_year": None,
        "end_year": None,
    }

    anonymise(youth, by=None, reason="asked")
    db.session.commit()

    assert db.session.scalars(select(Schooling)).all() == []
    assert [row.what for row in db.session.scalars(select(WorkExperience))] == [
        "Someone else's work"
    ]
