"""A page that records a view still answers when another worker wrote to the database while
the page was reading (several gunicorn workers on one SQLite file)."""

from __future__ import annotations

import sqlite3

import pytest

from portal.audit import AuditAction, services
from tests.audit.conftest import events


def test_a_profile_view_is_saved_when_another_worker_wrote_meanwhile(
    app, monkeypatch, counselor, young_woman
):
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if not uri.startswith("sqlite:///"):
        pytest.skip("SQLite's snapshots only")
    client, _staff = counselor
    _user, profile = young_woman
    build = services._new_event

    def another_worker_writes_first(*args, **kwargs):
        entry = build(*args, **kwargs)  # the page has read the profile by now
        other = sqlite3.connect(uri.removeprefix("sqlite:///"), isolation_level=None)
        other.execute("UPDATE youth_profile SET ref = 'B-17' WHERE id = ?", (profile.id,))
        other.close()
        return entry

    monkeypatch.setattr(services, "_new_event", another_worker_writes_first)
    response = client.get(f"/youth/{profile.id}")

    assert response.status_code == 200
    assert [e.youth_id for e in events(AuditAction.PROFILE_VIEWED)] == [profile.id]
