"""Two-factor login for counselors and admins: set up with a QR code, a code after the password,
recovery codes, no code accepted twice, required when TWO_FACTOR_REQUIRED."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta

import pyotp
import pytest
from sqlalchemy import select

from portal.audit import AuditAction, AuditEvent
from portal.auth.models import Role
from portal.extensions import db, utcnow
from portal.two_factor.services import enable, has_two_factor
from tests.conftest import PASSWORD


class Clock:
    def __init__(self):
        self.now = utcnow()

    def forward(self, **delta) -> None:
        self.now += timedelta(**delta)

    def code(self, secret: str, steps: int = 0) -> str:
        """What the authenticator app shows now (or `steps` of 30 seconds later)."""
        moment = self.now + timedelta(seconds=30 * steps)
        return pyotp.TOTP(secret).at((moment - datetime(1970, 1, 1)).total_seconds())


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr("portal.two_factor.services.utcnow", lambda: fake.now)
    return fake


@pytest.fixture
def counselor_with_app(make_user, clock):
    """(counselor, secret, recovery codes): a counselor whose app holds `secret`."""
    user = make_user(Role.COUNSELOR)
    secret = pyotp.random_base32()
    codes = enable(user, secret, clock.code(secret))
    db.session.commit()
    clock.forward(seconds=90)  # the set-up code's step is past
    return user, secret, codes


def password_step(client, user):
    response = client.post("/login", data={"identifier": user.login_name, "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/login/two-factor")
    return client


def second_step(client, code: str):
    return client.post("/login/two-factor", data={"code": code})


def test_the_password_alone_does_not_log_in(app, counselor_with_app):
    user, _secret, _codes = counselor_with_app
    client = password_step(app.test_client(), user)
    response = client.get("/caseload")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_wrong_code_is_refused_and_the_right_one_logs_in(app, counselor_with_app, clock):
    user, secret, _codes = counselor_with_app
    client = password_step(app.test_client(), user)
    wrong = f"{(int(clock.code(secret)) + 1) % 10**6:06d}"
    refused = second_step(client, wrong)
    assert refused.status_code == 400
    assert "wrong or was already used" in refused.get_data(as_text=True)
    assert client.get("/caseload").status_code == 302
    failed = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == AuditAction.LOGIN_FAILED)
    )
    assert failed.subject_id == user.id and failed.detail == {"step": "code"}

    accepted = second_step(client, clock.code(secret))
    assert accepted.status_code == 302 and accepted.headers["Location"].endswith("/caseload")
    assert client.get("/caseload").status_code == 200


def test_a_code_is_never_accepted_twice(app, counselor_with_app, clock):
    user, secret, _codes = counselor_with_app
    code = clock.code(secret)
    assert second_step(password_step(app.test_client(), user), code).status_code == 302
    replay = second_step(password_step(app.test_client(), user), code)
    assert replay.status_code == 400
    clock.forward(seconds=30)  # the next code the app shows works
    assert (
        second_step(password_step(app.test_client(), user), clock.code(secret)).status_code == 302
    )


def test_codes_one_step_either_side_are_accepted(app, counselor_with_app, clock):
    user, secret, _codes = counselor_with_app
    late = clock.code(secret, steps=-1)
    assert second_step(password_step(app.test_client(), user), late).status_code == 302
    too_far = clock.code(secret, steps=3)
    assert second_step(password_step(app.test_client(), user), too_far).status_code == 400


def test_a_recovery_code_works_once(app, counselor_with_app):
    user, _secret, codes = counselor_with_app
    assert len(codes) == 10 and len(set(codes)) == 10
    used = codes[3]
    assert second_step(password_step(app.test_client(), user), used.upper()).status_code == 302
    assert second_step(password_step(app.test_client(), user), used).status_code == 400
    assert second_step(password_step(app.test_client(), user), codes[4]).status_code == 302


def test_the_wait_for_a_code_expires(app, counselor_with_app, clock, monkeypatch):
    user, secret, _codes = counselor_with_app
    client = password_step(app.test_client(), user)
    later = time.time() + 6 * 60
    monkeypatch.setattr("portal.two_factor.login.time.time", lambda: later)
    response = second_step(client, clock.code(secret))
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    assert client.get("/caseload").status_code == 302


def test_guessing_codes_is_limited(app, counselor_with_app, clock):
    user, secret, _codes = counselor_with_app
    client = password_step(app.test_client(), user)
    statuses = [second_step(client, "000000").status_code for _ in range(5)]
    assert statuses == [400] * 5
    assert second_step(client, clock.code(secret)).status_code == 429


def test_a_counselor_sets_it_up_with_the_qr_code_or_the_key(login_as, clock):
    client, user = login_as(Role.COUNSELOR)
    page = client.get("/account/two-factor")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert 'src="/account/two-factor/qr.svg"' in html and "style=" not in html
    secret = re.search(r'class="totp-secret">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    qr = client.get("/account/two-factor/qr.svg")
    assert qr.mimetype == "image/svg+xml" and qr.data.lstrip().startswith(b"<svg")

    done = client.post("/account/two-factor", data={"code": clock.code(secret)})
    assert done.status_code == 200
    codes = re.findall(r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>", done.get_data(as_text=True))
    assert len(codes) == 10
    assert has_two_factor(user)
    assert (
        db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == AuditAction.TWO_FACTOR_ENABLED)
        ).actor_id
        == user.id
    )


def test_a_wrong_first_code_turns_nothing_on(login_as, clock):
    client, user = login_as(Role.COUNSELOR)
    html = client.get("/account/two-factor").get_data(as_text=True)
    secret = re.search(r'class="totp-secret">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    wrong = f"{(int(clock.code(secret)) + 5) % 10**6:06d}"
    assert client.post("/account/two-factor", data={"code": wrong}).status_code == 400
    assert not has_two_factor(user)


def test_when_required_staff_set_it_up_before_anything_else(app, login_as, monkeypatch, clock):
    monkeypatch.setitem(app.config, "TWO_FACTOR_REQUIRED", True)
    client, user = login_as(Role.COUNSELOR)
    for path in ("/caseload", "/youth", "/review", "/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].endswith("/account/two-factor"), path
    html = client.get("/account/two-factor").get_data(as_text=True)
    secret = re.search(r'class="totp-secret">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    assert client.post("/account/two-factor", data={"code": clock.code(secret)}).status_code == 200
    assert client.get("/caseload").status_code == 200


def test_when_required_young_people_are_not_asked(app, login_as, monkeypatch):
    monkeypatch.setitem(app.config, "TWO_FACTOR_REQUIRED", True)
    client, _user = login_as(Role.YOUTH)
    assert client.get("/me/profile").status_code == 200


def test_an_admin_resets_a_lost_phone(app, login_as, counselor_with_app):
    user, _secret, _codes = counselor_with_app
    admin_client, admin = login_as(Role.ADMIN)
    staff_page = admin_client.get("/admin/staff").get_data(as_text=True)
    assert f"/admin/staff/{user.id}/two-factor/reset" in staff_page
    response = admin_client.post(f"/admin/staff/{user.id}/two-factor/reset")
    assert response.status_code == 302
    assert not has_two_factor(user)
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == AuditAction.TWO_FACTOR_DISABLED)
    )
    assert event.actor_id == admin.id and event.subject_id == user.id
    after = app.test_client().post(
        "/login", data={"identifier": user.login_name, "password": PASSWORD}
    )
    assert after.headers["Location"].endswith("/caseload")


def test_the_command_line_resets_a_locked_out_admin(runner, make_user, clock):
    admin = make_user(Role.ADMIN)
    secret = pyotp.random_base32()
    enable(admin, secret, clock.code(secret))
    db.session.commit()
    result = runner.invoke(args=["two-factor", "reset", admin.email])
    assert result.exit_code == 0, result.output
    assert not has_two_factor(admin)
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == AuditAction.TWO_FACTOR_DISABLED)
    )
    assert event.actor_id is None and event.subject_id == admin.id
    youth = make_user(Role.YOUTH)
    assert runner.invoke(args=["two-factor", "reset", youth.email]).exit_code != 0
