"""A center, its counselor, an employer's opening and a 16-year-old with an account."""

from __future__ import annotations

from datetime import date

import pytest

from portal.auth.models import Role
from portal.extensions import db
from tests.conftest import login
from tests.placements import pdfs

MINOR_BIRTHDAY = date(date.today().year - 16, 2, 11)
PDF = pdfs.plain_cv()  # a real one-page PDF: the CV check parses it


@pytest.fixture
def center(make_center):
    return make_center(name="Siem Reap center", phone="063 555 444")


@pytest.fixture
def counselor(app, make_user, center):
    user = make_user(Role.COUNSELOR, center_id=center.id)
    return login(app.test_client(), user), user


@pytest.fixture
def employer(login_as):
    return login_as(Role.EMPLOYER)


@pytest.fixture
def opening(make_opening, employer):
    return make_opening(organization=employer[1].organization, title="Hotel cleaner")


@pytest.fixture
def minor(app, make_user, center):
    """(client, user): Chanthy, 16, logged in, consent given, phone on her profile."""
    user = make_user(Role.YOUTH)
    profile = user.youth_profile
    profile.center_id, profile.date_of_birth = center.id, MINOR_BIRTHDAY
    profile.full_name, profile.phone = "Chanthy Kim", "+85512777888"
    profile.skills = ["cleaning"]
    db.session.commit()
    return login(app.test_client(), user), user
