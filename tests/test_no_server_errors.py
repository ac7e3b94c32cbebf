"""Bad input anywhere gets a message or a 4xx, never a 500: every route, every role,
empty and garbage form data, garbage query strings."""

from __future__ import annotations

from datetime import date

import pytest
from flask import url_for

from portal.auth.models import Role
from portal.cv.models import WorkExperience, WorkKind
from portal.extensions import db
from portal.jobs.models import OpeningKind, OpeningStatus

GARBAGE = {
    "q": "'; DROP TABLE opening; -- <script>",
    "province": "Atlantis",
    "district": "9999",
    "kind": "spaceship",
    "page": "-1",
    "gender": "robot",
    "date_of_birth": "31/02/2005",
    "closing_date": "tomorrow",
    "salary_min": "lots",
    "salary_max": "-5",
    "positions": "0",
    "min_age": "7",
    "organization": "abc",
    "center_id": "999999",
    "role": "king",
    "skills": "x" * 5000,
    "phone": "call me",
    "email": "not-an-email",
    "password": "x",
    "confirm": "y",
    "reason": "",
    "next": "//evil.example",
}


@pytest.fixture
def ids(make_opening, make_youth, make_center, make_user, make_application, ctx, reindex):
    reindex()  # as in a running portal (/healthz rightly answers 503 without an index)
    center = make_center()
    course = make_opening(kind=OpeningKind.COURSE, status=OpeningStatus.PENDING_REVIEW)
    youth = make_youth(center_id=center.id)
    application = make_application(opening=course, youth=youth, hired_on=date(2026, 1, 5))
    work = WorkExperience(youth_id=youth.id, kind=WorkKind.FAMILY, what="Helped on the farm")
    db.session.add(work)
    db.session.commit()
    return {
        "application_id": application.id,
        "follow_up_id": application.follow_ups[0].id,
        "opening_id": course.id,
        "organization_id": course.organization_id,
        "youth_id": youth.id,
        "center_id": center.id,
        "user_id": make_user(Role.COUNSELOR, center_id=center.id).id,
        "code": "km",
        "filename": "css/portal.css",
        "token": "not-a-reset-token",
        "token_id": 1,  # someone's API token: only its owner may revoke it
        "secret": "not-the-secret",  # the SMS gateway's delivery reports
        "search_id": 1,  # job alerts: a saved search, a digest's day
        "day": "2026-11-01",
        "section": "work",  # a CV's rows (issue 19)
        "row_id": work.id,
    }


def _urls(app, ids):
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            values = {arg: ids[arg] for arg in rule.arguments}
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, url_for(rule.endpoint, **values)


@pytest.mark.parametrize("role", [None, Role.YOUTH, Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN])
def test_no_route_answers_500_to_any_role(app, login_as, ids, role):
    for method, url in _urls(app, ids):
        for payload in ({}, GARBAGE):
            # a fresh login each time: some actions (log out, switch off) end the session
            client = app.test_client() if role is None else login_as(role)[0]
            if method == "GET":
                response = client.get(url, query_string=payload)
            else:
                response = client.open(url, method=method, data=payload)
            assert response.status_code < 500, (role, method, url, payload is GARBAGE)
