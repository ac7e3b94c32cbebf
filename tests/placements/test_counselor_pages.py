"""A counselor's caseload, an application with its history, and referrals from the candidates
list and from a youth's page, coming back to the exact list they came from."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from html import unescape
from urllib.parse import unquote

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from portal.placements.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    ApplicationStatusChange,
)
from portal.web import safe_next


@pytest.fixture
def counselor(login_as):
    return login_as(Role.COUNSELOR)


@pytest.fixture
def ours(counselor, make_youth):
    _client, user = counselor
    return make_youth(
        center_id=user.center_id, full_name="Dara Ours", skills=["sewing"], phone="012345678"
    )


@pytest.fixture
def theirs(make_youth, make_center):
    return make_youth(center_id=make_center().id, full_name="Vanna Theirs", skills=["sewing"])


def started(make_application, youth, opening=None, when=None, **fields):
    application = make_application(youth=youth, opening=opening, **fields)
    if when is not None:
        application.updated_at = when
        db.session.commit()
    return application


# --- the caseload ----------------------------------------------------------------------------


def test_caseload_lists_own_centers_applications_latest_change_first(
    counselor, ours, theirs, make_application, make_youth, make_opening
):
    client, user = counselor
    other_of_ours = make_youth(center_id=user.center_id, full_name="Bopha Ours")
    old = started(make_application, ours, make_opening(title="Tailor"), datetime(2026, 1, 5))
    new = started(make_application, other_of_ours, make_opening(title="Cook"), datetime(2026, 3, 1))
    started(make_application, theirs, make_opening(title="Driver"))

    page = client.get("/caseload").get_data(as_text=True)

    assert "Bopha Ours" in page and "Dara Ours" in page
    assert "Vanna Theirs" not in page and "Driver" not in page
    assert page.index(f'id="application-{new.id}"') < page.index(f'id="application-{old.id}"')
    assert f'href="/youth/{ours.id}"' in page
    assert f'href="/openings/{old.opening_id}"' in page


def test_caseload_filters_by_step_opening_person_and_words(
    counselor, ours, make_application, make_youth, make_opening
):
    client, user = counselor
    tailor = make_opening(title="Tailor")
    bopha = make_youth(center_id=user.center_id, full_name="Bopha Ours")
    started(make_application, ours, tailor, source=ApplicationSource.REFERRED)
    started(make_application, bopha, tailor)
    started(make_application, ours, make_opening(title="Cook"))

    def names(query):
        page = client.get(f"/caseload?{query}").get_data(as_text=True)
        return page.count("Dara Ours"), page.count("Bopha Ours"), "Cook" in page

    assert names("status=referred") == (1, 0, False)
    assert names(f"opening_id={tailor.id}") == (1, 1, False)
    assert names(f"youth_id={ours.id}") == (2, 0, True)
    assert names("q=cook") == (1, 0, True)
    assert names("status=spaceship&opening_id=abc") == (2, 1, True)  # garbage: no filter


def test_admin_sees_every_centers_applications(login_as, ours, theirs, make_application):
    client, _admin = login_as(Role.ADMIN)
    started(make_application, ours)
    started(make_application, theirs)

    page = client.get("/caseload").get_data(as_text=True)

    assert "Dara Ours" in page and "Vanna Theirs" in page


def test_caseload_rows_keep_the_list_to_come_back_to(counselor, ours, make_application):
    client, _user = counselor
    application = started(make_application, ours)

    page = client.get("/caseload?status=applied&page=1").get_data(as_text=True)

    link = f"/caseload/applications/{application.id}?next=/caseload?status%3Dapplied%26page%3D1"
    assert link in page
    detail = client.get(link).get_data(as_text=True)
    assert 'href="/caseload?status=applied&amp;page=1"' in detail  # "Back to the list"


# --- one application -------------------------------------------------------------------------


def test_application_page_shows_history_with_who_and_full_contact(
    counselor, ours, make_application, make_user
):
    client, user = counselor
    application = started(make_application, ours, message="I can sew fast.")
    employer = make_user(Role.EMPLOYER, display_name="Mr Chan")
    application.status_changes = [
        ApplicationStatusChange(to_status=ApplicationStatus.APPLIED),
        ApplicationStatusChange(
            from_status=ApplicationStatus.APPLIED,
            to_status=ApplicationStatus.SHORTLISTED,
            changed_by_id=employer.id,
            reason="Good sewing test",
        ),
    ]
    application.status = ApplicationStatus.SHORTLISTED
    db.session.commit()

    page = client.get(f"/caseload/applications/{application.id}").get_data(as_text=True)

    assert '<a href="tel:+85512345678">012 345 678</a>' in page
    assert "I can sew fast." in page
    assert "Mr Chan" in page and "Good sewing test" in page
    assert 'id="move-interview"' in page  # the next steps the counselor may take


def test_counselor_moves_an_application_and_comes_back_to_it(counselor, ours, make_application):
    client, user = counselor
    application = started(make_application, ours)
    here = f"/caseload/applications/{application.id}?next=/caseload%3Fstatus%3Dapplied"
    form = client.get(here).get_data(as_text=True).split('id="move-shortlisted"')[0]
    action = unescape(form.rsplit('action="', 1)[1].split('"')[0])

    response = client.post(action, data={"to_status": "shortlisted"})

    assert response.status_code == 302 and unquote(response.headers["Location"]) == unquote(here)
    assert db.session.get(Application, application.id).status == ApplicationStatus.SHORTLISTED
    page = client.get(here).get_data(as_text=True)
    assert "is now “On the short list”" in page
    assert 'href="/caseload?status=applied"' in page  # still the way back to the list
    change = db.session.scalars(select(ApplicationStatusChange)).all()[-1]
    assert (change.to_status, change.changed_by_id) == (ApplicationStatus.SHORTLISTED, user.id)


def test_leaving_hired_without_a_reason_is_refused_next_to_the_field(
    counselor, ours, make_application
):
    client, _user = counselor
    application = started(make_application, ours, hired_on=date(2026, 1, 10))
    url = f"/applications/{application.id}/status"

    response = client.post(url, data={"to_status": "withdrawn", "reason_code": ""})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    form = page.split('id="move-withdrawn"')[1].split("</form>")[0]
    assert "needs a reason" in form
    assert db.session.get(Application, application.id).status == ApplicationStatus.HIRED

    response = client.post(url, data={"to_status": "withdrawn", "reason_code": "left"})
    assert response.status_code == 302
    assert db.session.get(Application, application.id).status == ApplicationStatus.WITHDRAWN


def test_a_step_that_is_not_a_step_gets_a_message(counselor, ours, make_application):
    client, _user = counselor
    application = started(make_application, ours)

    response = client.post(f"/applications/{application.id}/status", data={"to_status": "king"})

    assert response.status_code == 400
    assert "Choose a step from the buttons." in response.get_data(as_text=True)


def test_another_centers_application_is_not_found(counselor, theirs, make_application):
    client, _user = counselor
    application = started(make_application, theirs)

    assert client.get(f"/caseload/applications/{application.id}").status_code == 404
    assert client.get("/caseload/applications/999999").status_code == 404


@pytest.mark.parametrize("role", [Role.EMPLOYER, Role.YOUTH])
def test_employers_and_youth_cannot_open_the_caseload(login_as, ours, make_application, role):
    client, _user = login_as(role)
    application = started(make_application, ours)

    assert client.get("/caseload").status_code == 403
    assert client.get(f"/caseload/applications/{application.id}").status_code == 403


# --- referring -------------------------------------------------------------------------------


def test_refer_from_the_candidates_list_and_come_back_to_it(
    counselor, ours, make_opening, make_youth
):
    client, user = counselor
    opening = make_opening(title="Garment sewer", skills=["sewing"])
    bopha = make_youth(center_id=user.center_id, full_name="Bopha Ours", skills=["sewing"])
    candidates = f"/openings/{opening.id}/candidates"

    page = client.get(candidates).get_data(as_text=True)
    assert page.count(f'action="/openings/{opening.id}/refer') == 1  # ONE referral form
    assert f'name="youth_id" value="{ours.id}"' in page
    assert page.count("<textarea") == 1

    response = client.post(
        f"/openings/{opening.id}/refer",
        data={
            "youth_id": ours.id,
            "note": "Sews well, reliable.",
            "next": f"{candidates}?sort=score",
        },
    )

    assert response.status_code == 302
    assert response.headers["Location"] == f"{candidates}?sort=score"
    application = db.session.scalar(select(Application).where(Application.youth_id == ours.id))
    assert application.status == ApplicationStatus.REFERRED
    assert application.referral_note == "Sews well, reliable."
    assert application.referred_by_id == user.id
    page = client.get(candidates).get_data(as_text=True)
    assert f'name="youth_id" value="{ours.id}"' not in page  # her status instead
    assert "Sent by a counselor" in page
    assert f'name="youth_id" value="{bopha.id}"' in page  # Bopha can still be referred


def test_refer_without_choosing_a_person_says_so(counselor, ours, make_opening):
    client, _user = counselor
    opening = make_opening(skills=["sewing"])

    response = client.post(
        f"/openings/{opening.id}/refer", data={"note": "Good."}, follow_redirects=True
    )

    assert "Choose the person to refer in the list" in response.get_data(as_text=True)
    assert db.session.scalar(select(Application.id)) is None


def test_the_chosen_person_without_a_note_gets_the_referral_page(counselor, ours, make_opening):
    client, _user = counselor
    opening = make_opening(skills=["sewing"])

    response = client.post(f"/openings/{opening.id}/refer", data={"youth_id": ours.id})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Write a short note for the employer." in page
    assert f'action="/openings/{opening.id}/refer/{ours.id}"' in page  # her form, to finish


def test_a_referral_needs_a_note_and_keeps_nothing_without_one(counselor, ours, make_opening):
    client, _user = counselor
    opening = make_opening()

    response = client.post(f"/openings/{opening.id}/refer/{ours.id}", data={"note": "  "})

    assert response.status_code == 400
    assert "Write a short note for the employer." in response.get_data(as_text=True)
    assert db.session.scalar(select(Application.id)) is None


def test_a_second_referral_is_refused_with_a_message(counselor, ours, make_opening):
    client, _user = counselor
    opening = make_opening()
    url = f"/openings/{opening.id}/refer/{ours.id}"
    client.post(url, data={"note": "Good."})

    page = client.get(url).get_data(as_text=True)

    assert "Already at the step" in page
    assert len(db.session.scalars(select(Application)).all()) == 1


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/x", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/\t/x"],
)
def test_the_way_back_never_leaves_the_portal(counselor, ours, make_opening, target):
    client, _user = counselor
    opening = make_opening()

    response = client.post(
        f"/openings/{opening.id}/refer/{ours.id}", data={"note": "Good.", "next": target}
    )

    assert response.headers["Location"] == f"/openings/{opening.id}/candidates"


def test_safe_next_keeps_local_paths_with_their_query():
    assert safe_next("/caseload?status=hired&page=2", "/x") == "/caseload?status=hired&page=2"
    assert safe_next("http://localhost/caseload", "/x") == "/x"
    assert safe_next(None, "/x") == "/x"


def test_a_counselor_cannot_refer_another_centers_youth(counselor, theirs, make_opening):
    client, _user = counselor
    opening = make_opening()

    response = client.post(f"/openings/{opening.id}/refer/{theirs.id}", data={"note": "Good."})

    assert response.status_code == 404
    assert db.session.scalar(select(Application.id)) is None


def test_refer_from_the_youths_page_lists_suggested_openings(
    counselor, ours, make_opening, make_application
):
    client, _user = counselor
    sewer = make_opening(title="Garment sewer", skills=["sewing"])
    tailor = make_opening(title="Tailor", skills=["sewing"])
    started(make_application, ours, tailor)

    page = client.get(f"/youth/{ours.id}/refer").get_data(as_text=True)

    assert f'action="/openings/{sewer.id}/refer/{ours.id}"' in page
    assert f'action="/openings/{tailor.id}/refer/{ours.id}"' not in page
    assert f'name="next" value="/youth/{ours.id}/refer"' in page


def test_employer_cannot_refer(login_as, ours, make_opening):
    client, _user = login_as(Role.EMPLOYER)
    opening = make_opening()

    response = client.post(f"/openings/{opening.id}/refer/{ours.id}", data={"note": "Hi"})

    assert response.status_code == 403


def test_the_caseload_starts_with_this_weeks_follow_ups_and_comes_back_after_one(
    counselor, ours, make_application
):
    client, _user = counselor
    application = started(make_application, ours, hired_on=date.today() - timedelta(days=35))
    follow_up = application.follow_ups[0]

    page = client.get("/caseload?status=hired").get_data(as_text=True)

    assert "Follow-ups due this week" in page
    assert f'action="/follow-ups/{follow_up.id}"' in page
    assert f'href="/youth/{ours.id}/refer"' in page
    response = client.post(
        f"/follow-ups/{follow_up.id}", data={"answer": "yes", "next": "/caseload?status=hired"}
    )
    assert response.headers["Location"] == "/caseload?status=hired"
    assert "Follow-ups due this week" not in client.get("/caseload").get_data(as_text=True)


def test_a_referral_to_a_closed_opening_is_refused_with_the_reason(counselor, ours, make_opening):
    client, _user = counselor
    opening = make_opening(status=OpeningStatus.CLOSED)

    response = client.post(f"/openings/{opening.id}/refer/{ours.id}", data={"note": "Good."})

    assert response.status_code == 400
    assert "This opening is closed" in response.get_data(as_text=True)
    assert db.session.scalar(select(Application.id)) is None
