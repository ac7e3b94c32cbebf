"""What reaches her Telegram: a digest of new openings with "Save", "Not for me" and "Open"
buttons whose presses act in the portal; a recovery code; and a failure left to the outbox."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from portal.extensions import db, utcnow
from portal.notifications.models import DeliveryStatus, NotificationDelivery, NotificationKind
from portal.notifications.services import notify
from portal.placements.services import is_saved
from portal.youth.models import YouthProfile
from tests.conftest import login
from tests.telegram.conftest import CHAT_ID, connect, post_update


def _send_outbox(app) -> str:
    result = app.test_cli_runner().invoke(args=["notify", "send"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    return result.output


def _digest_for(user, *openings) -> None:
    notify(
        user,
        NotificationKind.NEW_SUGGESTIONS,
        {"count": len(openings), "opening_ids": [o.id for o in openings]},
        link="/me/for-you",
    )
    db.session.commit()


def test_a_digest_arrives_with_buttons_and_not_for_me_leaves_for_you(
    app, telegram, linked_youth, make_opening
):
    client, user = linked_youth
    user.youth_profile.skills = ["sewing"]
    db.session.commit()
    sewing = make_opening(title="Garment sewer", skills=["sewing"])
    tailor = make_opening(title="Tailor assistant", skills=["sewing"])
    assert "Garment sewer" in client.get("/me/for-you").get_data(as_text=True)
    _digest_for(user, sewing, tailor)
    assert "0 to try again, 0 failed" in _send_outbox(app)

    heading, first, second = telegram.messages_to(CHAT_ID)
    assert heading["text"].startswith("New openings for you\n2 new openings fit you.")
    assert first["text"].startswith("Garment sewer") and second["text"].startswith("Tailor")
    buttons = {b["text"]: b for b in telegram.buttons(first)}
    assert set(buttons) == {"Save", "Not for me", "Open"}
    assert buttons["Open"]["url"] == f"https://phlov.example/openings/{sewing.id}"

    assert post_update(app.test_client(), telegram.press(first, "Not for me")).status_code == 200
    assert telegram.sent("answerCallbackQuery")[-1]["text"] == "We will not suggest it again."
    [edited] = telegram.sent("editMessageText")
    assert edited["message_id"] == first["message_id"] and "not for you" in edited["text"]
    page = client.get("/me/for-you").get_data(as_text=True)
    assert "Garment sewer" not in page and "Tailor assistant" in page

    post_update(app.test_client(), telegram.press(second, "Save"))
    youth = db.session.scalar(select(YouthProfile).where(YouthProfile.user_id == user.id))
    assert is_saved(youth, db.session.merge(tailor))


def test_a_digest_leaves_out_what_she_dismissed_since(app, telegram, linked_youth, make_opening):
    from portal.placements.services import dismiss_opening

    _client, user = linked_youth
    sewing, tailor = make_opening(title="Garment sewer"), make_opening(title="Tailor")
    _digest_for(user, sewing, tailor)
    dismiss_opening(user.youth_profile, sewing)
    db.session.commit()
    _send_outbox(app)
    assert [m["text"].split("\n")[0] for m in telegram.messages_to(CHAT_ID)] == [
        "New openings for you",
        "Tailor",
    ]


def test_a_press_from_a_chat_that_is_not_linked_changes_nothing(
    app, telegram, linked_youth, make_opening
):
    _client, user = linked_youth
    opening = make_opening(title="Garment sewer")
    _digest_for(user, opening)
    _send_outbox(app)
    _heading, card = telegram.messages_to(CHAT_ID)
    post_update(app.test_client(), telegram.text_update(CHAT_ID, "/stop"))
    post_update(app.test_client(), telegram.press(card, "Save"))
    assert "not linked" in telegram.sent("answerCallbackQuery")[-1]["text"]
    youth = db.session.scalar(select(YouthProfile).where(YouthProfile.user_id == user.id))
    assert not is_saved(youth, db.session.merge(opening))


def test_a_recovery_code_arrives_by_telegram(app, telegram, make_user):
    user = make_user("youth", email=None, phone="012 345 678")
    connect(app, telegram, login(app.test_client(), user))
    response = app.test_client().post("/password/forgot", data={"identifier": "012345678"})
    assert "we sent it a 6-digit code" in response.get_data(as_text=True)
    db.session.remove()
    response.close()  # the code leaves after the response
    body = telegram.messages_to(CHAT_ID)[-1]["text"]
    assert body.startswith("Get back into your Phlov account")
    code = re.search(r"\b(\d{6})\b", body).group(1)
    reset = app.test_client().post(
        "/password/code",
        data={
            "identifier": "012345678",
            "code": code,
            "password": "river-boat-morning-2",
            "confirm": "river-boat-morning-2",
        },
    )
    assert reset.status_code == 302


def test_a_failure_is_left_to_the_outbox_to_retry(app, telegram, linked_youth):
    _client, user = linked_youth
    notify(user, NotificationKind.STATUS_CHANGE, {"opening_title": "Cook", "status": "hired"})
    db.session.commit()
    telegram.fail_next(1, status=429, description="Too Many Requests: retry after 5")
    assert "1 to try again" in _send_outbox(app)
    delivery = db.session.scalar(
        select(NotificationDelivery).where(NotificationDelivery.channel == "telegram")
    )
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1
    assert "429" in delivery.last_error and telegram.token not in delivery.last_error
    assert "0 sent" in _send_outbox(app)  # it waits for its back-off
    delivery.next_attempt_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert "1 sent" in _send_outbox(app)
    [message] = telegram.messages_to(CHAT_ID)[-1:]
    assert message["text"] == "Your application changed\n“Cook”: Hired."


def test_a_job_alert_in_telegram_ends_with_a_way_to_stop_them(
    app, telegram, linked_youth, make_opening
):
    from portal.alerts.tokens import make_token
    from portal.notifications.links import portal_path

    client, user = linked_youth
    sewing = make_opening(title="Garment sewer")
    stop = portal_path("alerts.unsubscribe", token=make_token(user.id))
    notify(
        user,
        NotificationKind.NEW_SUGGESTIONS,
        {"count": 1, "opening_ids": [sewing.id], "unsubscribe": stop},
        link="/me/for-you",
    )
    db.session.commit()
    _send_outbox(app)

    last = telegram.messages_to(CHAT_ID)[-1]
    assert last["text"] == f"Stop these alerts: https://phlov.example{stop}"
    [button] = telegram.buttons(last)
    assert button["url"] == f"https://phlov.example{stop}"
    assert client.get(stop).status_code == 200  # the page with the one Stop button
