"""Sign-ups, visitors' reports, suggest and the public API are limited per address: 429 with a
readable page (or JSON on the API) and Retry-After."""

from __future__ import annotations

from sqlalchemy import func, select

from portal.auth.models import User
from portal.extensions import db
from tests.youth.helpers import signup_data


def test_the_public_api_answers_429_in_json_past_its_limit(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_API_RATE_LIMIT", "3 per minute")
    answers = [client.get("/api/v1/openings") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    body = answers[3].get_json()
    assert body["error"] == "too_many_requests"
    assert "Wait 1 minute" in body["message"]
    assert 1 <= int(answers[3].headers["Retry-After"]) <= 60


def test_suggest_is_limited_too(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "SUGGEST_RATE_LIMIT", "2 per minute")
    codes = [client.get("/api/v1/openings/suggest?q=cook").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_sign_ups_from_one_address_are_limited_with_a_readable_page(app, client, monkeypatch, ctx):
    monkeypatch.setitem(app.config, "SIGNUP_RATE_LIMIT", "2 per hour")
    for n in range(2):
        client.post("/signup", data=signup_data(phone=f"012 345 67{n}"))
        client.post("/logout")
    response = client.post("/signup", data=signup_data(phone="012 345 679"))
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "Too many requests from your connection. Wait 60 minutes, then try again." in page
    assert "Retry-After" in response.headers
    assert client.get("/signup").status_code == 200  # reading the form is not limited
    assert db.session.scalar(select(func.count()).select_from(User)) == 2


def test_reports_of_a_posting_are_limited(app, client, monkeypatch, make_opening):
    monkeypatch.setitem(app.config, "REPORT_RATE_LIMIT", "1 per hour")
    opening = make_opening()
    url = f"/openings/{opening.id}/report"
    data = {"reason": "fee", "details": "They asked me for money"}
    assert client.post(url, data=data).status_code in (302, 400)
    assert client.post(url, data=data).status_code == 429
