"""A load balancer or a monitor asks /healthz: 200 when the database answers and the search
index can be read, 503 naming what failed; never data, never a cookie, never cached."""

from __future__ import annotations

import shutil

import pytest

from portal import create_app
from tests.search import whoosh_only


def test_a_healthy_portal_says_ok(client, reindex):
    reindex()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers


@whoosh_only  # the PostgreSQL backend's: tests/search/test_pg_backend.py
def test_a_lost_search_index_is_named(app, client, reindex):
    reindex()
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "failed": ["search"]}
    assert response.headers["Cache-Control"] == "no-store"


@pytest.fixture
def portal_without_its_database(tmp_path):
    missing = tmp_path / "gone" / "portal.db"  # a folder that does not exist: SQLite cannot open it
    return create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": str(tmp_path),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{missing}",
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "SECRET_KEY": "health-test",
        }
    )


def test_a_database_that_does_not_answer_is_named(portal_without_its_database):
    response = portal_without_its_database.test_client().get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable"
    assert "database" in body["failed"]
    assert set(body) == {"status", "failed"}  # no error text, no paths
