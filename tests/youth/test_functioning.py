"""The Washington Group Short Set: six optional questions on her profile and in the counselors'
forms, stored 1-4 or not said, and never shown to an employer anywhere."""

from __future__ import annotations

import pytest

from portal.auth.models import Role
from portal.extensions import db
from portal.youth.functioning import WG_QUESTIONS
from portal.youth.models import WG_DOMAINS, YouthProfile
from tests.conftest import login
from tests.youth.helpers import profile_data

ALL_A_LOT = dict.fromkeys(WG_DOMAINS, "3")
# What would give her answers away on an employer's page.
TELLTALES = ("difficulty", "Cannot do at all", "disabilit", "Washington", "wg_")


def test_her_profile_explains_the_six_questions_and_leaves_them_unanswered(login_as):
    client, _user = login_as(Role.YOUTH)

    page = client.get("/me/profile").text

    assert "never shown to employers" in page
    for question in WG_QUESTIONS.values():
        assert str(question) in page
    assert page.count('value="4"') == 6 and page.count('value="not_said"') >= 6
    section = page.split('id="functioning"')[1].split("</details>")[0]
    assert "checked" not in section


def test_she_answers_some_and_prefers_not_to_say_others(login_as, ctx):
    client, user = login_as(Role.YOUTH)

    client.post(
        "/me/profile",
        data=profile_data(wg_seeing="1", wg_walking="4", wg_hearing="not_said"),
    )

    profile = db.session.get(YouthProfile, user.youth_profile.id)
    db.session.refresh(profile)
    assert (profile.wg_seeing, profile.wg_walking, profile.wg_hearing) == (1, 4, None)
    assert profile.wg_remembering is None  # not answered
    assert profile.has_disability is True  # "cannot do at all" walking
    again = client.get("/me/profile").text
    assert 'checked id="wg_walking-3" name="wg_walking" type="radio" value="4"' in again


def test_an_answer_that_is_not_one_of_the_four_is_refused(login_as, ctx):
    client, _user = login_as(Role.YOUTH)

    response = client.post("/me/profile", data=profile_data(wg_seeing="7"))

    assert response.status_code == 400
    assert 'id="wg_seeing-error"' in response.text


def test_a_counselor_asks_the_questions_when_registering_a_young_person(login_as, ctx):
    client, _counselor = login_as(Role.COUNSELOR)
    assert str(WG_QUESTIONS["wg_self_care"]) in client.get("/youth/new").text

    client.post("/youth/new", data=profile_data(full_name="Keo Nary", wg_self_care="2"))

    profile = db.session.query(YouthProfile).filter_by(full_name="Keo Nary").one()
    assert profile.wg_self_care == 2 and profile.has_disability is False


@pytest.fixture
def disclosed(make_youth, make_opening, make_application, make_user, center_for_employer):
    """A young person who said she cannot walk or see, applied with a CV to an employer."""
    employer = make_user(Role.EMPLOYER)
    opening = make_opening(organization=employer.organization, skills=["sewing"])
    youth = make_youth(
        center_id=center_for_employer.id,
        skills=["sewing"],
        **{domain: 4 for domain in WG_DOMAINS},
    )
    application = make_application(opening=opening, youth=youth)
    assert youth.has_disability is True
    return employer, opening, application


@pytest.fixture
def center_for_employer(make_center):
    return make_center(name="Phnom Penh center")


def test_an_employer_never_sees_an_answer_or_a_disability_mark(app, disclosed, ctx):
    employer, opening, application = disclosed
    client = login(app.test_client(), employer)

    pages = {
        path: client.get(path)
        for path in (
            f"/employer/openings/{opening.id}/applicants",
            f"/employer/applications/{application.id}",
            f"/openings/{opening.id}",
            "/api/v1/openings",
        )
    }

    assert application.youth.full_name in pages[f"/employer/applications/{application.id}"].text
    for path, response in pages.items():
        assert response.status_code == 200, path
        for telltale in TELLTALES:
            assert telltale.casefold() not in response.text.casefold(), (path, telltale)
