"""An attacker types ids and page numbers far past what the database holds, in every route and
every common query argument, as every role: a path id answers 404, a query number is refused
(400 with a message in the API) or read as not given, never a 500."""

from __future__ import annotations

import pytest
from flask import url_for
from werkzeug.routing import IntegerConverter

from portal.auth.models import Role
from portal.auth.tokens import issue_token
from portal.clean_input import DATABASE_INT_MAX
from portal.extensions import db
from portal.jobs.models import OpeningKind

HUGE = "99999999999999999999999"  # past 2^63, the issue's example
JUST_PAST = str(DATABASE_INT_MAX + 1)  # past PostgreSQL's INTEGER
NUMBER_ARGS = (
    "page",
    "per_page",
    "center",
    "center_id",
    "opening_id",
    "youth_id",
    "application_id",
    "organization",
    "contact",
    "contact_id",
    "id",
    "min_salary",
    "user_id",
)
VALUES = {
    "code": "km",
    "filename": "css/portal.css",
    "token": "not-a-reset-token",
    "secret": "not-the-secret",
    "day": "2026-11-01",  # a job alerts digest (issue 16)
    "section": "work",  # a CV's rows (issue 19)
}


def _urls(app, huge: str):
    """(method, url, has an id in the path) for every rule and method, each int in the path
    set to `huge`."""
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            ints = {a for a, c in rule._converters.items() if isinstance(c, IntegerConverter)}
            values = {arg: (int(huge) if arg in ints else VALUES[arg]) for arg in rule.arguments}
            url = url_for(rule.endpoint, **values)
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, url, bool(ints)


@pytest.fixture
def staff_token(make_user):
    raw = issue_token(make_user(Role.COUNSELOR))
    db.session.commit()
    return {"Authorization": f"Bearer {raw}"}


def test_every_rule_with_an_id_has_the_bounded_converter(app):
    with_ids = [rule for rule in app.url_map.iter_rules() if rule.arguments - set(VALUES)]
    assert len(with_ids) > 20
    for rule in with_ids:
        for converter in rule._converters.values():
            if isinstance(converter, IntegerConverter):
                assert converter.max == DATABASE_INT_MAX, rule


@pytest.mark.parametrize("huge", [HUGE, JUST_PAST])
@pytest.mark.parametrize("role", [None, Role.YOUTH, Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN])
def test_no_route_answers_500_to_huge_numbers(app, login_as, staff_token, reindex, role, huge):
    reindex()  # as in a running portal (/healthz rightly answers 503 without an index)
    numbers = dict.fromkeys(NUMBER_ARGS, huge)
    checked = 0
    for method, url, has_id in _urls(app, huge):
        client = app.test_client() if role is None else login_as(role)[0]
        headers = staff_token if url.startswith("/api/") else {}
        if method == "GET":
            response = client.get(url, query_string=numbers, headers=headers)
        elif url.startswith("/api/"):
            response = client.open(url, method=method, json=numbers, headers=headers)
        else:
            response = client.open(url, method=method, data=numbers, query_string=numbers)
        assert response.status_code < 500, (role, method, url, response.status_code)
        if has_id:
            assert response.status_code in (404, 405), (role, method, url, response.status_code)
        checked += 1
    assert checked > 80


def test_a_huge_page_number_shows_the_first_page(client, make_opening):
    make_opening(title="Rice mill helper", kind=OpeningKind.COURSE)
    response = client.get("/courses", query_string={"page": HUGE})
    assert response.status_code == 200
    assert "Rice mill helper" in response.get_data(as_text=True)


def test_the_search_explains_a_huge_page(client):
    response = client.get("/openings", query_string={"page": HUGE})
    assert response.status_code in (200, 400)
    assert "The page must be a whole number from 1 to 1000." in response.get_data(as_text=True)


def test_the_api_refuses_huge_ids_with_a_message(app, staff_token):
    client = app.test_client()
    response = client.get(
        "/api/v1/applications", query_string={"opening_id": HUGE}, headers=staff_token
    )
    assert response.status_code == 400
    assert response.get_json()["field"] == "opening_id"
    assert "whole number from 1 to 2147483647" in response.get_json()["message"]
    body = {"opening_id": HUGE, "youth_id": 1, "note": "Good fit"}
    response = client.post("/api/v1/applications", json=body, headers=staff_token)
    assert response.status_code == 400
    assert response.get_json()["field"] == "opening_id"
    response = client.get(f"/api/v1/youth/{HUGE}/suggestions", headers=staff_token)
    assert response.status_code == 404
    assert response.is_json
