"""Sessions that end: a cookie copied before logout, a password change or an account switched
off opens nothing afterwards, on any device."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.auth import sessions
from portal.auth.models import LoginSession, Role
from portal.extensions import db, utcnow
from tests.conftest import PASSWORD

REMEMBER = "remember_token"


def log_in(client, user, *, remember: bool = False, password: str = PASSWORD):
    data = {"identifier": user.login_name, "password": password}
    if remember:
        data["remember"] = "y"
    response = client.post("/login", data=data, headers={"User-Agent": CHROME_ANDROID})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36"
)


def cookie(client, name: str) -> str:
    found = client.get_cookie(name)
    assert found is not None, f"no {name} cookie"
    return found.value


def browser_with(app, name: str, value: str):
    """Another browser that holds only a copy of one cookie (an attacker who copied it)."""
    other = app.test_client()
    other.set_cookie(name, value)
    return other


def opens(client, path: str = "/me/profile") -> bool:
    return client.get(path).status_code == 200


@pytest.fixture
def youth(make_user):
    return make_user(Role.YOUTH, email="sokha@example.org")


def test_a_remembered_login_is_a_random_token_not_the_account_id(app, youth):
    first = cookie(log_in(app.test_client(), youth, remember=True), REMEMBER)
    second = cookie(log_in(app.test_client(), youth, remember=True), REMEMBER)
    assert first != second
    assert not first.startswith(f"{youth.id}|")
    stored = db.session.scalars(select(LoginSession.token_hash)).all()
    assert len(stored) == 2 and all(first.partition("|")[0] not in h for h in stored)


def test_the_remember_cookie_is_lax_httponly_and_lasts_30_days(app, youth):
    client = app.test_client()
    response = client.post(
        "/login", data={"identifier": youth.login_name, "password": PASSWORD, "remember": "y"}
    )
    header = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(REMEMBER))
    assert "HttpOnly" in header and "SameSite=Lax" in header
    expires = client.get_cookie(REMEMBER).expires
    days = (expires.replace(tzinfo=None) - utcnow()).days
    assert 29 <= days <= 30


def test_cookies_copied_before_logout_open_nothing_after_it(app, youth):
    client = log_in(app.test_client(), youth, remember=True)
    copied_session = browser_with(app, "session", cookie(client, "session"))
    copied_remember = browser_with(app, REMEMBER, cookie(client, REMEMBER))
    assert opens(copied_session) and opens(copied_remember)

    client.post("/logout")

    assert not opens(client)
    assert not opens(browser_with(app, "session", copied_session.get_cookie("session").value))
    assert not opens(browser_with(app, REMEMBER, copied_remember.get_cookie(REMEMBER).value))
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["login", "logout"]


def test_a_password_change_logs_out_every_other_device_but_keeps_this_one(app, youth):
    laptop = log_in(app.test_client(), youth, remember=True)
    phone = log_in(app.test_client(), youth, remember=True)
    copied = [cookie(laptop, "session"), cookie(laptop, REMEMBER), cookie(phone, REMEMBER)]

    response = phone.post(
        "/account/password",
        data={"current": PASSWORD, "password": "river-lotus-42", "confirm": "river-lotus-42"},
    )

    assert response.status_code == 302
    assert opens(phone)  # this device stays, with a fresh token
    assert cookie(phone, REMEMBER) != copied[2]
    assert not opens(laptop)
    assert not opens(browser_with(app, "session", copied[0]))
    assert not opens(browser_with(app, REMEMBER, copied[1]))
    assert not opens(browser_with(app, REMEMBER, copied[2]))
    assert opens(log_in(app.test_client(), youth, password="river-lotus-42"))
    assert "password_changed" in db.session.scalars(select(AuditEvent.action)).all()


def test_a_wrong_current_password_changes_nothing(app, youth):
    client = log_in(app.test_client(), youth)
    response = client.post(
        "/account/password",
        data={
            "current": "not-it-at-all",
            "password": "river-lotus-42",
            "confirm": "river-lotus-42",
        },
    )
    assert response.status_code == 400
    assert "This is not your password now." in response.get_data(as_text=True)
    assert opens(log_in(app.test_client(), youth))


def test_a_new_password_must_follow_the_rules(app, make_user):
    user = make_user(Role.EMPLOYER, phone="012 777 888")
    client = log_in(app.test_client(), user)
    response = client.post(
        "/account/password",
        data={"current": PASSWORD, "password": "+855 12 777 888", "confirm": "+855 12 777 888"},
    )
    assert response.status_code == 400
    assert "Do not use your phone number as your password." in response.get_data(as_text=True)


def test_switching_a_counselor_off_ends_her_logins_on_every_device(app, make_user, login_as):
    counselor = make_user(Role.COUNSELOR, email="dara@center.org")
    office = log_in(app.test_client(), counselor)
    copied = browser_with(app, "session", cookie(office, "session"))
    assert opens(copied, "/caseload")
    admin, _ = login_as(Role.ADMIN, center_id=counselor.center_id)

    assert admin.post(f"/admin/staff/{counselor.id}/toggle").status_code == 302

    assert not opens(office, "/caseload")
    assert not opens(copied, "/caseload")
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "account_deactivated" in actions and "sessions_ended" in actions


def test_where_you_are_logged_in_lists_devices_and_logs_out_the_others(app, youth):
    phone = log_in(app.test_client(), youth)
    laptop = log_in(app.test_client(), youth)

    page = laptop.get("/account/sessions").get_data(as_text=True)
    assert page.count("Chrome, Android") == 2 and "This device" in page

    laptop.post("/account/sessions/others")
    assert opens(laptop) and not opens(phone)

    laptop.post("/account/sessions/all")
    assert not opens(laptop)


def test_a_login_not_remembered_ends_after_the_session_hours(app, youth, monkeypatch):
    client = log_in(app.test_client(), youth)
    hours = app.config["SESSION_HOURS"]
    later = utcnow() + timedelta(hours=hours, minutes=1)
    monkeypatch.setattr(sessions, "now", lambda: later)
    assert not opens(client)


def test_a_remembered_login_ends_after_30_days(app, youth, monkeypatch):
    copied = cookie(log_in(app.test_client(), youth, remember=True), REMEMBER)
    monkeypatch.setattr(sessions, "now", lambda: utcnow() + timedelta(days=29))
    assert opens(browser_with(app, REMEMBER, copied))
    monkeypatch.setattr(sessions, "now", lambda: utcnow() + timedelta(days=30, minutes=1))
    assert not opens(browser_with(app, REMEMBER, copied))


def test_last_seen_is_written_every_few_minutes_not_on_every_page(app, youth, monkeypatch):
    client = log_in(app.test_client(), youth)
    row = db.session.scalar(select(LoginSession))
    first_seen = row.last_seen_at
    client.get("/me/profile")
    db.session.expire_all()
    assert db.session.get(LoginSession, row.id).last_seen_at == first_seen
    later = utcnow() + timedelta(minutes=6)
    monkeypatch.setattr(sessions, "now", lambda: later)
    client.get("/me/profile")
    db.session.expire_all()
    assert db.session.get(LoginSession, row.id).last_seen_at == later


def test_login_renews_the_session_but_keeps_the_language(app, youth):
    client = app.test_client()
    client.post("/lang/km")
    with client.session_transaction() as before:
        before["planted"] = "by an attacker"
    log_in(client, youth)
    with client.session_transaction() as after:
        assert "planted" not in after
        assert after.get("lang") == "km"


def test_staff_are_logged_out_after_the_idle_minutes_and_told_so(app, make_user, monkeypatch):
    counselor = make_user(Role.COUNSELOR, email="vanna@center.org")
    client = app.test_client()
    response = client.post(
        "/login",
        data={"identifier": counselor.login_name, "password": PASSWORD, "remember": "y"},
    )
    assert response.status_code == 302
    assert client.get_cookie(REMEMBER) is None  # a staff login is never remembered
    start = utcnow()
    idle = app.config["STAFF_IDLE_MINUTES"]
    monkeypatch.setattr(sessions, "now", lambda: start + timedelta(minutes=idle - 1))
    assert opens(client, "/caseload")
    monkeypatch.setattr(sessions, "now", lambda: start + timedelta(minutes=2 * idle))

    response = client.get("/caseload", follow_redirects=True)

    assert response.request.path == "/login"
    assert f"You were logged out after {idle} minutes without use." in response.get_data(
        as_text=True
    )
    assert not opens(client, "/caseload")
