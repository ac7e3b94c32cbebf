"""A counselor prints the center's notice board for the wall: the openings anyone may see today,
near the center first, newest first, 8 to an A4 sheet, in Khmer and English, each with a QR code
that a phone's camera turns into the opening's address."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
import segno

from portal.auth.models import Role
from portal.extensions import utcnow
from portal.jobs.models import OpeningStatus


def titles(html: str) -> list[str]:
    return re.findall(r"<h2>([^<]+)</h2>", html)


@pytest.fixture
def center(make_center):
    return make_center(name="Pursat Job Center", province_code="15", phone="012 345 678")


def test_the_board_shows_the_centers_openings_in_both_languages(client, center, make_opening):
    make_opening(
        title="Motorbike Mechanic",
        province_code="15",
        district_code="1501",
        salary_min=200,
        salary_max=250,
        currency="USD",
        closing_date=date(2030, 12, 25),
    )
    html = client.get(f"/centers/{center.id}/board").get_data(as_text=True)
    assert "<h1>Pursat Job Center</h1>" in html
    assert "012 345 678" in html
    assert '<span lang="en">Never pay anyone to get a job.</span>' in html
    assert '<span lang="en">Pay per month</span>' in html
    assert '<span lang="km">ពោធិ៍សាត់' in html and '<span lang="en">Pursat' in html
    assert "$200–$250 (≈ 820,000–1,025,000៛)" in html
    assert '<span lang="en">Dec 25, 2030</span>' in html
    assert re.search(r'<span lang="km">25 ធ្នូ 2030</span>', html)
    assert titles(html) == ["Motorbike Mechanic"]
    assert "Printed on" in html


def test_both_languages_whatever_the_readers_language(client, center, make_opening):
    make_opening(title="Cook", province_code="15")
    client.post("/lang/km", data={"next": "/"})
    html = client.get(f"/centers/{center.id}/board").get_data(as_text=True)
    assert '<html lang="km">' in html
    assert '<span lang="en">Never pay anyone to get a job.</span>' in html
    assert '<span lang="en">Apply before</span>' in html


def test_each_opening_has_a_qr_code_of_its_absolute_address(client, center, make_opening):
    opening = make_opening(title="Cook", province_code="15")
    html = client.get(f"/centers/{center.id}/board").get_data(as_text=True)
    svgs = re.findall(r"<svg .*?</svg>", html)
    assert len(svgs) == 1 and 'role="img"' in svgs[0] and "QR" in svgs[0]
    assert "http" not in html.split("<svg", 1)[1].split(">", 1)[0].replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )  # no external request
    assert holds(svgs[0], f"http://localhost/openings/{opening.id}")
    assert not holds(svgs[0], f"http://localhost/openings/{opening.id + 1}")


def test_the_qr_code_uses_the_public_address_when_one_is_set(
    app, client, center, make_opening, monkeypatch
):
    opening = make_opening(title="Cook", province_code="15")
    monkeypatch.setitem(app.config, "PUBLIC_URL", "https://phlov.example.org")
    html = client.get(f"/centers/{center.id}/board").get_data(as_text=True)
    svg = re.search(r"<svg .*?</svg>", html).group(0)
    assert holds(svg, f"https://phlov.example.org/openings/{opening.id}")


def test_only_what_the_public_may_see_today(client, center, make_opening, make_org):
    make_opening(title="Open job", province_code="15")
    make_opening(title="Draft job", province_code="15", status=OpeningStatus.DRAFT)
    make_opening(title="Waiting job", province_code="15", status=OpeningStatus.PENDING_REVIEW)
    make_opening(title="Closed job", province_code="15", status=OpeningStatus.CLOSED)
    make_opening(
        title="Expired job", province_code="15", closing_date=date.today() - timedelta(days=1)
    )
    make_opening(
        title="Unchecked org job", province_code="15", organization=make_org(verified=False)
    )
    make_opening(title="Far job", province_code="12")
    html = client.get(f"/centers/{center.id}/board").get_data(as_text=True)
    assert titles(html) == ["Open job"]


def test_near_the_center_first_newest_first_then_its_counselors_openings_elsewhere(
    client, center, make_opening, make_user
):
    counselor = make_user(Role.COUNSELOR, center_id=center.id)
    other = make_user(Role.COUNSELOR)
    now = utcnow()
    make_opening(title="Older here", province_code="15", published_at=now - timedelta(days=5))
    make_opening(title="Newer here", province_code="15", published_at=now - timedelta(days=1))
    make_opening(
        title="Ours in Phnom Penh", province_code="12", created_by_id=counselor.id,
        published_at=now,
    )  # fmt: skip
    make_opening(title="Theirs in Phnom Penh", province_code="12", created_by_id=other.id)
    html = client.get(f"/centers/{center.id}/board").get_data(as_text=True)
    assert titles(html) == ["Newer here", "Older here", "Ours in Phnom Penh"]


def test_eight_openings_to_a_sheet_each_sheet_its_own_page(client, center, make_opening):
    for n in range(11):
        make_opening(title=f"Job {n}", province_code="15")
    html = client.get(f"/centers/{center.id}/board").get_data(as_text=True)
    sheets = html.split('<section class="sheet">')[1:]
    assert [len(titles(sheet)) for sheet in sheets] == [8, 3]
    assert html.count("<h1>") == 1  # the center's name again on the second sheet, not a 2nd h1
    assert "1/2" in sheets[0] and "2/2" in sheets[1]
    css = client.get(re.search(r'href="(/static/css/board\.css[^"]*)"', html).group(1))
    rules = css.get_data(as_text=True)
    assert "@page { size: A4; margin: 12mm; }" in rules and "break-after: page" in rules


def test_at_most_three_sheets(client, center, make_opening):
    for n in range(30):
        make_opening(title=f"Job {n}", province_code="15")
    html = client.get(f"/centers/{center.id}/board").get_data(as_text=True)
    assert len(titles(html)) == 24


def test_an_empty_board_says_so_and_an_unknown_center_is_not_found(client, center):
    html = client.get(f"/centers/{center.id}/board").get_data(as_text=True)
    assert "No openings right now" in html
    assert client.get("/centers/999999/board").status_code == 404


def test_the_print_stylesheet_is_loaded_by_the_board_only(client, center):
    assert "board.css" in client.get(f"/centers/{center.id}/board").get_data(as_text=True)
    assert "board.css" not in client.get("/openings").get_data(as_text=True)


def test_staff_find_their_centers_board_from_the_openings_page(login_as, client):
    staff_client, counselor = login_as("counselor")
    html = staff_client.get("/openings").get_data(as_text=True)
    assert f'href="/centers/{counselor.center_id}/board"' in html
    assert "/board" not in client.get("/openings").get_data(as_text=True)


def holds(svg: str, url: str) -> bool:
    """The QR code holds `url`: it draws exactly the modules of `url`'s code (segno is
    deterministic; no QR reader is installed here)."""
    drawn = re.search(r' d="([^"]+)"', svg).group(1)
    expected = segno.make(url, error="m", micro=False).svg_inline(border=4)
    return re.search(r' d="([^"]+)"', expected).group(1) == drawn
