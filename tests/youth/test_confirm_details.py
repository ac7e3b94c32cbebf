"""Answers an old form may have chosen for her are re-asked once, and a counselor can vouch."""

from __future__ import annotations

from sqlalchemy import select

from portal.audit.models import AuditAction, AuditEvent
from portal.auth.models import Role
from portal.extensions import db
from portal.youth.models import EducationLevel, Gender
from tests.conftest import PASSWORD
from tests.youth.helpers import profile_data


def _unconfirmed_youth(make_user):
    user = make_user(Role.YOUTH)
    user.youth_profile.details_confirmed_at = None  # a row from before issue 17
    db.session.commit()
    return user


def _log_in(client, user, next_url=None):
    path = "/login" + (f"?next={next_url}" if next_url else "")
    return client.post(path, data={"identifier": user.login_name, "password": PASSWORD})


def test_a_youth_never_asked_is_asked_once_after_logging_in(app, make_user, ctx):
    user = _unconfirmed_youth(make_user)

    first = _log_in(app.test_client(), user, next_url="/me/for-you")
    second = _log_in(app.test_client(), user)

    assert first.headers["Location"] == "/me/confirm?next=/me/for-you"
    assert second.headers["Location"].endswith("/me/profile")  # once, answered or not


def test_the_question_starts_on_choose_and_says_what_we_have(app, make_user, ctx):
    client = app.test_client()
    user = _unconfirmed_youth(make_user)
    _log_in(client, user)

    page = client.get("/me/confirm").get_data(as_text=True)

    assert "We have now: Female; school finished: Lower secondary (grade 9)." in page
    assert '<option value="">Choose…</option><option value="female">' in page
    assert "selected" not in page.split('name="gender"')[1].split("</select>")[0]


def test_she_answers_and_her_answers_are_confirmed(app, make_user, ctx):
    client = app.test_client()
    user = _unconfirmed_youth(make_user)
    _log_in(client, user)

    response = client.post(
        "/me/confirm",
        data={"gender": "not_said", "education_level": "primary", "next": "/me/for-you"},
    )

    assert response.headers["Location"] == "/me/for-you"
    profile = user.youth_profile
    db.session.refresh(profile)
    assert profile.gender == Gender.OTHER
    assert profile.education_level == EducationLevel.PRIMARY
    assert profile.details_confirmed_at is not None


def test_she_may_skip_and_nothing_changes(app, make_user, ctx):
    client = app.test_client()
    user = _unconfirmed_youth(make_user)
    _log_in(client, user)

    response = client.post("/me/confirm", data={"skip": "Not now", "gender": ""})

    assert response.headers["Location"].endswith("/me/profile")
    db.session.refresh(user.youth_profile)
    assert user.youth_profile.gender == Gender.FEMALE
    assert user.youth_profile.details_confirmed_at is None


def test_an_unanswered_question_is_refused_next_to_the_field(app, make_user, ctx):
    client = app.test_client()
    user = _unconfirmed_youth(make_user)
    _log_in(client, user)

    response = client.post("/me/confirm", data={"gender": "male", "education_level": ""})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="education_level-error">Choose an answer, or “Prefer not to say”.<' in page
    assert '<option selected value="male">' in page


def test_a_counselor_marks_the_answers_confirmed(login_as, make_youth, ctx):
    client, counselor = login_as(Role.COUNSELOR)
    youth = make_youth(center_id=counselor.center_id, education_level=EducationLevel.NONE)
    assert "They are right: mark as confirmed" in client.get(f"/youth/{youth.id}").text

    response = client.post(f"/youth/{youth.id}/details-confirmed", follow_redirects=True)

    assert "Gender and schooling are marked as confirmed." in response.text
    assert "They are right: mark as confirmed" not in response.text
    db.session.refresh(youth)
    assert youth.details_confirmed_at is not None
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == AuditAction.DETAILS_CONFIRMED)
    )
    assert (event.youth_id, event.actor_id) == (youth.id, counselor.id)


def test_saving_the_whole_profile_confirms_the_answers(login_as, make_youth, ctx):
    client, counselor = login_as(Role.COUNSELOR)
    youth = make_youth(center_id=counselor.center_id)

    client.post(f"/youth/{youth.id}/edit", data=profile_data(education_level="not_said"))

    db.session.refresh(youth)
    assert youth.details_confirmed_at is not None and youth.education_level is None
