"""Moderation decisions reach the employer: approved, sent back (edit and send again), or
declined for good. Each is recorded and told to the organization's members."""

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs import services
from portal.jobs.models import OpeningStatus
from portal.notifications.models import Notification, NotificationKind
from tests.jobs.payloads import opening_payload


def _told(user) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id)
            .where(Notification.kind == NotificationKind.OPENING_REVIEWED)
        )
    )


@pytest.fixture
def employer_with_pending(login_as, make_opening):
    client, employer = login_as(Role.EMPLOYER)
    opening = make_opening(
        organization=employer.organization, status=OpeningStatus.PENDING_REVIEW, title="Guard"
    )
    return client, employer, opening


def test_approving_tells_the_members(login_as, employer_with_pending):
    _, employer, opening = employer_with_pending
    counselor_client, _ = login_as(Role.COUNSELOR)

    counselor_client.post(f"/openings/{opening.id}/approve")

    [note] = _told(employer)
    assert note.params == {"opening_title": "Guard", "decision": "approved", "reason": ""}
    assert note.link == f"/openings/{opening.id}"


def test_sent_back_the_employer_reads_why_edits_and_it_returns_to_the_queue(
    login_as, employer_with_pending
):
    employer_client, employer, opening = employer_with_pending
    counselor_client, _ = login_as(Role.COUNSELOR)
    counselor_client.post(f"/openings/{opening.id}/reject", data={"reason": "Add the hours."})
    [note] = _told(employer)
    assert note.params["decision"] == "sent_back"
    assert note.params["reason"] == "Add the hours."

    edit_page = employer_client.get(f"/openings/{opening.id}/edit").get_data(as_text=True)
    assert "Sent back because:" in edit_page and "Add the hours." in edit_page
    response = employer_client.post(
        f"/openings/{opening.id}/edit",
        data=opening_payload(title="Guard", description="Night guard, 6 pm to 6 am."),
    )

    assert response.status_code == 302
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PENDING_REVIEW
    assert "Guard" in counselor_client.get("/review").get_data(as_text=True)


def test_declined_for_good_is_recorded_shown_and_told(login_as, employer_with_pending):
    employer_client, employer, opening = employer_with_pending
    counselor_client, counselor = login_as(Role.COUNSELOR)
    assert "Decline for good" in counselor_client.get("/review").get_data(as_text=True)

    response = counselor_client.post(
        f"/openings/{opening.id}/decline",
        data={"reason": "Asks young people to pay a fee.", "next": "/review"},
    )

    assert response.headers["Location"].endswith("/review")
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.DECLINED
    change = opening.status_changes[-1]
    assert (change.from_status, change.to_status) == (
        OpeningStatus.PENDING_REVIEW,
        OpeningStatus.DECLINED,
    )
    assert change.changed_by_id == counselor.id
    assert change.reason == "Asks young people to pay a fee."
    assert change.changed_at is not None
    [note] = _told(employer)
    assert note.params["decision"] == "declined"
    dashboard = employer_client.get("/employer").get_data(as_text=True)
    assert "Declined:" in dashboard and "Asks young people to pay a fee." in dashboard
    assert f"/openings/{opening.id}/edit" not in dashboard


def test_a_declined_opening_cannot_be_edited_or_sent_again(login_as, employer_with_pending):
    employer_client, employer, opening = employer_with_pending
    services.decline(opening, by=login_as(Role.COUNSELOR)[1], reason="Fake.")
    db.session.commit()

    assert employer_client.get(f"/openings/{opening.id}/edit").status_code == 403
    response = employer_client.post(f"/openings/{opening.id}/edit", data=opening_payload())
    assert response.status_code == 403
    with pytest.raises(services.TransitionError):
        services.update_opening(opening, {"title": "Again"}, by=employer)
    assert not services.can_change_status(opening, OpeningStatus.PENDING_REVIEW)
    assert not services.can_change_status(opening, OpeningStatus.PUBLISHED)
    db.session.rollback()
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.DECLINED and opening.title == "Guard"


def test_declining_needs_a_reason_and_only_from_the_queue(login_as, make_opening):
    client, _ = login_as(Role.COUNSELOR)
    pending = make_opening(status=OpeningStatus.PENDING_REVIEW)
    response = client.post(f"/openings/{pending.id}/decline", data={"reason": " "})
    assert "Say why the opening is declined." in client.get(response.headers["Location"]).get_data(
        as_text=True
    )
    published = make_opening()
    response = client.post(f"/openings/{published.id}/decline", data={"reason": "No"})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Only openings waiting for review can be declined." in page
    db.session.refresh(pending)
    db.session.refresh(published)
    assert pending.status == OpeningStatus.PENDING_REVIEW
    assert published.status == OpeningStatus.PUBLISHED


def test_an_employer_cannot_decline_or_approve_its_own_opening(employer_with_pending):
    client, _, opening = employer_with_pending
    assert client.post(f"/openings/{opening.id}/decline", data={"reason": "x"}).status_code == 403
    assert client.post(f"/openings/{opening.id}/approve").status_code == 403
    db.session.refresh(opening)
    assert opening.status == OpeningStatus.PENDING_REVIEW
