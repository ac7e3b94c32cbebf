"""A partner reads /api/v1/openapi.json and builds an app on it: the document is valid OpenAPI
3.1, describes every route of the API (and no route that is gone), and what the API really
answers, successes and errors, matches the schemas it promises."""

from __future__ import annotations

import re
from datetime import date

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from portal.auth.models import Role
from portal.auth.tokens import issue_token
from portal.extensions import db
from portal.jobs.models import OpeningKind

PREFIX = "/api/v1"


@pytest.fixture
def spec(client) -> dict:
    response = client.get(f"{PREFIX}/openapi.json")
    assert response.status_code == 200
    assert response.content_type == "application/json"
    return response.get_json()


def test_the_document_is_valid_openapi_3_1(spec):
    validate(spec)
    assert spec["openapi"].startswith("3.1")


def test_every_route_is_described_and_every_description_is_a_route(app, spec):
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(PREFIX):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule[len(PREFIX) :])
            routes |= {(path, m.lower()) for m in rule.methods - {"HEAD", "OPTIONS"}}
    described = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert routes == described


@pytest.fixture
def world(make_user, make_opening, make_youth, make_application, reindex):
    counselor = make_user(Role.COUNSELOR)
    center_id = counselor.center_id
    youth = make_youth(center_id=center_id, full_name="Dara", skills=["sewing"])
    opening = make_opening(title="Sewing machine operator", skills=["sewing"])
    make_opening(title="Tailoring course", kind=OpeningKind.COURSE, skills=["sewing"])
    hired = make_application(youth=youth, hired_on=date(2026, 1, 10))
    other = make_youth(center_id=center_id, full_name="Bopha")
    employer = make_user(Role.EMPLOYER)
    tokens = {"staff": issue_token(counselor)}
    db.session.commit()
    reindex()
    return {
        "youth_id": youth.id,
        "other_youth_id": other.id,
        "opening_id": opening.id,
        "application_id": hired.id,
        "tokens": tokens,
        "employer": employer,
    }


def _calls(w: dict) -> list[tuple[str, str, dict]]:
    """(method, url, request options) covering every operation and its documented answers."""
    staff = {"headers": {"Authorization": f"Bearer {w['tokens']['staff']}"}}
    bad_token = {"headers": {"Authorization": "Bearer not-a-token"}}
    app_url = f"/applications/{w['application_id']}"
    referral = {"opening_id": w["opening_id"], "youth_id": w["other_youth_id"], "note": "Sews."}
    return [
        ("GET", "/openapi.json", {}),
        ("GET", "/openings", {"query_string": {"q": "sewing"}}),
        ("GET", "/openings", {"query_string": {"q": "sewing", "province": "siem riep"}}),
        ("GET", "/openings", {"query_string": {"kind": "spaceship"}}),
        ("GET", "/openings/suggest", {"query_string": {"q": "sewi"}}),
        ("GET", "/openings/suggest", {"query_string": {"q": "se"}}),
        ("GET", "/youth", staff),
        ("GET", "/youth", staff | {"query_string": {"province": "Atlantis"}}),
        ("GET", "/youth", {}),
        ("GET", "/youth", bad_token),
        ("GET", f"/youth/{w['youth_id']}/suggestions", staff),
        ("GET", "/youth/999999/suggestions", staff),
        ("GET", f"/openings/{w['opening_id']}/candidates", staff),
        ("GET", "/openings/999999/candidates", staff),
        ("GET", "/applications", staff),
        ("GET", "/applications", staff | {"query_string": {"status": "spaceship"}}),
        ("POST", "/applications", staff | {"json": referral}),
        ("POST", "/applications", staff | {"json": referral | {"note": ""}}),
        ("POST", "/applications", staff | {"json": referral | {"youth_id": 999999}}),
        ("POST", "/applications", staff | {"data": "not json"}),
        ("GET", app_url, staff),
        ("GET", "/applications/999999", staff),
        ("GET", f"{app_url}/status", staff),
        ("POST", f"{app_url}/status", staff | {"json": {"status": "spaceship"}}),
        ("POST", f"{app_url}/status", staff | {"json": {"status": "hired"}}),  # no field
        ("POST", f"{app_url}/status", staff | {"json": {"status": "not_selected",
                                                         "reason_code": "found_other_work",
                                                         "reason": "Moved away."}}),
    ]  # fmt: skip


def _operation(spec: dict, method: str, url: str) -> tuple[str, dict]:
    for path, item in spec["paths"].items():
        pattern = "^" + re.sub(r"\{\w+\}", r"\\d+", path) + "$"
        if re.match(pattern, url) and method.lower() in item:
            return path, item[method.lower()]
    raise AssertionError(f"{method} {url} is not described")


def _schema_of(spec: dict, operation: dict, status: int) -> dict:
    assert str(status) in operation["responses"], f"{status} is not documented"
    answer = operation["responses"][str(status)]
    if "$ref" in answer:
        answer = spec["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]]
    return answer["content"]["application/json"]["schema"]


def test_real_answers_match_their_schemas(app, spec, world):
    client = app.test_client()
    seen: dict[str, set[int]] = {}
    for method, url, options in _calls(world):
        response = client.open(f"{PREFIX}{url}", method=method, **options)
        path, operation = _operation(spec, method, url)
        schema = _schema_of(spec, operation, response.status_code)
        assert response.content_type == "application/json", (method, url)
        validator = Draft202012Validator(
            schema | {"components": spec["components"]},
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(response.json)]
        assert errors == [], (method, url, response.status_code)
        seen.setdefault(f"{method} {path}", set()).add(response.status_code)
    described = {f"{m.upper()} {p}" for p, item in spec["paths"].items() for m in item}
    assert set(seen) == described
    unanswered = [operation for operation, codes in seen.items() if min(codes) >= 300]
    assert unanswered == []
    assert {400, 401, 404} <= set().union(*seen.values())


def test_a_schema_catches_a_wrong_answer(spec):
    """The check above is not vacuous: a missing field or a wrong type fails."""
    schema = {"$ref": "#/components/schemas/Youth", "components": spec["components"]}
    validator = Draft202012Validator(schema)
    good = {
        "id": 1,
        "ref": None,
        "full_name": "Dara",
        "province": {"code": "12", "name_en": "Phnom Penh", "name_kh": "ភ្នំពេញ"},
        "gender": "female",
        "center": None,
    }
    assert validator.is_valid(good)
    assert not validator.is_valid({k: v for k, v in good.items() if k != "full_name"})
    assert not validator.is_valid(good | {"id": "1"})
    assert not validator.is_valid(good | {"gender": "robot"})
    assert not validator.is_valid(good | {"phone": "012345678"})


@pytest.mark.parametrize("url", ["/openings?q=sewing", "/openings/suggest?q=sewi"])
def test_a_rate_limited_answer_matches_its_schema(app, spec, monkeypatch, url):
    """Past the public limits the API answers 429 as documented (scripts/api-check raises the
    limits, so that schemathesis fuzzes the answers rather than the limiter)."""
    monkeypatch.setitem(app.config, "PUBLIC_API_RATE_LIMIT", "1 per minute")
    monkeypatch.setitem(app.config, "SUGGEST_RATE_LIMIT", "1 per minute")
    client = app.test_client()
    client.get(f"{PREFIX}{url}")
    response = client.get(f"{PREFIX}{url}")
    assert response.status_code == 429 and response.content_type == "application/json"
    _path, operation = _operation(spec, "GET", url.split("?")[0])
    schema = _schema_of(spec, operation, 429) | {"components": spec["components"]}
    validator = Draft202012Validator(schema)
    assert [e.message for e in validator.iter_errors(response.json)] == []
