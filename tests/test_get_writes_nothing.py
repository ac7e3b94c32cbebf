"""A GET never writes to the database (issue 19): every GET route of the access matrix, asked by
every role that may reach it (and a staff token on the API), leaves every table as it was, but
for the writes listed in HARMLESS, each with why it is no change of the data people work on.

Writes are counted where they happen: every INSERT, UPDATE and DELETE the database is sent
(tests/sql_statements.py), with the table it names."""

from __future__ import annotations

import re
from datetime import date

import pytest

from portal.auth.models import ApiToken, Role
from portal.auth.tokens import hash_token
from portal.cv.models import WorkExperience, WorkKind
from portal.extensions import db
from portal.jobs.models import OpeningStatus
from tests.conftest import login
from tests.sql_statements import statements
from tests.test_access_matrix import ACCESS, PUBLIC, ROLES, TOKEN, _requests

# The writes a GET may make (the statement begins so), and why each is no change of the data
# people work on.
HARMLESS = {
    # "Who looked at my data": opening a young person's contact, profile or CV is recorded as it
    # happens (audit.viewed); the record of a reading is the point of that GET.
    "INSERT INTO audit_event": "the privacy trail of who read a young person's data",
    # A staff token's last use, shown on /account/tokens so that a leaked or forgotten token
    # stands out; it is the token's own bookkeeping, like a login's.
    "UPDATE api_token SET last_used_at": "when a staff token was last used",
}
WRITE = re.compile(
    r"^\s*(?:WITH\b.*?\)\s*)?(INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)",
    re.IGNORECASE | re.DOTALL,
)


def writes(seen: list[str]) -> list[tuple[str, str]]:
    """(table, statement with its white space folded) of each write among `seen`."""
    found = []
    for statement in seen:
        if match := WRITE.match(statement):
            found.append((match.group(2).lower(), " ".join(statement.split())[:120]))
    return found


def _get_routes(app, ids: dict, allowed) -> list[str]:
    ids = {**ids, "filename": "css/portal.css", "code": "km", "secret": "x"}
    return [
        url
        for endpoint, access in ACCESS.items()
        if access == allowed or (isinstance(access, set) and allowed in access)
        for method, url in _requests(app, endpoint, ids)
        if method == "GET"
    ]


def _visit(client, urls: list[str], headers: dict | None = None):
    """GET each URL -> (the writes made, as 'url: statement'; the harmless ones' statements)."""
    problems, harmless = [], []
    for url in urls:
        with statements() as seen:
            response = client.get(url, headers=headers or {})
        assert response.status_code < 500, (url, response.status_code)
        for _table, sql in writes(seen):
            if sql.startswith(tuple(HARMLESS)):
                harmless.append(sql)
            else:
                problems.append(f"{url}: {sql}")
    return problems, harmless


@pytest.fixture
def owned(make_center, make_org, make_user, make_opening, make_application):
    """One object of each kind, each role's own (the counselor's young person, the employer's
    opening, her application, hired): every page shows real data. -> (ids, {role: user})."""
    center = make_center(province_code="12")
    organization = make_org()
    users = {
        Role.COUNSELOR: make_user(Role.COUNSELOR, center_id=center.id),
        Role.ADMIN: make_user(Role.ADMIN, center_id=center.id),
        Role.EMPLOYER: make_user(Role.EMPLOYER, organization_id=organization.id),
        Role.YOUTH: make_user(Role.YOUTH),
    }
    profile = users[Role.YOUTH].youth_profile
    profile.center_id = center.id
    opening = make_opening(organization=organization)
    # Waiting for review and never screened: the queue once screened it on a GET (now the work
    # of `flask openings screen`).
    make_opening(organization=organization, status=OpeningStatus.PENDING_REVIEW)
    application = make_application(opening=opening, youth=profile, hired_on=date(2026, 1, 5))
    work = WorkExperience(youth_id=profile.id, kind=WorkKind.FAMILY, what="Helped on the farm")
    db.session.add(work)
    db.session.commit()
    ids = {
        "application_id": application.id,
        "follow_up_id": application.follow_ups[0].id,
        "opening_id": opening.id,
        "organization_id": organization.id,
        "youth_id": profile.id,
        "center_id": center.id,
        "user_id": users[Role.COUNSELOR].id,
        "token_id": 1,
        "search_id": 1,
        "day": "2026-01-05",
        "token": "not-a-signed-token",
        "section": "work",  # a row of her CV
        "row_id": work.id,
    }
    return ids, users


@pytest.mark.parametrize("role", ROLES, ids=str)
def test_no_get_writes_to_the_database(app, owned, role):
    ids, users = owned
    client = app.test_client() if role is None else login(app.test_client(), users[role])
    urls = _get_routes(app, ids, PUBLIC) + ([] if role is None else _get_routes(app, ids, role))
    problems, harmless = _visit(client, urls)
    assert problems == []
    if role in (Role.COUNSELOR, Role.EMPLOYER):  # they read her contact: the trail says so
        assert any(sql.startswith("INSERT INTO audit_event") for sql in harmless)


def test_no_get_of_the_staff_api_writes(app, owned):
    ids, users = owned
    db.session.add(ApiToken(user_id=users[Role.COUNSELOR].id, token_hash=hash_token("get")))
    db.session.commit()
    headers = {"Authorization": "Bearer get"}
    problems, harmless = _visit(app.test_client(), _get_routes(app, ids, TOKEN), headers)
    assert problems == []
    assert any(sql.startswith("UPDATE api_token") for sql in harmless)


def test_the_counter_sees_a_write(app, make_center, make_user):
    """Not blind: a write is seen, with its table, and only the HARMLESS tables are let pass."""
    with statements() as seen:
        make_center(name="Kampot office")
    assert [table for table, _sql in writes(seen)] == ["center"]
    assert not writes(seen)[0][1].startswith(tuple(HARMLESS))
