"""A hire's follow-up asked in Telegram: "Are you still working at X?". Her answer is recorded
as a counselor's would be; "I have a problem" asks what, tells her counselor, and puts the serious
ones into the safety queue counselors already work."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.notifications.models import Notification, NotificationKind
from portal.placements.models import FollowUp
from portal.safety.models import OpeningReport, ReportReason
from tests.telegram.conftest import CHAT_ID, post_update


@pytest.fixture
def hired(app, telegram, linked_youth, make_center, make_user, make_org, make_opening):
    """(her client, the 1-month follow-up, her counselor's client) for a hire 40 days ago."""
    from portal.placements.models import Application, ApplicationSource, ApplicationStatus
    from tests.conftest import login

    client, user = linked_youth
    center = make_center(name="Pursat Center")
    counselor = make_user("counselor", center_id=center.id)
    youth = user.youth_profile
    youth.center_id = center.id
    opening = make_opening(title="Sewing operator", organization=make_org(name="Golden Thread"))
    hired_on = date.today() - timedelta(days=40)
    application = Application(
        opening=opening,
        youth=youth,
        source=ApplicationSource.APPLIED,
        status=ApplicationStatus.HIRED,
        hired_on=hired_on,
        follow_ups=[
            FollowUp(month=1, due_on=hired_on + timedelta(days=30)),
            FollowUp(month=3, due_on=hired_on + timedelta(days=91)),
        ],
    )
    db.session.add(application)
    db.session.commit()
    return client, application.follow_ups[0], login(app.test_client(), counselor)


def _ask_and_send(app) -> None:
    runner = app.test_cli_runner()
    asked = runner.invoke(args=["placements", "remind-follow-ups"])
    assert "1 young person(s) asked in Telegram" in asked.output, asked.output
    sent = runner.invoke(args=["notify", "send"])
    assert sent.exit_code == 0, sent.output
    db.session.expire_all()


def test_she_is_asked_once_and_still_working_is_recorded(app, telegram, hired):
    _client, follow_up, counselor = hired
    assert "Sewing operator" in counselor.get("/follow-ups").get_data(as_text=True)
    _ask_and_send(app)
    [question] = telegram.messages_to(CHAT_ID)
    assert "Are you still working at Golden Thread?" in question["text"]
    labels = [b["text"] for b in telegram.buttons(question)]
    assert labels == ["Still working", "Not working", "I have a problem"]
    again = app.test_cli_runner().invoke(args=["placements", "remind-follow-ups"])
    assert "0 young person(s) asked" in again.output  # once per follow-up

    post_update(app.test_client(), telegram.press(question, "Still working"))
    follow_up = db.session.get(FollowUp, follow_up.id)
    assert follow_up.still_employed is True and follow_up.answered_via == "telegram"
    assert follow_up.recorded_by.youth_profile is not None  # she answered herself
    [edited] = telegram.sent("editMessageText")
    assert "You said: still working" in edited["text"] and edited["reply_markup"] == {
        "inline_keyboard": []
    }
    page = counselor.get("/follow-ups").get_data(as_text=True)
    due_now = page.split('id="coming"')[0]  # her 3-month check is listed as coming
    assert "Sewing operator" not in due_now  # nothing left to call her about now
    page = counselor.get(f"/caseload/applications/{follow_up.application_id}")
    assert "Still employed (answered by them in Telegram)" in " ".join(
        page.get_data(as_text=True).replace('<span class="meta">', "").split()
    )


def test_not_working_is_recorded(app, telegram, hired):
    _client, follow_up, _counselor = hired
    _ask_and_send(app)
    [question] = telegram.messages_to(CHAT_ID)
    post_update(app.test_client(), telegram.press(question, "Not working"))
    assert db.session.get(FollowUp, follow_up.id).still_employed is False


def test_a_problem_reaches_her_counselor_and_the_safety_queue(app, telegram, hired):
    _client, follow_up, counselor = hired
    _ask_and_send(app)
    [question] = telegram.messages_to(CHAT_ID)
    post_update(app.test_client(), telegram.press(question, "I have a problem"))
    [what] = telegram.sent("editMessageText")
    problems = [b["text"] for b in telegram.buttons(what)]
    assert problems == [
        "They do not pay me",
        "They took my ID card",
        "They do not let me leave",
        "Something else",
    ]
    post_update(app.test_client(), telegram.press({**what, "chat_id": CHAT_ID}, problems[1]))

    assert db.session.get(FollowUp, follow_up.id).still_employed is None  # the counselor calls
    inbox = counselor.get("/notifications").get_data(as_text=True)
    assert "has a problem at work" in inbox and "They took my ID card" in inbox
    [report] = db.session.scalars(select(OpeningReport)).all()
    assert report.reason == ReportReason.KEPT_DOCUMENTS
    queue = counselor.get("/safety/reports").get_data(as_text=True)
    assert "Sewing operator" in queue and "They kept my passport or ID card" in queue
    assert "Your counselor will contact you soon" in telegram.sent("editMessageText")[-1]["text"]


def test_something_else_goes_to_the_counselor_only(app, telegram, hired):
    _client, _follow_up, _counselor = hired
    _ask_and_send(app)
    [question] = telegram.messages_to(CHAT_ID)
    post_update(app.test_client(), telegram.press(question, "I have a problem"))
    [what] = telegram.sent("editMessageText")
    post_update(app.test_client(), telegram.press({**what, "chat_id": CHAT_ID}, "Something else"))
    kinds = db.session.scalars(select(Notification.kind)).all()
    assert NotificationKind.WORK_PROBLEM in kinds
    assert db.session.scalars(select(OpeningReport)).all() == []


def test_someone_else_cannot_answer_her_follow_up(app, telegram, hired, login_as):
    _client, follow_up, _counselor = hired
    _ask_and_send(app)
    [question] = telegram.messages_to(CHAT_ID)
    from tests.telegram.conftest import connect

    other_client, _other = login_as("youth")
    connect(app, telegram, other_client, chat_id=4242)
    forged = telegram.press(question, "Not working")
    forged["callback_query"]["message"]["chat"]["id"] = 4242
    post_update(app.test_client(), forged)
    assert db.session.get(FollowUp, follow_up.id).still_employed is None
    assert telegram.sent("answerCallbackQuery")[-1]["text"] == "This question is closed."
