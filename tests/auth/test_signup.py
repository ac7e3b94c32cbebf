"""A young person signs up on their phone."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.extensions import db
from portal.youth.models import YouthProfile
from tests.youth.helpers import signup_data, years_ago


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_sign_up_form_is_short_and_labelled(client):
    page = client.get("/signup").get_data(as_text=True)
    for label in ("Full name", "Phone number", "Date of birth", "Province", "Repeat the password"):
        assert label in page
    assert 'type="tel"' in page
    assert "employers on Phlov can see your name" in page
    assert page.count("<h1>") == 1


def test_youth_signs_up_and_logs_in_with_the_phone_in_another_format(app, client, ctx):
    response = client.post("/signup", data=signup_data(phone="+855 12 345 678"))

    assert response.status_code == 302
    assert response.headers["Location"].endswith("/me/profile")
    welcome = client.get("/me/profile").get_data(as_text=True)
    assert "add your skills" in welcome

    user = db.session.scalar(select(User).where(User.phone == "012345678"))
    assert user.role == Role.YOUTH
    assert user.youth_profile.full_name == "Sok Dara"
    assert user.youth_profile.phone == "012345678"

    client.post("/logout")
    again = app.test_client().post(
        "/login", data={"identifier": "012345678", "password": "my-secret-9"}
    )
    assert again.status_code == 302
    assert again.headers["Location"].endswith("/me/profile")


def test_sign_up_with_a_taken_phone_is_refused_next_to_the_phone(client, make_user, ctx):
    make_user(Role.YOUTH, phone="012345678", email=None)

    response = client.post("/signup", data=signup_data(phone="012 345 678", full_name="Other"))

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    # The same words whether or not the number is really hers: no more than the owner needs.
    assert "If this number is yours, log in or recover your password." in page
    assert "already registered" not in page
    assert 'id="phone-error"' in page
    assert _count(User) == 1
    assert _count(YouthProfile) == 1
    assert 'value="Other"' in page  # what was typed is kept


def test_sign_up_with_a_taken_email_is_refused_next_to_the_email(client, make_user, ctx):
    make_user(Role.EMPLOYER, email="dara@example.org")

    response = client.post("/signup", data=signup_data(email="Dara@Example.org"))

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="email-error"' in page
    assert "If this e-mail address is yours, log in or recover your password." in page
    assert db.session.scalar(select(User).where(User.phone == "012345678")) is None


def test_a_14_year_old_is_refused_with_a_message(client, ctx):
    response = client.post(
        "/signup", data=signup_data(date_of_birth=years_ago(15, days=-1).isoformat())
    )

    assert response.status_code == 400
    assert "Phlov is for young people from 15 years old" in response.get_data(as_text=True)
    assert _count(User) == 0


def test_the_15th_birthday_is_old_enough(client, ctx):
    response = client.post("/signup", data=signup_data(date_of_birth=years_ago(15).isoformat()))
    assert response.status_code == 302


def test_someone_over_30_is_refused(client, ctx):
    response = client.post("/signup", data=signup_data(date_of_birth=years_ago(31).isoformat()))

    assert response.status_code == 400
    assert "up to 30 years old" in response.get_data(as_text=True)
    assert _count(User) == 0


def test_a_date_of_birth_in_the_future_is_refused(client, ctx):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()

    response = client.post("/signup", data=signup_data(date_of_birth=tomorrow))

    assert response.status_code == 400
    assert "cannot be in the future" in response.get_data(as_text=True)


def test_a_phone_that_is_not_cambodian_is_refused(client, ctx):
    response = client.post("/signup", data=signup_data(phone="12345"))

    assert response.status_code == 400
    assert "Enter a Cambodian phone number" in response.get_data(as_text=True)
    assert _count(User) == 0


def test_different_passwords_are_refused(client, ctx):
    response = client.post("/signup", data=signup_data(confirm="something-else"))

    assert response.status_code == 400
    assert "The passwords differ." in response.get_data(as_text=True)


def test_consent_is_recorded_with_its_date(client, ctx):
    client.post("/signup", data=signup_data(consent="y"))

    profile = db.session.scalar(select(YouthProfile))
    assert profile.consent_to_share is True
    assert profile.consent_at.date() == date.today()


def test_without_the_tick_nothing_is_shared(client, ctx):
    client.post("/signup", data=signup_data(consent=None))

    profile = db.session.scalar(select(YouthProfile))
    assert profile.consent_to_share is False
    assert profile.consent_at is None


def test_a_new_youth_is_looked_after_by_a_center_of_their_province(client, make_center, ctx):
    make_center("Partner Siem Reap", province_code="17", is_partner=True)
    office = make_center("Siem Reap office", province_code="17")
    make_center("Phnom Penh office", province_code="12")

    client.post("/signup", data=signup_data(province_code="17"))

    assert db.session.scalar(select(YouthProfile)).center_id == office.id


def test_a_logged_in_user_is_sent_home_instead_of_signing_up(login_as):
    client, _user = login_as(Role.YOUTH)

    response = client.get("/signup")

    assert response.status_code == 302
    assert response.headers["Location"].endswith("/me/profile")
