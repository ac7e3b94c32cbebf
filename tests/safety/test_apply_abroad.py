"""Applying to work abroad: the youth confirms they read the safety advice, and the counselors
of their center are told so they can talk with them before they go."""

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.notifications.models import Notification, NotificationKind
from portal.notifications.texts import describe
from portal.placements.models import Application


@pytest.fixture
def setup(login_as, make_user, make_center, make_opening):
    center = make_center()
    client, user = login_as(Role.YOUTH)
    user.youth_profile.center_id = center.id
    db.session.commit()
    counselor = make_user(Role.COUNSELOR, center_id=center.id)
    switched_off = make_user(Role.COUNSELOR, center_id=center.id)
    switched_off.active = False
    db.session.commit()
    other_center = make_user(Role.COUNSELOR)
    opening = make_opening(title="Farm work", work_abroad=True, work_country="Thailand")
    return client, user, opening, counselor, switched_off, other_center


def _told(user):
    return db.session.scalars(select(Notification).where(Notification.user_id == user.id)).all()


def test_the_apply_page_shows_the_advice_and_the_box(setup):
    client, *_ = setup
    opening = setup[2]
    page = client.get(f"/openings/{opening.id}/apply").get_data(as_text=True)
    assert "Before you go to work in another country" in page
    assert 'name="abroad_confirmed"' in page


def test_applying_abroad_needs_the_confirmation(setup):
    client, user, opening, counselor, *_ = setup

    response = client.post(f"/openings/{opening.id}/apply", data={"message": "Hello"})

    assert response.status_code == 400
    assert "tick the box" in response.get_data(as_text=True)
    assert db.session.scalars(select(Application)).all() == []
    assert _told(counselor) == []


def test_a_confirmed_application_abroad_tells_the_centers_active_counselors(setup):
    client, user, opening, counselor, switched_off, other_center = setup

    response = client.post(f"/openings/{opening.id}/apply", data={"abroad_confirmed": "y"})

    assert response.status_code == 302
    application = db.session.scalars(select(Application)).one()
    assert application.abroad_confirmed_at is not None
    (note,) = _told(counselor)
    assert note.kind == NotificationKind.NEW_APPLICATION
    assert note.link == f"/caseload/applications/{application.id}"
    text = describe(note, "en")
    assert text.title == "Applied to work abroad"
    assert "in Thailand" in text.line and user.youth_profile.full_name in text.line
    assert describe(note, "km").title != "Applied to work abroad"  # said in Khmer too
    assert _told(switched_off) == [] and _told(other_center) == []


def test_work_in_the_country_needs_no_confirmation_and_tells_no_counselor(setup, make_opening):
    client, user, _, counselor, *_ = setup
    opening = make_opening(title="Cook")

    page = client.get(f"/openings/{opening.id}/apply").get_data(as_text=True)
    response = client.post(f"/openings/{opening.id}/apply", data={})

    assert 'name="abroad_confirmed"' not in page
    assert response.status_code == 302
    assert db.session.scalars(select(Application)).one().abroad_confirmed_at is None
    assert _told(counselor) == []


def test_a_youth_without_a_center_applies_and_no_one_is_told(setup):
    client, user, opening, counselor, *_ = setup
    user.youth_profile.center_id = None
    db.session.commit()

    response = client.post(f"/openings/{opening.id}/apply", data={"abroad_confirmed": "y"})

    assert response.status_code == 302
    assert _told(counselor) == []
