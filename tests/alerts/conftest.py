"""A young woman in Phnom Penh who sews, and openings published for her alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from portal.auth.models import Role
from portal.extensions import db

# 10:00 in Cambodia, today: outside quiet hours.
MORNING = datetime.now(UTC).replace(tzinfo=None, hour=3, minute=0, second=0, microsecond=0)


@pytest.fixture
def sewer(make_user):
    """A youth account (with an e-mail, so alerts go to the portal and by e-mail) who sews."""
    user = make_user(Role.YOUTH)
    user.youth_profile.skills = ["sewing"]
    db.session.commit()
    return user


@pytest.fixture
def publish(make_opening):
    """publish(title, skills, at=..., **fields): an opening published at `at` (default: an
    hour before MORNING)."""

    def make(title="Sewing machine operator", skills=("sewing",), at=None, **fields):
        published = at or MORNING - timedelta(hours=1)
        return make_opening(title=title, skills=list(skills), published_at=published, **fields)

    return make
