"""A counselor gets an API token from the command line, sends it as a Bearer header, and the
staff API answers; without a valid token, or with another role's, it refuses in JSON."""

from __future__ import annotations

import pytest

from portal.auth.models import ApiToken, Role
from portal.auth.tokens import hash_token, issue_token
from portal.extensions import db

URL = "/api/v1/youth"
STAFF_URLS = [
    "/api/v1/youth",
    "/api/v1/youth/{youth}/suggestions",
    "/api/v1/openings/{opening}/candidates",
]


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def token_for(user) -> str:
    """A token made directly in the database (the command refuses youth and employers)."""
    raw = f"test-token-{user.id}"
    db.session.add(ApiToken(user_id=user.id, token_hash=hash_token(raw)))
    db.session.commit()
    return raw


@pytest.fixture
def counselor(make_user):
    return make_user(Role.COUNSELOR, email="dara@center.org")


def test_the_command_prints_a_token_once_and_it_works(runner, client, counselor):
    result = runner.invoke(args=["users", "token", "dara@center.org"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert len(token) >= 40
    stored = db.session.query(ApiToken).one()
    assert stored.token_hash == hash_token(token) != token
    assert stored.last_used_at is None
    response = client.get(URL, headers=bearer(token))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["results"] == []
    db.session.refresh(stored)
    assert stored.last_used_at is not None


def test_each_call_of_the_command_makes_a_new_token(runner, counselor):
    first = runner.invoke(args=["users", "token", "dara@center.org"]).stdout.strip()
    second = runner.invoke(args=["users", "token", "dara@center.org"]).stdout.strip()
    assert first != second
    assert db.session.query(ApiToken).count() == 2


def test_revoked_tokens_are_refused(runner, client, counselor):
    token = runner.invoke(args=["users", "token", "dara@center.org"]).stdout.strip()
    result = runner.invoke(args=["users", "token", "dara@center.org", "--revoke"])
    assert result.exit_code == 0
    assert "Revoked 1 token" in result.output
    response = client.get(URL, headers=bearer(token))
    assert response.status_code == 401
    assert response.get_json()["error"] == "unauthorized"


@pytest.mark.parametrize("role", [Role.YOUTH, Role.EMPLOYER])
def test_the_command_refuses_youth_and_employers(runner, make_user, role):
    user = make_user(role)
    result = runner.invoke(args=["users", "token", user.email])
    assert result.exit_code != 0
    assert "only counselors and admins" in result.output
    assert db.session.query(ApiToken).count() == 0


def test_the_command_refuses_an_unknown_account(runner):
    result = runner.invoke(args=["users", "token", "nobody@example.org"])
    assert result.exit_code != 0
    assert "no account with the e-mail 'nobody@example.org'" in result.output


@pytest.mark.parametrize(
    "headers",
    [{}, bearer("garbage"), {"Authorization": "Basic Zm9vOmJhcg=="}, {"Authorization": "Bearer "}],
    ids=["none", "garbage", "basic", "empty"],
)
def test_no_valid_token_gets_401_in_json(client, headers):
    response = client.get(URL, headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    body = response.get_json()
    assert body["error"] == "unauthorized"
    assert body["message"]


@pytest.mark.parametrize("role", [Role.YOUTH, Role.EMPLOYER])
def test_youth_and_employer_tokens_get_403_everywhere(
    client, make_user, make_youth, make_opening, role
):
    token = token_for(make_user(role))
    ids = {"youth": make_youth().id, "opening": make_opening().id}
    for url in STAFF_URLS:
        response = client.get(url.format(**ids), headers=bearer(token))
        assert response.status_code == 403, url
        assert response.get_json()["error"] == "forbidden"


def test_a_switched_off_account_gets_403(client, counselor):
    token = issue_token(counselor)
    counselor.active = False
    db.session.commit()
    assert client.get(URL, headers=bearer(token)).status_code == 403


def test_a_logged_in_session_is_not_a_token(login_as):
    client, _admin = login_as(Role.ADMIN)
    assert client.get(URL).status_code == 401
