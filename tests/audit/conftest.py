"""Fixtures of the audit trail's tests: a center with its counselor, and the trail as rows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.auth.models import Role
from portal.extensions import db

ADULT_BIRTHDAY = date(1999, 3, 17)


@pytest.fixture
def center(make_center):
    return make_center(name="Battambang Youth Center")


@pytest.fixture
def young_woman(make_user, center):
    """A young woman of the center with her own account: (user, profile)."""
    user = make_user(Role.YOUTH)
    profile = user.youth_profile
    profile.center_id, profile.full_name = center.id, "Srey Leak"
    profile.date_of_birth, profile.phone = ADULT_BIRTHDAY, "097 1234 567"
    profile.set_consent(True)
    db.session.commit()
    return user, profile


@pytest.fixture
def counselor(login_as, center):
    """(client, user) of a counselor of the center, named."""
    client, user = login_as(Role.COUNSELOR, center_id=center.id, display_name="Sokunthea Chea")
    return client, user


@pytest.fixture
def admin(login_as):
    return login_as(Role.ADMIN, display_name="Vibol Admin")


def events(action: str | None = None) -> list[AuditEvent]:
    """The trail as saved, oldest first (of one action, when given)."""
    query = select(AuditEvent).order_by(AuditEvent.id)
    if action:
        query = query.where(AuditEvent.action == action)
    db.session.commit()  # a new transaction sees what pages saved on their own connection
    return list(db.session.scalars(query))
