"""GET /api/v1/openings?since=: a partner's app (or a center's channel bot) asks only for what
was published since its last call, in any ISO 8601 form; a wrong moment is a 400 in words."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal.extensions import utcnow

URL = "/api/v1/openings"


@pytest.fixture
def week(make_opening, reindex):
    now = utcnow().replace(microsecond=0)
    make_opening(title="Monday job", published_at=now - timedelta(days=6))
    make_opening(title="Thursday job", published_at=now - timedelta(days=3))
    make_opening(title="Today's job", published_at=now - timedelta(hours=1))
    reindex()
    return now


def titles(client, since: str) -> list[str]:
    response = client.get(URL, query_string={"since": since})
    assert response.status_code == 200, response.get_json()
    return [result["title"] for result in response.get_json()["results"]]


def test_since_keeps_only_what_was_published_after_the_last_call(client, week):
    since = (week - timedelta(days=4)).isoformat() + "Z"
    assert titles(client, since) == ["Today's job", "Thursday job"]
    assert titles(client, (week - timedelta(hours=2)).isoformat() + "Z") == ["Today's job"]
    assert titles(client, (week + timedelta(minutes=1)).isoformat() + "Z") == []


def test_since_in_cambodian_time_and_as_a_day(client, week):
    # Two hours ago in Phnom Penh is written with +07:00: the same moment.
    local = (week - timedelta(hours=2) + timedelta(hours=7)).isoformat() + "+07:00"
    assert titles(client, local) == ["Today's job"]
    day = (week - timedelta(days=4)).date().isoformat()
    assert "Monday job" not in titles(client, day)


def test_since_counts_in_the_total_as_well(client, week):
    since = (week - timedelta(days=4)).isoformat() + "Z"
    body = client.get(URL, query_string={"since": since, "per_page": 1}).get_json()
    assert body["total"] == 2


@pytest.mark.parametrize("wrong", ["yesterday", "2026-13-01", "12/01/2026"])
def test_a_wrong_moment_is_a_400_that_says_what_to_write(client, wrong):
    response = client.get(URL, query_string={"since": wrong})
    assert response.status_code == 400
    body = response.get_json()
    assert body["field"] == "since"
    assert body["error"] == "invalid_datetime"
    assert "ISO 8601" in body["message"]


def test_the_ends_of_time_are_answered_not_a_server_error(client, week):
    assert titles(client, "0001-01-01T00:00:00+01:00") == [
        "Today's job", "Thursday job", "Monday job"
    ]  # fmt: skip
    assert titles(client, "9999-12-31T23:59:59-23:59") == []


def test_the_contract_documents_since(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    parameters = spec["paths"]["/openings"]["get"]["parameters"]
    [since] = [p for p in parameters if p["name"] == "since"]
    assert since["schema"] == {"type": "string", "format": "date-time"}
