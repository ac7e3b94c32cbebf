"""The demo's young people have CVs that look real: informal work as often as jobs, schooling
that agrees with their profile (many stopped early), and a full CV for the demo login."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy import func, select

from portal.cv.forms import LEVEL_GRADES
from portal.cv.models import Schooling, WorkExperience, WorkKind
from portal.demo.builder import DEMO_LOGINS
from portal.extensions import db
from portal.youth.models import YouthProfile


def test_the_demo_youth_have_real_looking_cvs(runner, app, ctx, cv_fonts):
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output

    youth = db.session.scalar(select(func.count()).select_from(YouthProfile))
    with_work = db.session.scalar(select(func.count(func.distinct(WorkExperience.youth_id))))
    assert 0.3 * youth < with_work < 0.7 * youth
    by_kind = select(WorkExperience.kind, func.count()).group_by(WorkExperience.kind)
    kinds = dict(db.session.execute(by_kind).all())
    assert set(kinds) == set(WorkKind)
    assert kinds[WorkKind.FAMILY] + kinds[WorkKind.OWN] > kinds[WorkKind.JOB]  # mostly informal
    for row in db.session.scalars(select(Schooling)):
        profile = db.session.get(YouthProfile, row.youth_id)
        assert row.level == profile.education_level
        assert row.grade is None or row.grade in LEVEL_GRADES[row.level.value]
    stopped = db.session.scalar(select(func.count()).where(Schooling.outcome == "stopped"))
    assert stopped > 20

    demo = next(login for login in DEMO_LOGINS if login.role == "youth")
    client = login_by_name(app, demo)
    page = client.get("/me/cv").get_data(as_text=True)
    assert "Sewing machine operator" in page and "Sold vegetables at the market" in page
    sok = select(YouthProfile.id).where(YouthProfile.full_name == "Sok Sreymom")
    profile_id = db.session.scalar(sok)
    pdf = client.get(f"/youth/{profile_id}/cv.pdf?lang=km")
    assert len(PdfReader(io.BytesIO(pdf.data)).pages) == 1


def login_by_name(app, demo):
    client = app.test_client()
    response = client.post("/login", data={"identifier": demo.login, "password": demo.password})
    assert response.status_code == 302
    return client
