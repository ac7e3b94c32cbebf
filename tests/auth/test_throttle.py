"""Logins that resist guessing: 5 wrong passwords per account and 20 per address in 15 minutes,
then a wait told in minutes; an unknown account answers like a real one, in about the same time."""

from __future__ import annotations

import logging
import time

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.auth.models import Role
from portal.extensions import db
from tests.conftest import PASSWORD


def try_login(client, identifier: str, password: str):
    return client.post("/login", data={"identifier": identifier, "password": password})


@pytest.fixture
def youth(make_user):
    return make_user(Role.YOUTH, email="sreymom@example.org")


def test_30_wrong_passwords_cannot_get_in_and_the_6th_says_how_long_to_wait(client, youth):
    answers = [try_login(client, youth.login_name, f"guess-{n}") for n in range(30)]

    assert [a.status_code for a in answers[:5]] == [400] * 5
    assert all(a.status_code == 429 for a in answers[5:])
    page = answers[5].get_data(as_text=True)
    assert "Too many wrong tries. Wait 15 minutes, then try again." in page
    assert 890 <= int(answers[5].headers["Retry-After"]) <= 900
    # The right password is refused too while the account waits.
    right = try_login(client, youth.login_name, PASSWORD)
    assert right.status_code == 429
    assert client.get("/me/profile").status_code == 302


def test_the_right_password_works_again_once_the_wait_is_over(app, client, youth, monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_FAILURE_WINDOW_SECONDS", 2)
    for n in range(5):
        assert try_login(client, youth.login_name, f"guess-{n}").status_code == 400
    locked = try_login(client, youth.login_name, PASSWORD)
    assert locked.status_code == 429
    assert "Wait 1 minute, then try again." in locked.get_data(as_text=True)

    time.sleep(2.2)

    assert try_login(client, youth.login_name, PASSWORD).status_code == 302


def test_the_lock_is_per_account_a_right_login_elsewhere_is_not_refused(client, make_user):
    guessed = make_user(Role.YOUTH, email="guessed@example.org")
    other = make_user(Role.YOUTH, email="other@example.org")
    for n in range(6):
        try_login(client, guessed.login_name, f"guess-{n}")
    assert try_login(client, other.login_name, PASSWORD).status_code == 302


def test_20_failures_from_one_address_lock_it_for_every_account(app, make_user):
    client = app.test_client()
    target = make_user(Role.YOUTH, email="target@example.org")
    for n in range(20):  # four tries at each of five made-up accounts
        assert try_login(client, f"someone{n % 5}@example.org", "guess-it").status_code == 400
    assert try_login(client, target.login_name, PASSWORD).status_code == 429
    elsewhere = app.test_client()
    response = elsewhere.post(
        "/login",
        data={"identifier": target.login_name, "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.1.2.3"},
    )
    assert response.status_code == 302  # the account itself was never guessed at


def test_an_unknown_account_gets_the_same_answer_and_the_same_lock(client, youth):
    known = [try_login(client, youth.login_name, f"guess-{n}") for n in range(6)]
    unknown = [try_login(client, "nobody@example.org", f"guess-{n}") for n in range(6)]
    assert [r.status_code for r in known] == [r.status_code for r in unknown]
    wrong = "Wrong phone number, e-mail or password."
    assert wrong in known[0].get_data(as_text=True) and wrong in unknown[0].get_data(as_text=True)


def test_failures_are_logged_and_audited_with_the_account_never_the_password(client, youth, caplog):
    with caplog.at_level(logging.INFO, logger="portal.auth"):
        try_login(client, youth.login_name, "hunter2-secret")
        try_login(client, "012 999 000", "hunter2-secret")

    events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["login_failed", "login_failed"]
    assert events[0].subject_id == youth.id and events[0].detail == {"account": f"user:{youth.id}"}
    assert events[1].subject_id is None and events[1].detail["account"].startswith("unknown:")
    assert "012999000" not in str(events[1].detail) and "999" not in str(events[1].detail)
    logged = [r for r in caplog.records if getattr(r, "event", None) == "login_failed"]
    assert [r.user_id for r in logged] == [youth.id, None]
    everything = caplog.text + str([e.detail for e in events])
    assert "hunter2-secret" not in everything


def test_an_unknown_account_takes_about_as_long_as_a_wrong_password(
    app, client, make_user, monkeypatch
):
    monkeypatch.delitem(app.config, "PASSWORD_HASH_METHOD")  # the real method (scrypt)
    user = make_user(Role.YOUTH, email="timed@example.org")
    assert user.password_hash.startswith("scrypt:")
    try_login(client, "warm-up@example.org", "wrong-password")  # makes the throwaway hash

    def duration(identifier: str) -> float:
        start = time.perf_counter()
        assert try_login(client, identifier, "wrong-password").status_code == 400
        return time.perf_counter() - start

    known = sorted(duration(user.login_name) for _ in range(3))
    unknown = sorted(duration(f"nobody{n}@example.org") for n in range(3))
    assert unknown[1] >= 0.5 * known[1], (known, unknown)


def test_the_wait_is_told_in_khmer_to_a_khmer_reader(client, youth):
    client.post("/lang/km")
    for n in range(5):
        try_login(client, youth.login_name, f"guess-{n}")
    response = try_login(client, youth.login_name, "guess-6")
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "អ្នកបានសាកខុសច្រើនដងពេក។ សូមរង់ចាំ 15 នាទី រួចសាកម្តងទៀត។" in page
