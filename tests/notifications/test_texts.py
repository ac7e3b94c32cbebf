"""Each notification reads as a short title and one line, in the reader's language."""

import pytest

from portal.notifications.models import Notification, NotificationKind
from portal.notifications.texts import describe, reader_locale

CASES = [
    (
        NotificationKind.STATUS_CHANGE,
        {"opening_title": "Cook", "status": "shortlisted", "application_id": 4},
        "Your application changed",
        "“Cook”: Shortlisted.",
    ),
    (
        NotificationKind.NEW_APPLICATION,
        {"opening_title": "Cook", "youth_name": "Sokha", "source": "applied"},
        "New applicant",
        "Sokha applied for “Cook”.",
    ),
    (
        NotificationKind.NEW_APPLICATION,
        {"opening_title": "Cook", "youth_name": "Sokha", "source": "referred"},
        "New referral",
        "A counselor sent Sokha for “Cook”.",
    ),
    (
        NotificationKind.OPENING_REVIEWED,
        {"opening_title": "Cook", "decision": "approved", "reason": ""},
        "Your opening is published",
        "“Cook” is public now. Young people can see it.",
    ),
    (
        NotificationKind.OPENING_REVIEWED,
        {"opening_title": "Cook", "decision": "sent_back", "reason": "Add the hours."},
        "Your opening was sent back",
        "“Cook” needs a change: Add the hours.",
    ),
    (
        NotificationKind.OPENING_REVIEWED,
        {"opening_title": "Cook", "decision": "declined", "reason": "Asks for a fee."},
        "Your opening was declined",
        "“Cook” was declined: Asks for a fee.",
    ),
    (
        NotificationKind.ORGANIZATION_REVIEWED,
        {"organization": "Angkor Bakery", "decision": "verified", "reason": ""},
        "Your organization is verified",
        "Angkor Bakery is verified. Young people can see your openings now.",
    ),
    (
        NotificationKind.ORGANIZATION_REVIEWED,
        {"organization": "Angkor Bakery", "decision": "rejected", "reason": "No papers."},
        "Your organization is not verified",
        "Angkor Bakery is not verified: No papers.",
    ),
    (
        NotificationKind.CLOSING_REMINDER,
        {"opening_title": "Cook", "closing_date": "2030-06-17"},
        "Your opening closes soon",
        "“Cook” closes on Jun 17, 2030.",
    ),
    (
        NotificationKind.FOLLOW_UP_DUE,
        {"youth_name": "Sokha", "month": 3, "due_on": "2030-06-17"},
        "Follow-up due",
        "Ask Sokha if they still have the job, 3 months after the hire (by Jun 17, 2030).",
    ),
    (
        NotificationKind.NEW_SUGGESTIONS,
        {"count": 1},
        "New openings for you",
        "1 new opening fits you.",
    ),
]


@pytest.mark.parametrize(("kind", "params", "title", "line"), CASES)
def test_each_kind_reads_well_in_english(ctx, kind, params, title, line):
    text = describe(Notification(kind=kind, params=params), "en")
    assert (text.title, text.line) == (title, line)


@pytest.mark.parametrize(("kind", "params", "title", "line"), CASES)
def test_each_kind_is_written_in_khmer(ctx, kind, params, title, line):
    text = describe(Notification(kind=kind, params=params), "km")
    assert text.title != title
    assert any("\u1780" <= ch <= "\u17ff" for ch in text.title + text.line)


def test_missing_params_never_break_the_page(ctx):
    for kind in NotificationKind:
        text = describe(Notification(kind=kind, params={}), "en")
        assert text.title


def test_the_reader_language_is_their_own_else_the_sites_khmer(app, ctx, make_user, monkeypatch):
    monkeypatch.setitem(app.config, "DEFAULT_LANGUAGE", "km")  # as deployed (tests use English)
    assert reader_locale(make_user("youth", locale="en")) == "en"
    assert reader_locale(make_user("youth", locale=None)) == "km"
