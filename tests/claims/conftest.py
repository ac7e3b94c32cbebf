"""Fixtures of the claim stories: a center, its counselor, a young person registered at the
desk with a referral, a saved opening and a hire's follow-ups."""

from __future__ import annotations

import re
from datetime import date

import pytest

from portal.extensions import db
from portal.placements.models import ApplicationSource, SavedOpening
from tests.recovery.conftest import Outbox, transports  # noqa: F401  (channels into lists)

PHONE = "012 345 678"
NEW_PASSWORD = "river-mango-42"


def shown_code(response) -> str:
    """The code a counselor's slip shows ("K7QM-3XPA")."""
    html = response.get_data(as_text=True)
    found = re.search(r'class="one-time-code[^"]*">([A-Z0-9-]+)<', html)
    assert found, html
    return found.group(1)


@pytest.fixture
def center(make_center):
    return make_center(name="Pursat Youth Center", province_code="15", phone="052 951 000")


@pytest.fixture
def counselor(login_as, center):
    """(client, user): a counselor of the Pursat center, logged in."""
    return login_as("counselor", center_id=center.id)


@pytest.fixture
def sreymom(make_youth, make_application, make_opening, center, counselor):
    """Registered at the desk (no account): referred to a sewing job, hired, with follow-ups;
    a saved opening too."""
    profile = make_youth(
        full_name="Chan Sreymom", phone="012345678", center_id=center.id,
        registered_by_id=counselor[1].id, province_code="15",
    )  # fmt: skip
    make_application(
        youth=profile,
        opening=make_opening(title="Sewing machine operator"),
        source=ApplicationSource.REFERRED,
        hired_on=date(2026, 10, 1),
    )
    db.session.add(SavedOpening(youth_id=profile.id, opening_id=make_opening(title="Tailor").id))
    db.session.commit()
    return profile


def give_code(counselor_client, profile, **form) -> str:
    response = counselor_client.post(f"/youth/{profile.id}/claim-code", data=form)
    assert response.status_code == 200, response.get_data(as_text=True)
    return shown_code(response)


def claim_with(client, code: str, phone: str = PHONE, **fields):
    data = {"code": code, "phone": phone, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    return client.post("/claim", data=data | fields)
