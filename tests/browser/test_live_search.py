"""A young person types "moto" in the search box on a phone: a suggestion appears under the box
before they search, and tapping it opens the opening (Khmer and English)."""

import pytest


@pytest.fixture
def openings(make_opening, reindex):
    made = [
        make_opening(title="Motorbike Mechanic", skills=["motorbike repair"], province_code="15"),
        make_opening(title="Receptionist", skills=["customer service"]),
    ]
    reindex()
    return made


@pytest.mark.parametrize("language", ["km", "en"])
def test_typing_moto_suggests_the_mechanic_and_a_tap_opens_it(phone, openings, language):
    tab = phone(language)
    page = tab.open("/openings")
    box = page.locator("input[name=q]")
    box.click()
    box.press_sequentially("moto", delay=60)
    suggestion = page.locator("#live-suggestions a", has_text="Motorbike Mechanic")
    suggestion.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    assert page.locator("#live-suggestions li").count() == 1  # not the receptionist
    assert tab.fits_the_screen()
    tab.shot("suggestion")

    suggestion.tap()
    page.wait_for_url(f"**/openings/{openings[0].id}")
    assert page.locator("h1").inner_text() == "Motorbike Mechanic"
    tab.shot("opening")


def test_fewer_than_three_letters_show_nothing_and_enter_still_searches(phone, openings):
    tab = phone("en")
    page = tab.open("/openings")
    box = page.locator("input[name=q]")
    box.press_sequentially("mo", delay=60)
    page.wait_for_timeout(600)
    assert page.locator("#live-suggestions").is_hidden()
    box.press_sequentially("torbike", delay=20)
    page.locator("#live-suggestions li").first.wait_for(state="visible")
    box.press("Enter")
    page.wait_for_url("**/openings?q=motorbike*")
    assert page.locator(".opening-card a", has_text="Motorbike Mechanic").is_visible()
    tab.shot("enter-searched")
