"""A user's notification list, the unread count in the menu, and their choices."""

from datetime import timedelta

from portal.auth.models import Role
from portal.extensions import db, utcnow
from portal.notifications.models import Notification, NotificationKind
from portal.notifications.services import channels_for, notify


def _reviewed(user, title: str, *, days_ago: int = 0, read: bool = False) -> Notification:
    note = notify(
        user,
        NotificationKind.OPENING_REVIEWED,
        {"opening_title": title, "decision": "approved", "reason": ""},
        link="/openings/1",
    )
    note.created_at = utcnow() - timedelta(days=days_ago)
    note.read_at = utcnow() if read else None
    db.session.commit()
    return note


def test_the_list_shows_newest_first_unread_bold_with_a_count_in_the_menu(login_as):
    client, employer = login_as(Role.EMPLOYER)
    _reviewed(employer, "Old cook", days_ago=3, read=True)
    _reviewed(employer, "New waiter", days_ago=0)

    html = client.get("/notifications").get_data(as_text=True)

    assert html.index("New waiter") < html.index("Old cook")
    assert "<strong>Your opening is published</strong>" in html
    assert html.count("<strong>Your opening is published</strong>") == 1
    assert '<span class="count" aria-label="1 unread">1</span>' in html


def test_opening_one_marks_it_read_and_follows_its_link(login_as):
    client, employer = login_as(Role.EMPLOYER)
    note = _reviewed(employer, "Cook")

    response = client.post("/notifications/open", data={"id": note.id})

    assert response.status_code == 302
    assert response.headers["Location"] == "/openings/1"
    db.session.refresh(note)
    assert note.read_at is not None
    assert 'class="count"' not in client.get("/notifications").get_data(as_text=True)


def test_mark_all_read(login_as):
    client, employer = login_as(Role.EMPLOYER)
    notes = [_reviewed(employer, "Cook"), _reviewed(employer, "Waiter")]

    client.post("/notifications/read-all")

    for note in notes:
        db.session.refresh(note)
        assert note.read_at is not None


def test_nobody_sees_or_reads_another_users_notification(login_as, make_user):
    other = make_user(Role.YOUTH)
    note = notify(other, NotificationKind.NEW_SUGGESTIONS, {"count": 2}, link="/me/for-you")
    db.session.commit()
    client, _ = login_as(Role.YOUTH)

    assert client.post("/notifications/open", data={"id": note.id}).status_code == 404
    assert client.post("/notifications/open", data={"id": "abc"}).status_code == 404
    client.post("/notifications/read-all")
    assert "2 new openings fit you." not in client.get("/notifications").get_data(as_text=True)
    db.session.refresh(note)
    assert note.read_at is None


def test_a_link_outside_the_portal_is_never_followed(login_as):
    client, youth = login_as(Role.YOUTH)
    note = notify(youth, NotificationKind.NEW_SUGGESTIONS, {"count": 1}, link="//evil.example")
    db.session.commit()
    response = client.post("/notifications/open", data={"id": note.id})
    assert response.headers["Location"] == "/notifications"


def test_the_menu_count_is_for_logged_in_users_only(client):
    assert "/notifications" not in client.get("/").get_data(as_text=True)


def test_a_youth_chooses_which_notifications_and_channels(login_as):
    client, youth = login_as(Role.YOUTH, email="dara@example.org", phone="012999888")
    page = client.get("/me/notifications").get_data(as_text=True)
    assert "My applications change" in page and "New openings fit me" in page
    assert "A follow-up is due" not in page  # a counselor's kind
    assert 'value="sms"' in page and 'value="email"' in page
    assert 'value="telegram"' not in page  # no Telegram address yet

    response = client.post(
        "/me/notifications",
        data={"status_change": ["portal", "sms", "telegram"], "new_suggestions": []},
    )

    assert response.status_code == 302
    db.session.refresh(youth)
    assert channels_for(youth, NotificationKind.STATUS_CHANGE) == ["portal", "sms"]
    assert notify(youth, NotificationKind.NEW_SUGGESTIONS, {"count": 1}) is None


def test_channels_without_an_address_are_not_offered(login_as):
    client, _ = login_as(Role.YOUTH, email=None, phone="012777666")
    page = client.get("/me/notifications").get_data(as_text=True)
    assert 'value="email"' not in page
    assert "add your e-mail address or phone number" in page


def test_by_email_only_is_kept_but_not_flagged_new(make_user):
    user = make_user(Role.EMPLOYER)
    user.notification_settings = {"closing_reminder": ["email"]}
    note = notify(user, NotificationKind.CLOSING_REMINDER, {})
    assert note.read_at is not None
    assert [d.channel for d in note.deliveries] == ["email"]
