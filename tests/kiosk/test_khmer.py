"""The kiosk's own words, read in Khmer: the Done button, the pages and the messages."""

from __future__ import annotations

import re

from portal.extensions import db
from tests.conftest import login
from tests.web.test_every_page_in_khmer import english_left

NAMES = {"Kampot", "center", "Youth"}  # the reader's data: the center's and person's names


def _in_khmer(client) -> None:
    client.post("/lang/km", data={"next": "/"})


def test_a_kiosk_reads_in_khmer(youth_on_kiosk, clock):
    client, _user = youth_on_kiosk
    _in_khmer(client)

    page = client.get("/").get_data(as_text=True)
    assert ">រួចរាល់</button>" in page
    assert not english_left(page, NAMES)

    url = re.search(r'url=([^"]+)"', page)[1].replace("&amp;", "&")
    clock.advance(minutes=1)
    still_here = client.get(url).get_data(as_text=True)
    assert not english_left(still_here, NAMES)

    clock.advance(minutes=5)
    logged_out = client.get(url, follow_redirects=True).get_data(as_text=True)
    assert "អ្នកត្រូវបានចាកចេញ ដោយសារមិនបានប្រើ 5 នាទី។" in logged_out


def test_done_thanks_in_khmer(youth_on_kiosk):
    client, user = youth_on_kiosk
    _in_khmer(client)
    page = client.post("/kiosk/done", follow_redirects=True).get_data(as_text=True)
    assert "អ្នកបានចាកចេញហើយ។ សូមអរគុណ!" in page


def test_the_kiosk_pages_read_in_khmer(app, make_user, kiosk_center, make_center, ctx):
    counselor = make_user("counselor", center_id=kiosk_center.id)
    client = login(app.test_client(), counselor)
    _in_khmer(client)
    assert not english_left(client.get("/kiosk").get_data(as_text=True), NAMES)

    client.post("/kiosk/start", data={"center_id": kiosk_center.id})
    assert not english_left(client.get("/kiosk").get_data(as_text=True), NAMES)

    kiosk_center.kiosk_mode = False
    db.session.commit()
    assert not english_left(client.get("/kiosk").get_data(as_text=True), NAMES)
