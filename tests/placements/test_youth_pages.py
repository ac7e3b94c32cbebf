"""A young person applies from the opening's page, follows their applications, withdraws one,
and keeps openings to look at later."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.placements import services
from portal.placements.models import Application, ApplicationStatus, SavedOpening
from tests.placements import pdfs

PDF = pdfs.plain_cv()


@pytest.fixture
def youth(login_as):
    return login_as(Role.YOUTH)


@pytest.fixture
def opening(make_opening):
    return make_opening(title="Kitchen helper")


def _applications():
    db.session.expire_all()
    return db.session.scalars(select(Application)).all()


def test_a_visitor_is_asked_to_log_in_to_apply(client, opening):
    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)

    assert "Log in to apply" in page
    assert f"/openings/{opening.id}/apply" not in page


def test_employers_and_staff_see_no_apply_button(login_as, opening):
    for role in (Role.EMPLOYER, Role.COUNSELOR):
        page = login_as(role)[0].get(f"/openings/{opening.id}").get_data(as_text=True)
        assert f"/openings/{opening.id}/apply" not in page
        assert "Log in to apply" not in page


def test_a_youth_applies_with_a_message_and_sees_it_in_my_applications(youth, opening):
    client, user = youth
    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert f"/openings/{opening.id}/apply" in page

    response = client.post(
        f"/openings/{opening.id}/apply", data={"message": "I cook at home every day."}
    )

    assert response.status_code == 302
    [application] = _applications()
    assert application.message == "I cook at home every day."
    mine = client.get("/me/applications").get_data(as_text=True)
    assert "Kitchen helper" in mine
    assert "Applied" in mine
    detail = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "You applied on" in detail
    assert f"/openings/{opening.id}/apply" not in detail


def test_a_youth_cannot_apply_twice(youth, opening):
    client, _user = youth
    client.post(f"/openings/{opening.id}/apply", data={"message": "first"})

    response = client.post(
        f"/openings/{opening.id}/apply", data={"message": "second"}, follow_redirects=True
    )

    assert "You already applied to this opening." in response.get_data(as_text=True)
    assert [a.message for a in _applications()] == ["first"]


def test_applying_to_a_closed_opening_is_refused_with_a_message(youth, make_opening):
    client, _user = youth
    opening = make_opening(closing_date=date.today() + timedelta(days=3))
    opening.status = OpeningStatus.CLOSED
    db.session.commit()

    response = client.post(f"/openings/{opening.id}/apply", data={"message": "hello"})

    assert response.status_code == 404  # a closed opening is not shown to young people
    assert _applications() == []


def test_a_minor_is_told_why_adult_work_is_refused(youth, make_opening):
    client, user = youth
    user.youth_profile.date_of_birth = date(date.today().year - 16, 1, 1)
    db.session.commit()
    opening = make_opening(min_age=18)
    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "only for people of 18 or older" in page
    assert f"/openings/{opening.id}/apply" not in page

    response = client.post(f"/openings/{opening.id}/apply", data={"message": "hello"})

    assert response.status_code == 400
    assert "only for people of 18 or older" in response.get_data(as_text=True)
    assert _applications() == []


def test_a_too_long_message_is_refused_and_kept(youth, opening):
    client, _user = youth

    response = client.post(f"/openings/{opening.id}/apply", data={"message": "long " * 300})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "long long long" in page
    assert _applications() == []


def test_the_history_shows_each_step_with_its_reason(youth, opening, make_user):
    client, user = youth
    employer = make_user(Role.EMPLOYER, organization_id=opening.organization_id)
    application = services.apply(opening, user.youth_profile, by=user)
    services.move(application, ApplicationStatus.NOT_SELECTED, by=employer, reason_code="filled")
    db.session.commit()

    page = client.get("/me/applications").get_data(as_text=True)

    assert "Not selected" in page
    assert "All places are already filled" in page
    assert "Withdraw this application" not in page


def test_a_youth_withdraws_after_confirming(youth, opening):
    client, user = youth
    application = services.apply(opening, user.youth_profile, by=user)
    db.session.commit()
    url = f"/me/applications/{application.id}/withdraw"
    assert url in client.get("/me/applications").get_data(as_text=True)

    confirm = client.get(url)
    assert "Withdraw your application?" in confirm.get_data(as_text=True)
    assert _applications()[0].status == ApplicationStatus.APPLIED

    client.post(url, data={"reason": "I found other work."})

    [saved] = _applications()
    assert saved.status == ApplicationStatus.WITHDRAWN
    assert saved.status_changes[-1].reason == "I found other work."


def test_a_youth_cannot_withdraw_someone_elses_application(youth, opening, make_user):
    client, _user = youth
    other = make_user(Role.YOUTH)
    application = services.apply(opening, other.youth_profile, by=other)
    db.session.commit()

    response = client.post(f"/me/applications/{application.id}/withdraw", data={})

    assert response.status_code == 404
    assert _applications()[0].status == ApplicationStatus.APPLIED


def test_a_youth_saves_an_opening_and_finds_it_again(youth, opening):
    client, _user = youth

    client.post(f"/openings/{opening.id}/save")
    assert "Unsave" in client.get(f"/openings/{opening.id}").get_data(as_text=True)
    assert "Kitchen helper" in client.get("/me/saved").get_data(as_text=True)

    client.post(f"/openings/{opening.id}/unsave")
    assert db.session.scalars(select(SavedOpening)).all() == []
    assert "Kitchen helper" not in client.get("/me/saved").get_data(as_text=True)


def test_the_menu_leads_a_youth_to_their_applications(youth):
    client, _user = youth

    assert "/me/applications" in client.get("/").get_data(as_text=True)
