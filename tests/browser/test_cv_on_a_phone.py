"""A young person on a 360 px phone makes her CV: work she did for her family, the school she
stopped in grade 9, then sees it and prints it on one A4 page. Every step is photographed
(test-artifacts/screenshots/)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from portal.auth.models import Role
from portal.cv.models import Schooling, WorkExperience
from portal.extensions import db
from tests.cv.helpers import fill_to_the_brim


@pytest.fixture
def her(make_user):
    user = make_user(Role.YOUTH)
    user.youth_profile.full_name = "ស្រី ពៅ"
    user.youth_profile.skills = ["sewing"]
    db.session.commit()
    return user


def _printed_pages(tab) -> int:
    """Chromium prints the page to A4 (kept beside the screenshots); its number of pages."""
    tab.page.emulate_media(media="print")
    printed = tab.page.pdf(format="A4", prefer_css_page_size=True)
    tab.page.emulate_media(media="screen")
    (tab.folder / f"printed-{tab.language}.pdf").write_bytes(printed)
    return len(PdfReader(io.BytesIO(printed)).pages)


@pytest.mark.parametrize("language", ["km", "en"])
def test_she_makes_her_cv_on_a_phone_and_prints_one_page(phone, her, language):
    tab = phone(language)
    tab.log_in(her.login_name)
    page = tab.open("/me/cv")
    assert tab.fits_the_screen()
    tab.shot("cv-empty")

    page.locator("a[href$='/cv/work/new']").click()
    page.check("input[name=kind][value=family]")
    page.fill("#what", "មើលថែប្អូនៗ" if language == "km" else "Looked after my brothers")
    page.fill("#start_year", "២០១៩" if language == "km" else "2019")
    page.fill("#description", "Cooked and took them to school.")
    assert tab.fits_the_screen()
    tab.shot("work-filled")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()

    page.locator("a[href$='/cv/school/new']").click()
    page.select_option("#level", "primary")
    page.check("input[name=outcome][value=stopped]")
    page.select_option("#grade", "9")  # not in primary school: refused, nothing lost
    page.fill("#school", "Bakan school")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    assert page.locator("#grade-error").is_visible()
    assert page.locator("#school").input_value() == "Bakan school"
    tab.shot("school-refused")
    page.select_option("#level", "lower_secondary")
    page.locator("main form button.primary").click()
    page.wait_for_load_state()
    db.session.rollback()  # read what the server wrote since
    assert WorkExperience.query.count() == 1 and Schooling.query.one().grade == 9
    assert tab.fits_the_screen()
    tab.shot("cv-with-rows")

    page.locator(f"a[href$='/cv/print?lang={language}']").click()
    page.wait_for_load_state()
    assert tab.fits_the_screen()
    sheet = page.locator("article.cv-sheet").inner_text()
    assert ("ឈប់រៀននៅថ្នាក់ទី ៩" if language == "km" else "Stopped in grade 9") in sheet
    tab.shot("cv-shown")
    assert _printed_pages(tab) == 1


def test_the_longest_cv_still_prints_on_one_page(phone, her):
    fill_to_the_brim(her.youth_profile)
    tab = phone("km")
    tab.log_in(her.login_name)
    tab.open(f"/youth/{her.youth_profile.id}/cv/print?lang=km")
    tab.shot("longest-cv")
    assert _printed_pages(tab) == 1
