"""A counselor finds that Sreymom, registered at the desk, also signed up alone: two profiles of
one person. She merges them, choosing which stays: applications with their history, saved
openings and the login move; the other profile is closed; the audit trail keeps it under both
numbers; lists and figures count her once."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.extensions import db
from portal.placements.models import (
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    SavedOpening,
)
from portal.youth.models import YouthProfile
from portal.youth.queries import YouthFilters, gender_counts
from tests.conftest import PASSWORD
from tests.recovery.conftest import can_log_in


@pytest.fixture
def online(make_user, make_application, make_opening, sreymom):
    """Her second profile, made when she signed up alone (same name and birthday, her own
    phone): applied to a cook job and, again, to the sewing job; saved the tailor job too."""
    user = make_user("youth", phone="097 777 8888", email=None)
    profile = user.youth_profile
    profile.full_name, profile.date_of_birth = sreymom.full_name, sreymom.date_of_birth
    profile.center_id, profile.skills = sreymom.center_id, ["cooking"]
    sewing = db.session.scalar(select(Application).where(Application.youth_id == sreymom.id))
    make_application(youth=profile, opening=make_opening(title="Cook"))
    duplicate = make_application(youth=profile, opening=sewing.opening)
    db.session.add(
        ApplicationStatusChange(
            application_id=duplicate.id, to_status=ApplicationStatus.APPLIED, reason="online"
        )
    )
    tailor = db.session.scalar(select(SavedOpening).where(SavedOpening.youth_id == sreymom.id))
    db.session.add(SavedOpening(youth_id=profile.id, opening_id=tailor.opening_id))
    db.session.commit()
    return profile


def merge(client, profile, other, **form):
    data = {"other": other.id, "keep": "this", "confirm": "y"} | form
    return client.post(f"/youth/{profile.id}/merge", data=data)


def test_the_counselor_sees_the_likely_duplicate(counselor, sreymom, online):
    html = counselor[0].get(f"/youth/{sreymom.id}/merge").get_data(as_text=True)
    assert f"/youth/{sreymom.id}/merge?other={online.id}" in html
    found = counselor[0].get(f"/youth/{sreymom.id}/merge?q=097777").get_data(as_text=True)
    assert f"other={online.id}" in found
    compare = counselor[0].get(f"/youth/{sreymom.id}/merge?other={online.id}")
    assert compare.status_code == 200
    assert "097777888" in compare.get_data(as_text=True)


def test_merging_moves_everything_to_the_profile_that_stays(app, counselor, sreymom, online):
    client, staff = counselor
    online_id, account_id = online.id, online.user_id
    response = merge(client, sreymom, online)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/youth/{sreymom.id}")

    db.session.expire_all()
    assert db.session.get(YouthProfile, online_id) is None  # closed
    kept = db.session.get(YouthProfile, sreymom.id)
    assert kept.user_id == account_id  # her login now opens the desk profile
    assert kept.skills == ["cooking"]
    titles = sorted(a.opening.title for a in db.session.scalars(select(Application)))
    assert titles == ["Cook", "Sewing machine operator"]  # the two sewing applications joined
    sewing = db.session.scalar(
        select(Application).where(
            Application.youth_id == kept.id, Application.hired_on.is_not(None)
        )
    )
    assert sewing.status == ApplicationStatus.HIRED and len(sewing.follow_ups) == 2
    assert "online" in [change.reason for change in sewing.status_changes]  # history kept
    saved = db.session.scalars(select(SavedOpening).where(SavedOpening.youth_id == kept.id)).all()
    assert len(saved) == 1  # the same saved opening, once

    she = app.test_client()
    she.post("/login", data={"identifier": "097 777 8888", "password": PASSWORD})
    mine = she.get("/me/applications").get_data(as_text=True)
    assert "Cook" in mine and "Sewing machine operator" in mine  # her referral, now hers


def test_figures_and_lists_count_her_once(counselor, sreymom, online):
    client, staff = counselor
    assert gender_counts(staff, YouthFilters())["female"] == 2
    online_id = online.id
    merge(client, online, sreymom, keep="other")  # asked from the other page: the desk one stays
    db.session.expire_all()
    assert gender_counts(staff, YouthFilters())["female"] == 1
    assert db.session.scalar(select(func.count(Application.id))) == 2
    html = client.get("/youth").get_data(as_text=True)
    assert f'href="/youth/{sreymom.id}"' in html
    assert f'href="/youth/{online_id}"' not in html


def test_the_merge_is_in_the_audit_trail_under_both_numbers(counselor, sreymom, online):
    client, staff = counselor
    online_id = online.id
    merge(client, sreymom, online)
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "profiles_merged")
    ).all()
    assert {event.youth_id for event in events} == {sreymom.id, online_id}
    assert all(event.actor_id == staff.id for event in events)
    assert events[0].detail["kept"] == sreymom.id and events[0].detail["closed"] == online_id


def test_nothing_is_merged_until_the_counselor_chooses_and_confirms(counselor, sreymom, online):
    client = counselor[0]
    assert merge(client, sreymom, online, keep="").status_code == 400
    assert merge(client, sreymom, online, confirm="").status_code == 400
    assert db.session.scalar(select(func.count(YouthProfile.id))) == 2


def test_a_second_login_is_switched_off(app, counselor, sreymom, online, make_user):
    desk_login = make_user("youth", phone="088 123 4567", email=None)
    db.session.delete(desk_login.youth_profile)
    db.session.flush()
    sreymom.user_id = desk_login.id
    db.session.commit()
    merge(counselor[0], sreymom, online)
    assert can_log_in(app, "088 123 4567", PASSWORD)
    assert not can_log_in(app, "097 777 8888", PASSWORD)


def test_another_centers_profile_cannot_be_merged(login_as, sreymom, online, make_youth):
    other_counselor, staff = login_as("counselor")
    stranger = make_youth(center_id=staff.center_id)
    assert merge(other_counselor, stranger, sreymom).status_code == 404
    assert db.session.scalar(select(func.count(YouthProfile.id))) == 3


def test_a_profile_is_not_merged_with_itself(counselor, sreymom):
    response = merge(counselor[0], sreymom, sreymom)
    assert response.status_code == 400
    assert "Choose two different profiles." in response.get_data(as_text=True)


def test_a_merged_desk_profile_keeps_working_for_its_referral_follow_ups(
    counselor, sreymom, online
):
    merge(counselor[0], online, sreymom, keep="this")  # the online profile stays this time
    db.session.expire_all()
    kept = db.session.get(YouthProfile, online.id)
    hired = db.session.scalar(
        select(Application).where(
            Application.youth_id == kept.id, Application.hired_on == date(2026, 10, 1)
        )
    )
    assert hired is not None and len(hired.follow_ups) == 2
    assert kept.phone == "0977778888"  # her login number, rather than the desk one
