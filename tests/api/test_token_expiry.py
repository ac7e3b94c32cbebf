"""API tokens expire after API_TOKEN_DAYS; their owner sees each token's dates and revokes one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.auth.models import ApiToken, Role
from portal.auth.tokens import hash_token
from portal.extensions import db, utcnow
from tests.conftest import login


def token_issued(user, days_ago: float, raw: str = "old-token") -> ApiToken:
    token = ApiToken(
        user_id=user.id, token_hash=hash_token(raw), created_at=utcnow() - timedelta(days=days_ago)
    )
    db.session.add(token)
    db.session.commit()
    return token


@pytest.fixture
def counselor(make_user):
    return make_user(Role.COUNSELOR, email="dara@center.org")


def test_an_expired_token_answers_401_saying_it_expired(app, client, counselor):
    token = token_issued(counselor, days_ago=app.config["API_TOKEN_DAYS"] + 1)
    response = client.get("/api/v1/youth", headers={"Authorization": "Bearer old-token"})
    assert response.status_code == 401
    body = response.get_json()
    assert body["error"] == "unauthorized"
    ended = token.created_at + timedelta(days=app.config["API_TOKEN_DAYS"])
    assert f"This API token expired on {ended:%Y-%m-%d}" in body["message"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_token_just_inside_its_days_still_works(app, client, counselor):
    token_issued(counselor, days_ago=app.config["API_TOKEN_DAYS"] - 1)
    response = client.get("/api/v1/youth", headers={"Authorization": "Bearer old-token"})
    assert response.status_code == 200


def test_the_command_prints_when_the_token_expires(app, runner, counselor):
    result = runner.invoke(args=["users", "token", "dara@center.org"])
    assert result.exit_code == 0, result.output
    ends = utcnow() + timedelta(days=app.config["API_TOKEN_DAYS"])
    assert f"valid until {ends:%Y-%m-%d}" in result.stderr
    assert db.session.scalars(select(AuditEvent.action)).all() == ["token_issued"]


def test_the_owner_sees_dates_and_last_use_and_revokes_a_token(app, counselor):
    token = token_issued(counselor, days_ago=3)
    token_issued(counselor, days_ago=1, raw="unused-token")
    app.test_client().get("/api/v1/youth", headers={"Authorization": "Bearer old-token"})
    browser = login(app.test_client(), counselor)

    page = browser.get("/account/tokens").get_data(as_text=True)
    assert page.count("<td>Never</td>") == 1  # the other one was used just now
    assert page.count(">Revoke<") == 2

    assert browser.post(f"/account/tokens/{token.id}/revoke").status_code == 302
    response = app.test_client().get("/api/v1/youth", headers={"Authorization": "Bearer old-token"})
    assert response.status_code == 401
    assert "Revoked" in browser.get("/account/tokens").get_data(as_text=True)


def test_nobody_revokes_someone_elses_token(app, counselor, login_as):
    token = token_issued(counselor, days_ago=1)
    other, _ = login_as(Role.ADMIN)
    assert other.post(f"/account/tokens/{token.id}/revoke").status_code == 404
    db.session.refresh(token)
    assert token.revoked_at is None
