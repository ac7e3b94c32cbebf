"""An opening on a phone (issue 16): "posted N days ago" on cards, in Khmer digits for Khmer
readers; Apply above the facts with the safety panel short before it; sharing by Telegram,
Facebook or a copied link, with no script of theirs."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from flask_babel import force_locale

from portal.auth.models import Role
from portal.extensions import utcnow
from portal.i18n import posted_ago
from portal.jobs.models import OpeningStatus

NOW = datetime(2026, 12, 7, 3, 0)  # 10:00 in Phnom Penh


@pytest.mark.parametrize(
    ("published", "english", "khmer"),
    [
        (NOW - timedelta(hours=2), "Posted today", "បានដាក់ថ្ងៃនេះ"),
        (datetime(2026, 12, 6, 17, 30), "Posted today", "បានដាក់ថ្ងៃនេះ"),  # 00:30 in Cambodia
        (datetime(2026, 12, 6, 16, 30), "Posted yesterday", "បានដាក់ម្សិលមិញ"),
        (NOW - timedelta(days=3), "Posted 3 days ago", "បានដាក់ ៣ ថ្ងៃមុន"),
        (NOW - timedelta(days=13), "Posted 13 days ago", "បានដាក់ ១៣ ថ្ងៃមុន"),
        (NOW - timedelta(days=15), "Posted 2 weeks ago", "បានដាក់ ២ សប្តាហ៍មុន"),
    ],
)
def test_posted_ago_in_the_readers_words_and_digits(app, published, english, khmer):
    with app.test_request_context():
        with force_locale("en"):
            assert posted_ago(published, now=NOW) == english
        with force_locale("km"):
            assert posted_ago(published, now=NOW) == khmer


def test_long_ago_gives_the_date(app):
    with app.test_request_context(), force_locale("en"):
        assert posted_ago(datetime(2026, 8, 1, 5, 0), now=NOW) == "Posted on Aug 1, 2026"
        assert posted_ago(None, now=NOW) == ""


def test_cards_say_when_an_opening_was_posted(client, make_opening):
    make_opening(title="Cook", published_at=utcnow() - timedelta(days=3))

    page = client.get("/").get_data(as_text=True)

    assert "Posted 3 days ago" in page


@pytest.fixture
def far_opening(login_as, make_opening):
    """A youth of Phnom Penh (12) and an opening in Siem Reap (17)."""
    client, _user = login_as(Role.YOUTH)
    return client, make_opening(title="Hotel cook", province_code="17", description="Cook rice.")


def test_apply_comes_before_the_facts_with_the_short_safety_panel_above_it(far_opening):
    client, opening = far_opening

    html = client.get(f"/openings/{opening.id}").get_data(as_text=True)
    page = html[html.index("<body") :]  # the head's JSON-LD repeats the description

    panel, apply = page.index('class="safety-panel"'), page.index(f"/openings/{opening.id}/apply")
    assert panel < apply < page.index('<dl class="facts">') < page.index("Cook rice.")
    short = page[panel : page.index("<details>", panel)]
    assert "Never pay to get a job" in short
    assert "Ask the employer" not in short  # the questions are a tap away


def test_an_opening_is_shared_by_plain_links_to_its_public_address(
    client, app, make_opening, monkeypatch
):
    monkeypatch.setitem(app.config, "PUBLIC_URL", "https://phlov.example")
    opening = make_opening(title="Hotel cook", province_code="17")

    page = unescape(client.get(f"/openings/{opening.id}").get_data(as_text=True))

    address = f"https://phlov.example/openings/{opening.id}"
    telegram = re.search(r'href="(https://t\.me/share/url\?[^"]+)"', page).group(1)
    assert parse_qs(urlsplit(telegram).query) == {
        "url": [address],
        "text": [f"Hotel cook · {opening.organization.name} · Siem Reap"],
    }
    facebook = re.search(r'href="(https://www\.facebook\.com/sharer/sharer\.php\?[^"]+)"', page)
    assert parse_qs(urlsplit(facebook.group(1)).query) == {"u": [address]}
    assert f'id="share-url" type="text" readonly value="{address}"' in page
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts and all(src.startswith("/static/") for src in scripts), scripts


def test_without_public_url_the_address_is_this_sites(client, make_opening):
    opening = make_opening()

    page = client.get(f"/openings/{opening.id}").get_data(as_text=True)

    assert f'value="http://localhost/openings/{opening.id}"' in page


def test_an_opening_the_public_cannot_see_has_nothing_to_share(login_as, make_opening):
    client, user = login_as(Role.EMPLOYER)
    draft = make_opening(status=OpeningStatus.DRAFT, organization=user.organization)

    response = client.get(f"/openings/{draft.id}")

    page = response.get_data(as_text=True)
    assert response.status_code == 200 and draft.title in page  # its owner sees it
    assert "t.me/share" not in page and "share-url" not in page
