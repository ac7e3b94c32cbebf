"""A counselor's day, walked in Chromium at 1280 px and at 360 px (issue 19): Sophea of the
Pursat center opens her review queue (her provinces, the local posting first), checks the new
organization from it and comes back, publishes the posting, picks one of the best ten
candidates and refers her; the employer invites the young woman to an interview (she is told
at once); the cron's `flask interviews remind` reminds her the day before; the hire is recorded
and the follow-up list shows it as coming. Only the browser, except to set up the world and to
run the command cron runs.

Every step is a full-page screenshot in $PHLOV_WALK_SCREENSHOTS (default: a temporary folder,
printed): look at them."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from flask_babel import force_locale, gettext, ngettext
from sqlalchemy import select

from portal.auth.models import Role, User
from portal.centers.models import CenterProvince
from portal.extensions import db, utcnow
from portal.i18n import nice_date
from portal.interviews.queries import cambodian_today
from portal.jobs.models import Opening, OpeningStatus
from portal.notifications.models import Notification, NotificationKind
from portal.notifications.texts import describe
from portal.youth.models import YouthProfile
from tests.browser.pursat import pursat_caseload
from tests.conftest import PASSWORD
from tests.flask_process import run_flask

pytestmark = pytest.mark.browser

PURSAT, PAILIN, PHNOM_PENH = "15", "24", "12"
SCREENS = {
    "1280-en": ({"width": 1280, "height": 800}, "en"),
    "360-en": ({"width": 360, "height": 740}, "en"),
    "360-km": ({"width": 360, "height": 740}, "km"),
}

KHMER = re.compile("[\u1780-\u17ff]")
OWN_WORDS = "button:visible, summary:visible, .field > label:visible, .flash:visible, th:visible"


@dataclass
class World:
    counselor: User
    employer: User
    opening: Opening
    chosen: YouthProfile


@pytest.fixture
def pursat_day(make_center, make_user, make_org, make_opening, make_youth) -> World:
    """The Pursat center (serving Pailin too) and its counselor; the country's postings
    waiting, Phnom Penh's older; a new sewing workshop of Pursat (not checked yet) with its
    employer and a posting waiting; young people of the center: Srey Leak who sews and irons
    (with an account), eleven more who sew, four who cook."""
    center = make_center(name="Pursat Career Corner", province_code=PURSAT)
    center.provinces = [CenterProvince(province_code=PAILIN)]
    counselor = make_user(
        Role.COUNSELOR, center_id=center.id, email="sophea@pursat.example", display_name="Sophea"
    )
    for n in range(4):
        far = make_opening(
            title=f"Phnom Penh cashier {n}",
            province_code=PHNOM_PENH,
            status=OpeningStatus.PENDING_REVIEW,
        )
        far.created_at = utcnow() - timedelta(days=20 + n)
    workshop = make_org(
        name="Pursat Sewing Workshop",
        verified=False,
        contact_name="Mr Vuthy",
        contact_phone="012 345 678",
        address="Street 3, near Psar Pursat",
    )
    workshop.province_code = PURSAT
    employer = make_user(Role.EMPLOYER, organization_id=workshop.id, email="vuthy@workshop.example")
    opening = make_opening(
        organization=workshop,
        title="Sewing machine operator",
        skills=["sewing", "ironing"],
        province_code=PURSAT,
        positions=2,
        status=OpeningStatus.PENDING_REVIEW,
        description="Sew school uniforms in a bright workshop. Training on the first week.",
    )
    chosen = make_user(Role.YOUTH, email="sreyleak@example.org", locale="km").youth_profile
    chosen.full_name, chosen.center_id = "Srey Leak", center.id
    chosen.skills, chosen.province_code = ["sewing", "ironing"], PURSAT
    pursat_caseload(make_youth, center.id, sewers=11)
    db.session.commit()
    return World(counselor, employer, opening, chosen)


@pytest.fixture
def screenshots(tmp_path_factory, capsys) -> Path:
    folder = os.environ.get("PHLOV_WALK_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("counselor-day")
    path.mkdir(parents=True, exist_ok=True)
    with capsys.disabled():
        print(f"\nThe counselor's day: screenshots in {path}")
    return path


class Walk:
    """One person's browser tab at the walk's screen size and language."""

    def __init__(self, app, context, base_url: str, folder: Path, name: str, language: str):
        self.app, self.base_url, self.folder = app, base_url, folder
        self.name, self.language = name, language
        self.page = context.new_page()
        self.page.set_default_timeout(15_000)
        self.steps = 0

    def t(self, message: str, **values) -> str:
        """`message` as the portal says it in the walk's language."""
        with self.app.test_request_context(), force_locale(self.language):
            return gettext(message, **values)

    def day(self, day: date) -> str:
        """A date as the portal writes it in the walk's language."""
        with self.app.test_request_context(), force_locale(self.language):
            return nice_date(day)

    def tn(self, singular: str, plural: str, num: int) -> str:
        with self.app.test_request_context(), force_locale(self.language):
            return ngettext(singular, plural, num)

    def open(self, path: str):
        self.page.goto(self.base_url + path)
        return self.page

    def click(self, locator) -> None:
        """Click what leads to another page, and wait for it."""
        with self.page.expect_navigation():
            locator.click()

    def button(self, *messages: str):
        """The button named by one of these messages (two views word a step differently)."""
        names = "|".join(re.escape(self.t(message)) for message in messages)
        return self.page.get_by_role("button", name=re.compile(f"^({names})$"))

    def link(self, message: str, **values):
        return self.page.get_by_role("link", name=self.t(message, **values), exact=True)

    def fill(self, label: str, value: str) -> None:
        self.page.get_by_label(self.t(label), exact=True).fill(value)

    def fits(self) -> bool:
        """No sideways scrolling: nothing is wider than the screen."""
        return self.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    def shot(self, step: str) -> Path:
        """A full-page screenshot of this step, once the page fits the screen."""
        assert self.fits(), f"{self.page.url} is wider than {self.name}"
        assert not self.untranslated(), self.page.url
        self.steps += 1
        path = self.folder / f"{self.name}-{self.steps:02d}-{step}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def untranslated(self) -> list[str]:
        """In Khmer: the page's own words (buttons, folded sections, form labels) not in Khmer."""
        if self.language != "km":
            return []
        words = self.page.locator("main").locator(OWN_WORDS).all_inner_texts()
        return [text for text in words if text.strip() and not KHMER.search(text)]

    def menu(self, message: str) -> None:
        """Go to a page of the header's menu, opening "More" when the entry is folded there."""
        entry = self.page.locator("header nav.menu").get_by_role("link", name=self.t(message))
        if not entry.is_visible():
            self.page.locator("header details.more > summary").click()
        self.click(entry)

    def log_in(self, email: str) -> None:
        self.open("/")
        if self.page.locator("html").get_attribute("lang") != self.language:
            self.click(self.page.locator("form.lang button"))  # the header's switch
        self.open("/login")
        self.fill("Phone number or e-mail", email)
        self.fill("Password", PASSWORD)
        self.click(self.button("Log in").first)


@pytest.fixture
def walk(app, browser, live_server, real_csrf, screenshots):
    contexts = []

    def start(screen: str, who: str) -> Walk:
        viewport, language = SCREENS[screen]
        context = browser.new_context(
            viewport=viewport,
            locale="km-KH" if language == "km" else "en-US",
            is_mobile=viewport["width"] < 800,
            has_touch=viewport["width"] < 800,
        )
        contexts.append(context)
        return Walk(app, context, live_server, screenshots, f"{screen}-{who}", language)

    yield start
    for context in contexts:
        context.close()


def _interview_notes(user_id: int) -> list[Notification]:
    db.session.rollback()  # the server wrote since this thread last read
    query = select(Notification).where(
        Notification.user_id == user_id, Notification.kind == NotificationKind.INTERVIEW
    )
    return list(db.session.scalars(query.order_by(Notification.id)))


@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_counselors_day_from_the_queue_to_the_follow_up(app, walk, pursat_day, screen):
    she = walk(screen, "counselor")
    she.log_in(pursat_day.counselor.email)
    her_queue(she)
    check_and_publish(she)
    refer_the_best(she)
    day = cambodian_today() + timedelta(days=3)
    employer_invites(walk(screen, "employer"), pursat_day, day)
    (invited,) = _interview_notes(pursat_day.chosen.user_id)  # told at once, in Khmer
    assert "Pursat Sewing Workshop" in describe(invited, "km").line
    cron_reminds(app, pursat_day, day)
    record_the_hire(she)
    follow_ups_coming(she)


def her_queue(she: Walk) -> None:
    """1. Her review queue: her center's provinces only, the new local posting waiting there;
    all of Cambodia one tap away for reading, hers first, then the oldest elsewhere."""
    page = she.page
    she.menu("Review queue")
    items = page.locator("article.review-item")
    assert items.count() == 1
    assert items.first.get_by_role("heading").inner_text() == "Sewing machine operator"
    she.shot("queue")
    she.click(page.get_by_role("link", name=she.t("All of Cambodia")))
    assert items.count() == 5
    assert items.first.get_by_role("heading").inner_text() == "Sewing machine operator"
    assert items.nth(1).get_by_role("heading").inner_text() == "Phnom Penh cashier 3"
    only_hers = re.compile(re.escape(she.t("Only %(provinces)s", provinces="")))
    she.click(page.get_by_role("link", name=only_hers))
    assert items.count() == 1


def check_and_publish(she: Walk) -> None:
    """2. The organization is new: she checks it from the queue; its check page lists the
    posting waiting, she reads it and comes back to the check from it, verifies, publishes;
    the next thing to do, the candidates, is one tap away."""
    page = she.page
    queued = page.locator("article.review-item").first
    she.click(queued.get_by_role("link", name=she.t("Check the organization")))
    told = page.locator("dl.facts").inner_text()
    assert "Street 3, near Psar Pursat, " in told  # the address, then the province
    assert she.t("Not given") in told  # no e-mail given: said, not a blank
    waiting = page.locator(".waiting-openings")
    one_waits = she.tn("%(num)d opening waits", "%(num)d openings wait", 1) % {"num": 1}
    assert waiting.get_by_role("heading").inner_text() == one_waits
    she.shot("check")
    she.click(waiting.get_by_role("link", name="Sewing machine operator"))
    assert page.get_by_role("heading", level=1).inner_text() == "Sewing machine operator"
    she.shot("opening")
    she.click(page.locator("main").get_by_role("link", name=she.t("Check the organization")))
    she.fill("What did you check? (optional)", "Visited the workshop; saw the business licence.")
    she.click(she.button("Verify this organization"))
    assert "Pursat Sewing Workshop" in page.locator(".flash-success").inner_text()
    assert page.get_by_role("heading", level=1).inner_text() == "Sewing machine operator"
    she.click(page.locator("main").get_by_role("button", name=she.t("Approve and publish")))
    assert "Sewing machine operator" in page.locator(".flash-success").inner_text()
    she.shot("published")


def refer_the_best(she: Walk) -> None:
    """3. Candidates: the best ten, compact, one referral form, more on demand; she chooses
    Srey Leak (who sews and irons) and refers her."""
    page = she.page
    published = page.locator(".flash-success")
    she.click(published.get_by_role("link", name=she.t("Find candidates for it")))
    rows = page.locator("li.candidate-row")
    assert rows.count() == 10
    assert rows.first.locator(".name").inner_text() == "Srey Leak"
    assert page.get_by_role("textbox").count() == 1
    she.shot("candidates")
    she.click(page.locator("a.show-more"))
    assert rows.count() == 16
    she.click(page.get_by_role("link", name=she.t("Show only the best")))
    assert rows.count() == 10
    page.get_by_label("Srey Leak").check()
    page.get_by_role("textbox").fill("Sews and irons school uniforms at home; lives 2 km away.")
    she.shot("referral")
    she.click(she.button("Refer the chosen person"))
    assert "Srey Leak" in page.locator(".flash-success").inner_text()
    assert rows.filter(has_text="Srey Leak").locator(".applied").is_visible()
    she.shot("referred")


def employer_invites(boss: Walk, w: World, day) -> None:
    """4. The employer, on his own phone or computer, short-lists her and sets the interview:
    day, time, place, whom to ask for, what to bring."""
    boss.log_in(w.employer.email)
    page = boss.page
    applicants = boss.tn("%(num)d applicant", "%(num)d applicants", 1) % {"num": 1}
    boss.click(page.get_by_role("link", name=applicants))
    boss.click(page.get_by_role("link", name="Srey Leak"))
    boss.click(boss.button("Put on the short list", "On the short list"))
    invite = "|".join(
        re.escape(boss.t(m)) for m in ("Invite to an interview", "Invited to an interview")
    )
    boss.click(page.get_by_role("link", name=re.compile(f"^({invite})$")).first)
    boss.fill("Day", day.isoformat())
    boss.fill("Time (Cambodia)", "09:00")
    boss.fill("Place", "Pursat Sewing Workshop, Street 3, near Psar Pursat")
    boss.fill("Who to ask for", "Mr Vuthy at the gate")
    boss.fill("What to bring (you may leave it empty)", "ID card, a pen")
    boss.shot("interview-form")
    boss.click(boss.button("Send the invitation"))
    contact = boss.t("Contact through %(center)s.", center="Pursat Career Corner")
    assert page.get_by_text(contact).is_visible()  # the center gave no phone: no dangling colon
    interview = page.locator("#interview").inner_text()
    assert "Mr Vuthy at the gate" in interview and "ID card, a pen" in interview
    boss.shot("interview-set")


def cron_reminds(app, w: World, day) -> None:
    """5. The day before, at 17:00 in Cambodia, cron runs `flask interviews remind`."""
    day_before = f"{(day - timedelta(days=1)).isoformat()}T10:00"
    done = run_flask(app, "interviews", "remind", "--now", day_before)
    assert done.returncode == 0, done.stdout
    assert "1 interview reminder(s) made." in done.stdout
    invited, reminder = _interview_notes(w.chosen.user_id)
    assert describe(reminder, "en").title == "Interview tomorrow, 09:00"


def record_the_hire(she: Walk) -> None:
    """6. After the interview the employer calls the center: she records the hire from her
    caseload (on a phone its table reads as cards, each cell a full line)."""
    page = she.page
    she.menu("Caseload")
    row = page.get_by_role("row").filter(has_text="Srey Leak")
    if page.viewport_size["width"] <= 600:
        table = page.locator("table.caseload").bounding_box()["width"]
        cells = row.get_by_role("cell")
        assert all(cells.nth(n).bounding_box()["width"] > 0.9 * table for n in range(4))
    she.shot("caseload")
    she.click(row.get_by_role("link", name=she.t("Invited to an interview")))
    she.shot("application")
    she.click(she.button("Hired", "Hire"))
    assert she.t("Hired") in page.locator(".flash-success").inner_text()
    she.shot("hired")


def follow_ups_coming(she: Walk) -> None:
    """7. Her follow-ups: nothing due this week; the hire's 1- and 3-month checks coming, with
    who, where and since when."""
    page = she.page
    she.menu("Follow-ups")
    this_week = page.locator("section#this-week").get_by_role("heading").inner_text()
    assert this_week == f"{she.t('Due this week')} (0)"
    coming = page.locator("section#coming")
    assert coming.get_by_role("heading").inner_text() == f"{she.t('Coming')} (2)"
    checks = coming.get_by_role("listitem")
    assert checks.count() == 2
    first = checks.first.inner_text()
    assert "Srey Leak" in first and she.t("1-month check") in first
    assert "Sewing machine operator" in first and "Pursat Sewing Workshop" in first
    assert she.t("Hired on %(day)s", day=she.day(date.today())) in first
    she.shot("follow-ups")
