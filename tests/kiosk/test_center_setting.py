"""An admin switches kiosk mode on for a center's shared computers and sets the idle minutes."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from portal.centers.models import Center
from portal.extensions import db


def _center_form(center: Center, **overrides) -> dict:
    data = {"name": center.name, "province_code": center.province_code, "office": "own"}
    data.update(overrides)
    return data


def test_a_new_center_has_no_kiosks_and_5_minutes(make_center):
    center = make_center()
    assert (center.kiosk_mode, center.kiosk_idle_minutes) == (False, 5)


def test_an_admin_switches_kiosk_mode_on(login_as, make_center, ctx):
    client, _admin = login_as("admin")
    center = make_center("Kampot center")
    page = client.get(f"/admin/centers/{center.id}").get_data(as_text=True)
    assert "Kiosk mode for the center's shared computers" in page
    assert 'href="/kiosk"' in page

    response = client.post(
        f"/admin/centers/{center.id}",
        data=_center_form(center, kiosk_mode="y", kiosk_idle_minutes="10"),
    )

    assert response.status_code == 302
    db.session.refresh(center)
    assert (center.kiosk_mode, center.kiosk_idle_minutes) == (True, 10)


def test_leaving_the_minutes_empty_keeps_them(login_as, make_center, ctx):
    client, _admin = login_as("admin")
    center = make_center(kiosk_mode=True, kiosk_idle_minutes=7)

    client.post(f"/admin/centers/{center.id}", data=_center_form(center, kiosk_idle_minutes=""))

    db.session.refresh(center)
    assert (center.kiosk_mode, center.kiosk_idle_minutes) == (False, 7)


@pytest.mark.parametrize("minutes", ["0", "61", "-5"])
def test_idle_minutes_stay_between_1_and_60(login_as, make_center, ctx, minutes):
    client, _admin = login_as("admin")
    center = make_center()

    response = client.post(
        f"/admin/centers/{center.id}",
        data=_center_form(center, kiosk_mode="y", kiosk_idle_minutes=minutes),
    )

    assert response.status_code == 400
    assert "Enter a number from 1 to 60." in response.get_data(as_text=True)
    db.session.refresh(center)
    assert (center.kiosk_mode, center.kiosk_idle_minutes) == (False, 5)


def test_the_database_refuses_idle_minutes_out_of_range(make_center, ctx):
    with pytest.raises(IntegrityError):
        make_center(kiosk_idle_minutes=0)
    db.session.rollback()
