"""The phone journey without dead ends (issue 16), on a 360x740 screen in Khmer: every menu entry
of every role on the screen and working without JavaScript; Apply on the first screen of an
opening far from home, with the safety panel short above it; "applied" and "saved" marks on the
lists; "Not for me" and its undo; sharing an opening. Screenshots: test-artifacts/screenshots/."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import url_for

from portal.auth.models import Role
from portal.extensions import db, utcnow
from portal.placements.models import DismissedOpening, SavedOpening
from tests.browser.conftest import PHONE

LONG = "We teach you on the job, in a clean and safe workshop with fans and water. " * 12


def _menu_paths(app, role) -> set[str]:
    """The pages each role's menu must reach (besides Log out)."""
    endpoints = {
        None: ["jobs.index", "courses.index", "auth.login", "youth.signup"],
        Role.YOUTH: [
            "jobs.index", "youth.for_you", "placements.my_applications", "placements.saved",
            "youth.my_profile", "courses.index", "notifications.index", "account.index",
        ],
        Role.EMPLOYER: [
            "orgs.dashboard", "jobs.index", "jobs.new", "courses.index", "notifications.index",
            "account.index",
        ],
        Role.COUNSELOR: [
            "caseload.index", "jobs.review_queue", "youth.center_list", "jobs.index",
            "safety.reports_queue", "caseload.follow_ups", "indicators.page", "jobs.new",
            "courses.index", "two_factor.setup", "notifications.index", "account.index",
        ],
    }  # fmt: skip
    endpoints[Role.ADMIN] = [*endpoints[Role.COUNSELOR], "admin.centers", "audit.trail"]
    with app.test_request_context():
        return {url_for(endpoint) for endpoint in endpoints[role]}


def _entries(page):
    """Every entry of the header's menu: (locator, in "More")."""
    top = page.locator("header nav.menu > a")
    more = page.locator("header nav.menu .more-menu").locator("a, button")
    return [(top.nth(n), False) for n in range(top.count())] + [
        (more.nth(n), True) for n in range(more.count())
    ]


def _on_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


@pytest.mark.parametrize(
    "role", [None, Role.YOUTH, Role.EMPLOYER, Role.COUNSELOR, Role.ADMIN], ids=str
)
def test_every_menu_entry_is_on_the_screen_and_works_without_javascript(
    app, phone, make_user, role
):
    tab = phone("km", javascript=False)
    if role is not None:
        tab.log_in(make_user(role).email)
    page = tab.open("/")
    assert tab.fits_the_screen()
    entries = _entries(page)
    hrefs = {entry.get_attribute("href") for entry, _ in entries} - {None}
    assert hrefs >= _menu_paths(app, role)
    if role is not None:
        assert entries[-1][0].text_content().strip() == "ចាកចេញ"  # Log out, last
        page.locator("header .more > summary").click()
        assert tab.fits_the_screen()
        tab.shot("more-open")

    for number in range(len(entries)):
        page = tab.open("/")
        entry, in_more = _entries(page)[number]
        if in_more:
            assert not entry.is_visible()  # folded until she asks
            page.locator("header .more > summary").click()
        assert entry.is_visible() and _on_screen(entry), entry.inner_text()
        with page.expect_navigation() as navigation:
            entry.click()
        assert navigation.value.ok, (entry, page.url)
        assert tab.fits_the_screen(), page.url
    if role is not None:  # the last entry was Log out
        assert page.locator("header nav.menu a[href='/login']").count() == 1


@pytest.fixture
def far_from_home(make_user, make_opening):
    """A youth of Phnom Penh (12) and a long opening in Siem Reap (17), or abroad."""

    def make(**fields):
        youth = make_user(Role.YOUTH)
        opening = make_opening(
            title="Sewing machine operator for a hotel laundry",
            province_code="17",
            description=LONG,
            skills=["sewing", "ironing", "washing clothes", "customer service"],
            salary_min=200,
            salary_max=260,
            currency="USD",
            positions=4,
            languages=["km", "en"],
            **fields,
        )
        return youth, opening

    return make


@pytest.mark.parametrize("abroad", [False, True], ids=["other-province", "abroad"])
def test_apply_is_on_the_first_screen_of_an_opening_far_from_home(phone, far_from_home, abroad):
    youth, opening = far_from_home(
        **({"work_abroad": True, "work_country": "Thailand"} if abroad else {})
    )
    tab = phone("km")
    tab.log_in(youth.email)
    page = tab.open(f"/openings/{opening.id}")

    panel = page.locator(".safety-panel")
    apply = page.locator(".apply-box a.button.primary")
    assert panel.is_visible() and apply.is_visible()
    assert panel.bounding_box()["y"] < apply.bounding_box()["y"]  # read before applying
    bottom = apply.bounding_box()["y"] + apply.bounding_box()["height"]
    assert bottom <= PHONE["height"], f"Apply ends {bottom}px down"
    assert not page.get_by_text("កុំបង់លុយឱ្យអ្នកជ្រើសរើសពលករជាដាច់ខាត").first.is_visible()  # a tap away
    assert tab.fits_the_screen()
    tab.page.screenshot(path=str(tab.folder / f"first-screen-{'abroad' if abroad else 'far'}.png"))
    tab.shot("opening")

    panel.locator("details > summary").click()
    assert page.get_by_text("កុំបង់លុយឱ្យអ្នកជ្រើសរើសពលករជាដាច់ខាត").first.is_visible()
    tab.shot("safety-details")
    apply.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/openings/{opening.id}/apply")


@pytest.fixture
def sewing_youth(make_user, make_opening, make_application, reindex):
    """A youth who sews, one opening she applied to, one she saved, one she has not seen."""
    user = make_user(Role.YOUTH)
    profile = user.youth_profile
    profile.skills = ["sewing"]
    three_days_ago = utcnow() - timedelta(days=3)
    openings = {
        name: make_opening(title=f"Sewing {name}", skills=["sewing"], published_at=three_days_ago)
        for name in ("applied", "saved", "new")
    }
    make_application(opening=openings["applied"], youth=profile)
    db.session.add(SavedOpening(youth_id=profile.id, opening_id=openings["saved"].id))
    db.session.commit()
    reindex()
    return user, openings


def _card(page, opening):
    return page.locator(".opening-card", has=page.locator("h3", has_text=opening.title))


def test_marks_on_the_lists_and_not_for_me_without_javascript(phone, sewing_youth):
    user, openings = sewing_youth
    tab = phone("km", javascript=False)
    tab.log_in(user.email)

    for name, path in (("home", "/"), ("search", "/openings?q=sewing")):
        page = tab.open(path)
        assert (
            _card(page, openings["applied"]).locator(".mark-applied").inner_text() == "បានដាក់ពាក្យ"
        )
        assert _card(page, openings["saved"]).locator(".mark-saved").is_visible()
        assert _card(page, openings["new"]).locator(".mark").count() == 0
        assert "បានដាក់ ៣ ថ្ងៃមុន" in _card(page, openings["new"]).inner_text()  # Khmer digits
        assert tab.fits_the_screen()
        tab.shot(name)

    page = tab.open("/me/for-you")
    assert _card(page, openings["applied"]).count() == 0  # never suggested again
    assert _card(page, openings["saved"]).locator(".mark-saved").is_visible()
    assert tab.fits_the_screen()
    tab.shot("for-you")
    suggestion = page.locator(".suggestions > li", has=_card(page, openings["new"]))
    suggestion.locator("form.not-for-me button").click()
    page.wait_for_load_state()
    assert _card(page, openings["new"]).count() == 0
    notice = page.locator("form.undo")
    assert openings["new"].title in notice.inner_text()
    assert tab.fits_the_screen()
    tab.shot("not-for-me")
    db.session.rollback()  # the server wrote since this thread last read
    assert DismissedOpening.query.count() == 1

    notice.locator("button").click()
    page.wait_for_load_state()
    assert _card(page, openings["new"]).is_visible()
    assert page.locator("form.undo").count() == 0
    tab.shot("undone")
    db.session.rollback()
    assert DismissedOpening.query.count() == 0


def test_sharing_an_opening_by_telegram_facebook_or_a_copied_link(
    app, phone, make_opening, monkeypatch
):
    monkeypatch.setitem(app.config, "PUBLIC_URL", "https://phlov.example")
    opening = make_opening(title="Hotel cook", province_code="17")
    address = f"https://phlov.example/openings/{opening.id}"
    tab = phone("km")
    tab.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = tab.open(f"/openings/{opening.id}")

    telegram = urlsplit(page.locator("a.share-telegram").get_attribute("href"))
    assert (telegram.netloc, telegram.path) == ("t.me", "/share/url")
    assert parse_qs(telegram.query)["url"] == [address]
    assert "Hotel cook" in parse_qs(telegram.query)["text"][0]
    facebook = urlsplit(page.locator("a.share-facebook").get_attribute("href"))
    assert facebook.netloc == "www.facebook.com" and parse_qs(facebook.query)["u"] == [address]
    assert page.locator("#share-url").input_value() == address
    page.locator("#share-url").scroll_into_view_if_needed()
    tab.shot("share")

    page.locator("button[data-copy]").click()
    assert page.evaluate("navigator.clipboard.readText()") == address
    assert page.locator("button[data-copy]").inner_text() == "បានចម្លង"  # Copied

    still = phone("km", javascript=False).open(f"/openings/{opening.id}")
    assert not still.locator("button[data-copy]").is_visible()  # no button that does nothing
    assert still.locator("#share-url").is_visible()  # the link, to select by hand
