"""Reporters of every trust, logged in on their own client."""

from datetime import timedelta

import pytest

from portal.auth.models import Role
from portal.extensions import db, utcnow
from tests.conftest import login


@pytest.fixture
def make_reporter(app, make_user):
    """make_reporter("trusted") -> a logged-in client: "new" signed up a minute ago,
    "trusted" signed up herself two days ago and was registered at a center by a counselor,
    "staff" a counselor."""

    def make(kind: str = "trusted", **fields):
        if kind == "staff":
            return login(app.test_client(), make_user(Role.COUNSELOR, **fields))
        user = make_user(Role.YOUTH, **fields)
        if kind == "trusted":
            user.created_at = utcnow() - timedelta(days=2)
            user.youth_profile.registered_by_id = make_user(Role.COUNSELOR).id
            db.session.commit()
        return login(app.test_client(), user)

    return make
