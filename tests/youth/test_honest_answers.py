"""A form never answers for the person: no gender, schooling or province is chosen for her."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.extensions import db
from portal.matching.profiles import Candidate
from portal.matching.scoring import reaches_education, score
from portal.youth.models import Gender, YouthProfile
from tests.matching.builders import DAY, candidate, neighbours, offer
from tests.youth.helpers import profile_data, signup_data


def _error_of(page: str, field: str) -> str:
    match = re.search(rf'id="{field}-error">([^<]*)<', page)
    return match.group(1) if match else ""


def test_the_signup_form_starts_on_choose_not_on_female(client):
    page = client.get("/signup").get_data(as_text=True)

    gender = re.search(r'<select[^>]*name="gender".*?</select>', page, re.S).group(0)
    first = re.search(r"<option[^>]*>[^<]*</option>", gender).group(0)
    assert first == '<option value="">Choose…</option>' and "selected" not in gender
    assert "Prefer not to say" in gender and "Other" in gender


def test_a_signup_without_a_gender_is_refused_next_to_the_field_and_keeps_what_was_typed(
    client, ctx
):
    response = client.post("/signup", data=signup_data(gender="", full_name="Sok Dara"))

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert _error_of(page, "gender") == "Choose an answer, or “Prefer not to say”."
    assert 'value="Sok Dara"' in page
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_prefer_not_to_say_is_stored_as_other_or_not_said_and_schooling_as_not_said(login_as, ctx):
    client, user = login_as(Role.YOUTH)

    client.post("/me/profile", data=profile_data(gender="not_said", education_level="not_said"))

    profile = db.session.get(YouthProfile, user.youth_profile.id)
    db.session.refresh(profile)
    assert profile.gender == Gender.OTHER
    assert profile.education_level is None  # not said, never "none" (no schooling)


def test_a_profile_sent_without_schooling_is_refused_and_nothing_changes(login_as, ctx):
    client, user = login_as(Role.YOUTH)

    response = client.post("/me/profile", data=profile_data(education_level="", skills="welding"))

    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert _error_of(page, "education_level") == "Choose an answer, or “Prefer not to say”."
    assert 'value="welding"' in page
    db.session.refresh(user.youth_profile)
    assert user.youth_profile.skills == []


def test_a_counselor_registering_a_youth_must_answer_the_gender(login_as, ctx):
    client, _counselor = login_as(Role.COUNSELOR)

    response = client.post("/youth/new", data=profile_data(gender="", full_name="Keo Nary"))

    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert _error_of(page, "gender") == "Choose an answer, or “Prefer not to say”."
    assert 'value="Keo Nary"' in page
    assert db.session.scalar(select(func.count()).select_from(YouthProfile)) == 0


def test_a_youth_whose_schooling_is_not_said_sees_not_said_on_her_counselors_page(
    login_as, make_youth, ctx
):
    client, counselor = login_as(Role.COUNSELOR)
    youth = make_youth(center_id=counselor.center_id, education_level=None)

    page = client.get(f"/youth/{youth.id}").get_data(as_text=True)

    assert "Not said" in page


def test_a_schooling_not_said_is_unknown_to_matching_never_taken_for_none():
    # Decision: an unsaid level cannot be checked against a requirement, so it costs nothing
    # and is not listed as missing; "none" (no schooling) still falls short.
    assert reaches_education(None, "upper_secondary")
    assert not reaches_education("none", "upper_secondary")
    assert Candidate(id=1, skills=(), province_code="12").education_level is None


def test_matching_scores_an_unsaid_schooling_without_a_need():
    cook = offer(title="Cook", skills=("cooking",), min_education="upper_secondary")

    def person(level):
        return candidate(id=2, skills=("cooking",), education_level=level)

    unsaid = score(person(None), cook, DAY, neighbours)
    unschooled = score(person("none"), cook, DAY, neighbours)

    assert unsaid.score > unschooled.score
    assert all(reason.code != "needs" for reason in unsaid.reasons)
