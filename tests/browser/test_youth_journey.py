"""A young person on a cheap phone, in Khmer (and the same in English): signs up, searches with
a typo, opens an opening, applies with a message. Every step is photographed
(test-artifacts/screenshots/)."""

import re

import pytest

from portal.auth.models import User
from portal.extensions import db
from portal.placements.models import Application, ApplicationStatus

KHMER = re.compile(r"[\u1780-\u17ff]")


@pytest.fixture
def openings(make_opening):
    return [
        make_opening(
            title="Motorbike Mechanic",
            skills=["motorbike repair"],
            province_code="15",  # Pursat
            description="Repair and service motorbikes in our shop in Pursat town.",
            salary_min=180,
            salary_max=250,
            currency="USD",
        ),
        make_opening(title="Receptionist", skills=["customer service"], province_code="12"),
    ]


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_youth_signs_up_searches_with_a_typo_and_opens_an_opening(phone, openings, language):
    tab = phone(language)
    page = tab.open("/signup")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("#phone").get_attribute("type") == "tel"  # the phone's number pad
    tab.shot("signup-empty")

    page.fill("#full_name", "សុខា ចាន់" if language == "km" else "Sokha Chan")
    page.fill("#phone", "012 345 678" if language == "km" else "097 765 4321")
    page.fill("#password", "my-secret-26")
    page.fill("#confirm", "my-secret-26")
    page.select_option("#gender", "female")
    page.fill("#date_of_birth", "2006-03-14")
    page.select_option("#province_code", "15")
    page.check("#consent")
    assert tab.fits_the_screen()
    tab.shot("signup-filled")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    assert "/signup" not in page.url, page.locator("main").inner_text()
    tab.shot("signed-up")
    assert User.query.filter(User.phone.is_not(None)).count() == 1

    page = tab.open("/openings")
    page.fill("input[name=q]", "motorbik mechanc purset")
    tab.shot("search-typed")
    page.locator("input[name=q]").press("Enter")
    page.wait_for_load_state()
    first = page.locator(".opening-card a", has_text="Motorbike Mechanic").first
    assert first.is_visible()
    assert "Receptionist" not in page.locator("main").inner_text()
    assert tab.fits_the_screen()
    tab.shot("search-results")

    first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Motorbike Mechanic"
    text = page.locator("main").inner_text()
    assert "$180" in text
    if language == "km":
        assert KHMER.search(text)  # the page around the employer's own words is in Khmer
    assert tab.fits_the_screen()
    tab.shot("opening")

    page.locator(".apply-box a.button.primary").click()
    page.wait_for_load_state()
    page.fill("textarea[name=message]", "ខ្ញុំចេះជួសជុលម៉ូតូ ៣ឆ្នាំ។")
    assert tab.fits_the_screen()
    tab.shot("apply")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    tab.shot("applied")
    db.session.rollback()  # end this thread's read snapshot: the server wrote since
    application = Application.query.one()
    assert application.opening_id == openings[0].id
    assert application.status == ApplicationStatus.APPLIED
    assert application.message == "ខ្ញុំចេះជួសជុលម៉ូតូ ៣ឆ្នាំ។"
    page = tab.open(f"/openings/{openings[0].id}")
    assert page.locator(".apply-box a.button.primary").count() == 0  # no second Apply
