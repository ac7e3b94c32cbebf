"""An employer signs up: a pending organization and an account, or a message next to the field."""

import re

from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.extensions import db
from portal.orgs.models import Organization


def _form(**changes):
    data = {
        "organization_name": "Angkor Silk Garments",
        "kind": "employer",
        "province": "17",
        "contact_name": "Chan Sophea",
        "phone": "012 888 777",
        "email": "hr@angkorsilk.example",
        "password": "long-enough-1",
        "confirm": "long-enough-1",
    }
    return data | changes


def _error_of(page: str, field: str) -> str:
    match = re.search(rf'id="{field}-error">([^<]*)<', page)
    return match.group(1) if match else ""


def test_employer_signup_creates_an_unverified_organization_and_logs_in(client, ctx):
    response = client.post("/signup/employer", data=_form())
    assert response.status_code == 302 and response.headers["Location"].endswith("/employer")
    organization = db.session.scalar(select(Organization))
    assert organization.name == "Angkor Silk Garments" and not organization.is_verified
    user = db.session.scalar(select(User).where(User.role == Role.EMPLOYER))
    assert user.organization_id == organization.id and user.phone == "012888777"
    assert "waiting" in client.get("/employer").get_data(as_text=True).lower()


def test_a_taken_organization_name_is_refused_next_to_the_name(client, make_org, ctx):
    make_org(name="Angkor Silk Garments")
    response = client.post("/signup/employer", data=_form(organization_name="angkor silk garments"))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "already registered" in _error_of(page, "organization_name")
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_a_taken_email_is_refused_next_to_the_email_and_saves_no_organization(
    client, make_user, ctx
):
    make_user(Role.YOUTH, email="hr@angkorsilk.example")
    response = client.post("/signup/employer", data=_form())
    assert response.status_code == 400
    error = _error_of(response.get_data(as_text=True), "email")
    assert "If this e-mail address is yours, log in or recover your password." in error
    assert db.session.scalar(select(func.count()).select_from(Organization)) == 0


def test_a_foreign_phone_number_is_refused(client, ctx):
    response = client.post("/signup/employer", data=_form(phone="+66 81 234 5678"))
    assert response.status_code == 400
    assert "Cambodian phone number" in _error_of(response.get_data(as_text=True), "phone")


def test_employer_signup_does_not_pick_a_province_for_them(client, ctx):
    page = client.get("/signup/employer").get_data(as_text=True)
    province = re.search(r'<select[^>]*name="province".*?</select>', page, re.S).group(0)
    first = re.search(r"<option[^>]*>[^<]*</option>", province).group(0)
    assert first == '<option value="">Choose a province</option>' and "selected" not in province

    response = client.post("/signup/employer", data=_form(province=""))

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert _error_of(page, "province") == "Choose a province."
    assert 'value="Angkor Silk Garments"' in page
    assert db.session.scalar(select(func.count()).select_from(Organization)) == 0


def test_employer_signup_must_say_whether_it_is_an_employer_or_a_school(client, ctx):
    response = client.post("/signup/employer", data=_form(kind=""))

    assert response.status_code == 400
    assert _error_of(response.get_data(as_text=True), "kind") == "Choose an answer."
