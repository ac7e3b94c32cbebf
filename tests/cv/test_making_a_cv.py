"""A young person (or her counselor) writes her work, paid or not, and her schooling, even when
she stopped early; bad input says what is wrong and loses nothing already saved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.cv.content import MAX_ROWS
from portal.cv.models import Schooling, WorkExperience
from portal.extensions import db
from tests.cv.helpers import add_school, add_work


@pytest.fixture
def youth(login_as):
    client, user = login_as(Role.YOUTH)
    return client, user.youth_profile


def _rows(model):
    db.session.expire_all()
    return db.session.scalars(select(model)).all()


def test_she_writes_family_work_and_schooling_she_stopped_and_reads_them_on_her_cv(youth):
    client, profile = youth
    assert f"/youth/{profile.id}/cv/work/new" in client.get("/me/cv").get_data(as_text=True)
    page = client.get(f"/youth/{profile.id}/cv/work/new").get_data(as_text=True)
    assert "helped on the family rice farm" in page  # examples of informal work, not "employer"

    response = client.post(
        f"/youth/{profile.id}/cv/work/new",
        data={
            "kind": "family",
            "what": "Looked after my three younger brothers",
            "place": "At home in Bakan",
            "start_year": "២០១៩",  # typed with Khmer digits
            "end_year": "",
            "description": "Cooked for them and took them to school every day.",
        },
    )
    assert response.status_code == 302
    client.post(
        f"/youth/{profile.id}/cv/school/new",
        data={"level": "lower_secondary", "outcome": "stopped", "grade": "9", "school": ""},
    )

    english = client.get(f"/youth/{profile.id}/cv/print?lang=en").get_data(as_text=True)
    assert "Looked after my three younger brothers" in english
    assert "Family work" in english and "2019 – now" in english
    assert "Stopped in grade 9" in english
    khmer = client.get(f"/youth/{profile.id}/cv/print?lang=km").get_data(as_text=True)
    assert "២០១៩" in khmer and "2019" not in khmer.split("cv-sheet")[1]
    assert 'lang="km"' in khmer


def test_a_wrong_year_is_explained_and_the_saved_row_stays_as_it_was(youth):
    client, profile = youth
    row = add_work(profile, what="Sold fish at the market", start_year=2020, end_year=2022)

    response = client.post(
        f"/youth/{profile.id}/cv/work/{row.id}",
        data={"kind": "own", "what": "Changed words", "start_year": "2022", "end_year": "2019"},
    )

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "The end year comes before the start year." in page
    assert "Changed words" in page  # what she typed is still in the form
    [saved] = _rows(WorkExperience)
    assert (saved.what, saved.start_year, saved.end_year) == ("Sold fish at the market", 2020, 2022)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"level": "primary", "outcome": "stopped", "grade": "9"}, "Grade 9 is not in this school"),
        ({"level": "", "outcome": "stopped"}, "Choose the school level."),
        ({"level": "primary"}, "Choose whether you finished it."),
        ({"level": "primary", "outcome": "finished", "start_year": "19"}, "4 digits"),
    ],
)
def test_a_school_row_that_does_not_add_up_is_refused_with_a_reason(youth, data, message):
    client, profile = youth
    response = client.post(f"/youth/{profile.id}/cv/school/new", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _rows(Schooling) == []


def test_she_changes_and_removes_rows(youth):
    client, profile = youth
    work = add_work(profile, what="Repaired motorbikes with my uncle")
    school = add_school(profile)
    form = client.get(f"/youth/{profile.id}/cv/work/{work.id}").get_data(as_text=True)
    assert 'value="Repaired motorbikes with my uncle"' in form

    client.post(
        f"/youth/{profile.id}/cv/work/{work.id}",
        data={"kind": "helping", "what": "Repaired motorbikes and tuk-tuks with my uncle"},
    )
    client.post(f"/youth/{profile.id}/cv/school/{school.id}/remove")

    [changed] = _rows(WorkExperience)
    assert changed.what == "Repaired motorbikes and tuk-tuks with my uncle"
    assert changed.kind == "helping"
    assert _rows(Schooling) == []


def test_a_ninth_row_is_refused_and_the_eight_stay(youth):
    client, profile = youth
    for n in range(MAX_ROWS):
        add_work(profile, what=f"Work {n}")

    response = client.post(
        f"/youth/{profile.id}/cv/work/new", data={"kind": "job", "what": "One more"}
    )

    assert response.status_code == 400
    assert "A CV has room for 8 of these." in response.get_data(as_text=True)
    assert len(_rows(WorkExperience)) == MAX_ROWS


def test_nobody_reaches_a_row_through_another_persons_cv(youth, make_youth):
    client, profile = youth
    other_row = add_work(make_youth(), what="Someone else's work")

    # Her own CV's address with another person's row, and the other person's CV.
    assert client.post(f"/youth/{profile.id}/cv/work/{other_row.id}/remove").status_code == 404
    assert client.get(f"/youth/{other_row.youth_id}/cv").status_code == 404
    assert [row.what for row in _rows(WorkExperience)] == ["Someone else's work"]


def test_her_counselor_writes_her_cv_and_skills_link_to_the_counselor_form(login_as, make_youth):
    client, counselor = login_as(Role.COUNSELOR)
    youth = make_youth(center_id=counselor.center_id, skills=["sewing"], languages=["km"])

    client.post(
        f"/youth/{youth.id}/cv/work/new",
        data={"kind": "job", "what": "Sewed uniforms", "place": "A garment workshop"},
    )
    page = client.get(f"/youth/{youth.id}/cv").get_data(as_text=True)

    assert "Sewed uniforms" in page and "sewing" in page
    assert f"/youth/{youth.id}/edit#skills" in page
    assert [row.youth_id for row in _rows(WorkExperience)] == [youth.id]
