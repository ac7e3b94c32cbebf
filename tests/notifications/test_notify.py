"""Who is told what, by which channel."""

from portal.notifications.models import NotificationKind
from portal.notifications.services import notify


def test_a_notification_goes_to_the_list_and_to_email_when_they_have_an_address(ctx, make_user):
    user = make_user("employer", email="boss@example.org")
    note = notify(user, NotificationKind.NEW_APPLICATION, {"title": "Cook"}, link="/x")
    assert note.params == {"title": "Cook"}
    assert [d.channel for d in note.deliveries] == ["email"]


def test_no_email_copy_without_an_email_address(ctx, make_user):
    user = make_user("youth", email=None, phone="012345678")
    note = notify(user, NotificationKind.STATUS_CHANGE)
    assert note is not None and note.deliveries == []


def test_a_kind_switched_off_makes_nothing(ctx, make_user):
    user = make_user("youth")
    user.notification_settings = {"new_suggestions": []}
    assert notify(user, NotificationKind.NEW_SUGGESTIONS) is None
    assert notify(user, NotificationKind.STATUS_CHANGE) is not None


def test_a_reminder_with_the_same_key_is_made_once(ctx, make_user):
    user = make_user("employer")
    first = notify(user, NotificationKind.CLOSING_REMINDER, dedupe_key="closing:7")
    assert first is not None
    assert notify(user, NotificationKind.CLOSING_REMINDER, dedupe_key="closing:7") is None
    assert notify(user, NotificationKind.CLOSING_REMINDER, dedupe_key="closing:8") is not None
