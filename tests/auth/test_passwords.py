"""Password rules after NIST SP 800-63B, the same in every form and command that sets one."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.auth.models import Role, User
from portal.auth.passwords import COMMON_PASSWORDS, common_passwords, password_problem
from portal.extensions import db
from portal.youth.models import YouthProfile
from tests.conftest import PASSWORD
from tests.youth.helpers import signup_data


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_the_shipped_list_holds_10000_distinct_passwords():
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 10_000
    assert all(line and line == line.strip() for line in lines)
    assert len(common_passwords()) == 10_000
    assert (COMMON_PASSWORDS.parent / "README.md").read_text().count("Licence") == 1


@pytest.mark.parametrize(
    ("password", "words"),
    [
        ("short7!", "at least 8 characters"),
        ("x" * 120 + "yz-long!!", "at most 128 characters"),
        ("aaaaaaaa", "Do not repeat one character"),
        ("password", "most common"),
        ("PassWord", "most common"),
        ("12345678", "most common"),
        ("iloveyou", "most common"),
        ("012 345 678", "phone number"),
        ("+855 12-345-678", "phone number"),
        ("85512345678", "phone number"),
        ("sokha.chan@example.org", "e-mail address"),
        ("Sokha.Chan", "e-mail address"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(app, password, words):
    with app.test_request_context():
        problem = password_problem(password, phone="012345678", email="sokha.chan@example.org")
    assert problem is not None and words in problem


@pytest.mark.parametrize(
    "password",
    [
        PASSWORD,
        "demo-youth-2026",
        "demo-employer-2026",
        "demo-counselor-2026",
        "demo-admin-2026",
        "ផ្លូវការងារល្អ",
        "correct horse battery staple",
    ],
)
def test_good_passwords_pass_with_no_composition_rules(app, password):
    with app.test_request_context():
        assert password_problem(password, phone="012345678", email="a@example.org") is None


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("password", "This password is one of the most common ones: choose another."),
        ("aaaaaaaa", "Do not repeat one character: choose a few words you will remember."),
        ("012345678", "Do not use your phone number as your password."),
    ],
)
def test_youth_sign_up_refuses_a_weak_password_and_saves_nothing(client, ctx, password, message):
    data = signup_data(phone="012 345 678", password=password, confirm=password)
    response = client.post("/signup", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _count(User) == 0 and _count(YouthProfile) == 0


def test_employer_sign_up_refuses_a_common_password(client, ctx):
    from tests.auth.test_signup_employer import _form

    response = client.post(
        "/signup/employer", data=_form(password="qwerty123", confirm="qwerty123")
    )
    assert response.status_code == 400
    assert "most common" in response.get_data(as_text=True)
    assert _count(User) == 0


def test_an_admin_cannot_give_new_staff_a_common_password(login_as, ctx):
    client, admin = login_as(Role.ADMIN)
    response = client.post(
        "/admin/staff",
        data={
            "display_name": "Chea Sophal",
            "login": "sophal@center.org",
            "password": "sophal@center.org",
            "role": "counselor",
            "center_id": admin.center_id,
        },
    )
    assert response.status_code == 400
    assert "Do not use your e-mail address as your password." in response.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.email == "sophal@center.org")) is None


def test_flask_users_create_refuses_a_common_password(runner, ctx):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--role",
            "youth",
            "--email",
            "x@example.org",
            "--password",
            "password1",
        ]
    )
    assert result.exit_code != 0
    assert "most common" in result.output
    assert _count(User) == 0
