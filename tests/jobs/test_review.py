"""The counselors' review queue: approve, send back with a reason, close."""

from datetime import timedelta

from portal.auth.models import Role
from portal.extensions import db, utcnow
from portal.jobs.models import OpeningStatus


def test_the_queue_lists_pending_openings_oldest_first_with_verification(
    login_as, make_opening, make_org
):
    client, _ = login_as(Role.COUNSELOR)
    make_opening(
        title="Newer request",
        status=OpeningStatus.PENDING_REVIEW,
        organization=make_org(name="Known Co"),
        created_at=utcnow() - timedelta(hours=1),
    )
    make_opening(
        title="Older request",
        status=OpeningStatus.PENDING_REVIEW,
        organization=make_org(name="New Co", verified=False),
        created_at=utcnow() - timedelta(days=2),
    )
    make_opening(title="Already public")
    html = client.get("/review").get_data(as_text=True)
    assert html.index("Older request") < html.index("Newer request")
    assert "Already public" not in html
    assert "Not verified yet" in html and "Verified" in html
    assert "2 openings wait, the oldest first." in html


def test_only_staff_reach_the_queue(client, login_as):
    employer, _ = login_as(Role.EMPLOYER)
    youth, _ = login_as(Role.YOUTH)
    admin, _ = login_as(Role.ADMIN)
    assert employer.get("/review").status_code == 403
    assert youth.get("/review").status_code == 403
    assert client.get("/review").status_code == 302
    assert admin.get("/review").status_code == 200


def test_an_empty_queue_says_so(login_as):
    client, _ = login_as(Role.COUNSELOR)
    assert "Nothing waits for review." in client.get("/review").get_data(as_text=True)


def test_a_counselor_approves_and_the_opening_appears_on_the_list_and_home(
    client, login_as, make_opening
):
    counselor_client, counselor = login_as(Role.COUNSELOR)
    opening = make_opening(title="Hotel cleaner", status=OpeningStatus.PENDING_REVIEW)
    assert "Hotel cleaner" not in client.get("/").get_data(as_text=True)
    response = counselor_client.post(f"/openings/{opening.id}/approve", data={"next": "/review"})
    assert response.headers["Location"].endswith("/review")
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PUBLISHED
    change = opening.status_changes[-1]
    assert (change.from_status, change.to_status) == (
        OpeningStatus.PENDING_REVIEW,
        OpeningStatus.PUBLISHED,
    )
    assert change.changed_by_id == counselor.id
    assert "Hotel cleaner" in client.get("/openings").get_data(as_text=True)
    assert "Hotel cleaner" in client.get("/").get_data(as_text=True)


def test_sending_back_without_a_reason_is_refused_and_changes_nothing(login_as, make_opening):
    client, _ = login_as(Role.COUNSELOR)
    opening = make_opening(status=OpeningStatus.PENDING_REVIEW)
    response = client.post(f"/openings/{opening.id}/reject", data={"reason": "   "})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Say why the opening is sent back." in page
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert opening.review_note is None
    assert opening.status_changes == []


def test_the_reason_for_sending_back_reaches_the_employer_dashboard(login_as, make_opening):
    employer_client, employer = login_as(Role.EMPLOYER)
    counselor_client, counselor = login_as(Role.COUNSELOR)
    opening = make_opening(
        organization=employer.organization, status=OpeningStatus.PENDING_REVIEW, title="Guard"
    )
    counselor_client.post(
        f"/openings/{opening.id}/reject", data={"reason": "Please add the salary."}
    )
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.REJECTED
    assert opening.status_changes[-1].reason == "Please add the salary."
    assert opening.status_changes[-1].changed_by_id == counselor.id
    dashboard = employer_client.get("/employer").get_data(as_text=True)
    assert "Sent back because:" in dashboard
    assert "Please add the salary." in dashboard


def test_an_employer_cannot_approve_even_its_own_opening(login_as, make_opening):
    client, employer = login_as(Role.EMPLOYER)
    own = make_opening(organization=employer.organization, status=OpeningStatus.PENDING_REVIEW)
    other = make_opening(status=OpeningStatus.PENDING_REVIEW)
    for opening in (own, other):
        assert client.post(f"/openings/{opening.id}/approve").status_code == 403
        assert (
            client.post(f"/openings/{opening.id}/reject", data={"reason": "x"}).status_code == 403
        )
        assert client.post(f"/openings/{opening.id}/close").status_code == 403
        db.session.refresh(opening)
        assert opening.status == OpeningStatus.PENDING_REVIEW


def test_actions_in_the_wrong_status_give_a_message_not_an_error(login_as, make_opening):
    client, _ = login_as(Role.COUNSELOR)
    published = make_opening()
    response = client.post(f"/openings/{published.id}/approve")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "This opening cannot be published now. It is “Published”." in page
    response = client.post(f"/openings/{published.id}/reject", data={"reason": "No"})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Only openings waiting for review can be sent back." in page
    pending = make_opening(status=OpeningStatus.PENDING_REVIEW)
    response = client.post(f"/openings/{pending.id}/close")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Only published openings can be closed." in page
    db.session.refresh(published)
    db.session.refresh(pending)
    assert published.status == OpeningStatus.PUBLISHED and published.status_changes == []
    assert pending.status == OpeningStatus.PENDING_REVIEW and pending.status_changes == []


def test_closing_takes_an_opening_off_the_list_and_records_why(client, login_as, make_opening):
    counselor_client, counselor = login_as(Role.COUNSELOR)
    opening = make_opening(title="Filled job")
    counselor_client.post(f"/openings/{opening.id}/close", data={"reason": "Filled"})
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.CLOSED
    assert opening.status_changes[-1].reason == "Filled"
    assert "Filled job" not in client.get("/openings").get_data(as_text=True)
    assert client.get(f"/openings/{opening.id}").status_code == 404


def test_actions_on_a_missing_opening_are_404(login_as):
    client, _ = login_as(Role.COUNSELOR)
    assert client.post("/openings/999999/approve").status_code == 404
    assert client.post("/openings/999999/reject", data={"reason": "x"}).status_code == 404
    assert client.post("/openings/999999/close").status_code == 404


def test_an_action_never_redirects_off_site(login_as, make_opening):
    client, _ = login_as(Role.COUNSELOR)
    opening = make_opening(status=OpeningStatus.PENDING_REVIEW)
    response = client.post(f"/openings/{opening.id}/approve", data={"next": "//evil.example/"})
    assert "evil.example" not in response.headers["Location"]
