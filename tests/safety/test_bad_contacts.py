"""Admins keep a list of known bad contacts; any posting that uses one is held as high risk, and
adding one takes the openings that use it off the public list. Counselors mark licensed
recruitment agencies, whose work abroad is not flagged."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.auth.models import Role
from portal.extensions import db
from portal.jobs import services
from portal.jobs.models import OpeningStatus, ScreeningLevel
from portal.safety.contacts import ContactError, normalize
from portal.safety.models import BadContact, ContactKind
from tests.jobs.payloads import opening_payload

PAGE = "/admin/bad-contacts"


@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        ("phone", "+855 (0)12-34-56-78", "012345678"),
        ("phone", "855 12 345 678", "012345678"),
        ("phone", "012 345 678", "012345678"),
        ("email", "  Jobs.Fast@Gmail.com ", "jobs.fast@gmail.com"),
        ("handle", "@Easy_Money_KH", "easy_money_kh"),
        ("handle", "https://t.me/Easy_Money_KH", "easy_money_kh"),
    ],
)
def test_contacts_are_kept_in_one_form_however_they_are_typed(kind, typed, stored):
    assert normalize(kind, typed) == stored


@pytest.mark.parametrize(
    ("kind", "typed"),
    [("phone", "call me"), ("phone", "1234"), ("email", "nobody"), ("handle", "a b")],
)
def test_a_value_that_is_not_a_contact_is_refused(app, kind, typed):
    with app.test_request_context(), pytest.raises(ContactError):
        normalize(kind, typed)


def test_an_admin_adds_a_contact_and_a_second_one_the_same_is_refused(login_as):
    client, admin = login_as(Role.ADMIN)
    response = client.post(
        PAGE,
        data={"kind": "phone", "value": "+855 12 345 678", "note": "Fake casino job"},
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert "012345678 is on the list. No opening uses it now." in html
    assert "Fake casino job" in html
    again = client.post(PAGE, data={"kind": "phone", "value": "012-345-678"})
    assert again.status_code == 400
    assert "012345678 is already on the list." in again.get_data(as_text=True)
    [contact] = db.session.scalars(select(BadContact)).all()
    assert (contact.kind, contact.value, contact.added_by_id) == (
        ContactKind.PHONE,
        "012345678",
        admin.id,
    )


def test_a_bad_value_gets_a_message_next_to_the_field(login_as):
    client, _ = login_as(Role.ADMIN)
    response = client.post(PAGE, data={"kind": "email", "value": "not an address"})
    assert response.status_code == 400
    assert "Write an e-mail address" in response.get_data(as_text=True)
    assert db.session.scalar(select(BadContact)) is None


def test_an_admin_takes_a_contact_off_the_list(login_as):
    client, admin = login_as(Role.ADMIN)
    client.post(PAGE, data={"kind": "handle", "value": "@easy_money"})
    contact = db.session.scalar(select(BadContact))
    response = client.post(f"{PAGE}/delete", data={"contact_id": contact.id}, follow_redirects=True)
    assert "easy_money is off the list." in response.get_data(as_text=True)
    assert db.session.scalar(select(BadContact)) is None
    assert client.post(f"{PAGE}/delete", data={"contact_id": "999"}).status_code == 404


def test_a_new_posting_with_a_known_bad_contact_is_held_as_high(app, login_as):
    admin_client, _ = login_as(Role.ADMIN)
    admin_client.post(PAGE, data={"kind": "handle", "value": "t.me/easy_money"})
    employer_client, employer = login_as(Role.EMPLOYER)
    employer_client.post(
        "/openings/new",
        data=opening_payload(
            title="Shop helper", description="Sell phones in a shop. Message @easy_money."
        ),
    )
    opening = employer.organization.openings[0]
    assert opening.screening_level == ScreeningLevel.HIGH
    [reason] = [r for r in opening.screening_reasons if r["name"] == "known_bad_contact"]
    assert reason["matched_text"] == "@easy_money"
    with pytest.raises(services.ScreeningHold):
        services.publish(opening, by=None)


def test_adding_a_contact_takes_the_published_openings_that_use_it_off_the_list(
    app, login_as, make_org, make_opening
):
    organization = make_org(contact_phone="012345678")
    using = make_opening(organization=organization, title="Waiter", description="Serve food.")
    other = make_opening(title="Cook", description="Cook rice and soup for 40 workers.")
    waiting = make_opening(
        title="Cleaner", description="Call 012 345 678.", status=OpeningStatus.PENDING_REVIEW
    )
    client, _ = login_as(Role.ADMIN)
    response = client.post(
        PAGE, data={"kind": "phone", "value": "+855 12 345 678"}, follow_redirects=True
    )
    assert "2 opening(s) with it wait for review now." in response.get_data(as_text=True)
    for opening in (using, other, waiting):
        db.session.refresh(opening)
    assert using.status == OpeningStatus.PENDING_REVIEW
    assert using.screening_level == ScreeningLevel.HIGH
    assert waiting.screening_level == ScreeningLevel.HIGH
    assert other.status == OpeningStatus.PUBLISHED
    assert app.test_client().get(f"/openings/{using.id}").status_code == 404
    change = using.status_changes[-1]
    assert change.to_status == OpeningStatus.PENDING_REVIEW and "warning signs" in change.reason


def test_work_abroad_is_flagged_unless_a_counselor_marked_a_licensed_agency(
    login_as, make_org, make_opening, runner
):
    organization = make_org(name="Overseas Jobs Co")
    opening = make_opening(
        organization=organization,
        title="Factory worker",
        description="Work in an electronics factory, 8 hours a day.",
        work_abroad=True,
        work_country="Malaysia",
        status=OpeningStatus.PENDING_REVIEW,
    )
    client, _ = login_as(Role.COUNSELOR)
    runner.invoke(args=["openings", "screen"])  # what was never screened (not a GET's work)
    db.session.refresh(opening)
    assert "abroad_unlicensed" in {r["name"] for r in opening.screening_reasons}
    page = client.get(f"/orgs/{organization.id}/review").get_data(as_text=True)
    assert "Licensed recruitment agency (to send workers abroad)" in page

    refused = client.post(
        f"/orgs/{organization.id}/recruiter",
        data={"licensed_recruiter": "y", "licence_no": ""},
        follow_redirects=True,
    )
    assert "Write the licence number you checked." in refused.get_data(as_text=True)
    client.post(
        f"/orgs/{organization.id}/recruiter",
        data={"licensed_recruiter": "y", "licence_no": "MoLVT 123/2025"},
    )
    db.session.refresh(organization)
    db.session.refresh(opening)
    assert organization.licensed_recruiter and organization.licence_no == "MoLVT 123/2025"
    assert "abroad_unlicensed" not in {r["name"] for r in opening.screening_reasons}
