"""The kiosk cookie counts only when the portal signed it and the center has kiosk mode on."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.kiosk.device import COOKIE_NAME
from tests.kiosk.conftest import kiosk_cookie


def _is_kiosk(client) -> bool:
    return "Keep me logged in" not in client.get("/login").get_data(as_text=True)


def test_a_kiosk_browser_is_a_kiosk(kiosk_browser):
    assert _is_kiosk(kiosk_browser)


def test_an_admin_switching_kiosk_mode_off_makes_the_cookie_inert(
    youth_on_kiosk, kiosk_center, clock, ctx
):
    client, _user = youth_on_kiosk
    kiosk_center.kiosk_mode = False
    db.session.commit()

    page = client.get("/me/profile").get_data(as_text=True)
    clock.advance(minutes=30)

    assert ">Done</button>" not in page and 'http-equiv="refresh"' not in page
    assert client.get("/me/profile").status_code == 200  # not logged out for idling


@pytest.mark.parametrize(
    "forge",
    [
        lambda app, center_id: kiosk_cookie(app, center_id)[:-2] + "xx",  # altered signature
        lambda app, center_id: (
            kiosk_cookie(app, center_id + 1).split(".")[0]
            + "."
            + kiosk_cookie(app, center_id).split(".")[1]
        ),  # another center's payload under this one's signature
        lambda app, center_id: kiosk_cookie(app, center_id, secret="guessed"),
        lambda app, center_id: str(center_id),
        lambda app, center_id: kiosk_cookie(app, "1"),
        lambda app, center_id: kiosk_cookie(app, center_id + 1000),  # no such center
    ],
    ids=["signature", "center", "other-secret", "plain-id", "not-a-number", "no-center"],
)
def test_a_forged_or_altered_cookie_is_ignored(app, client, kiosk_center, forge):
    client.set_cookie(COOKIE_NAME, forge(app, kiosk_center.id), domain="localhost")
    assert not _is_kiosk(client)
    assert client.get("/").status_code == 200
