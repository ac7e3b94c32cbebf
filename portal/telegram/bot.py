"""What the bot answers. `receive(update)` handles one update from the webhook or getUpdates:
/start <code> links her chat, /stop unlinks it, button presses save or dismiss an opening and
answer a follow-up. It changes rows (flushes) and returns the Bot API calls to make once the
caller has committed (`send`), so a reply that fails never undoes what she did. An update seen
before (Telegram retries) does nothing."""

from __future__ import annotations

import logging
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete

from portal.auth.models import User
from portal.extensions import db, utcnow
from portal.jobs.access import is_public
from portal.jobs.models import Opening
from portal.notifications.texts import reader_locale
from portal.placements import followups, problems
from portal.placements import services as placements
from portal.placements.models import FollowUp
from portal.telegram import keyboards, links
from portal.telegram.api import BotApi, Call, TelegramError, answer, edit, message
from portal.telegram.models import TelegramUpdate

log = logging.getLogger(__name__)
KEEP_UPDATES = timedelta(days=7)  # Telegram gives up retrying an update within a day
VIA = "telegram"


def receive(update: dict) -> list[Call]:
    """Handle `update` once (flushes); the replies to send after the commit."""
    update_id = update.get("update_id")
    if not isinstance(update_id, int) or db.session.get(TelegramUpdate, update_id) is not None:
        return []
    db.session.add(TelegramUpdate(update_id=update_id))
    db.session.execute(
        delete(TelegramUpdate).where(TelegramUpdate.received_at < utcnow() - KEEP_UPDATES)
    )
    if isinstance(update.get("callback_query"), dict):
        calls = _pressed(update["callback_query"])
    elif isinstance(update.get("message"), dict):
        calls = _message(update["message"])
    else:
        calls = []
    db.session.flush()
    return calls


def send(api: BotApi, calls: list[Call]) -> None:
    """Make the replies; one that fails is logged (she can press again), never raised."""
    for call in calls:
        try:
            api.run(call)
        except TelegramError as error:
            log.warning(
                "telegram_reply_failed",
                extra={"event": "telegram_reply_failed", "error": str(error)},
            )


# --- messages ---------------------------------------------------------------------------------


def _message(msg: dict) -> list[Call]:
    chat, sender = msg.get("chat") or {}, msg.get("from") or {}
    chat_id, text = chat.get("id"), (msg.get("text") or "").strip()
    if not isinstance(chat_id, int) or chat.get("type", "private") != "private":
        return []  # the bot talks with one person at a time, never in groups
    command, _space, argument = text.partition(" ")
    command = command.split("@")[0]
    if command == "/start":
        return _start(chat_id, argument.strip(), sender)
    if command == "/stop":
        return _stop(chat_id, sender)
    user = links.user_for_chat(chat_id)
    with force_locale(_locale(user, sender)):
        if user is None:
            return [message(chat_id, _not_linked_text())]
        return [
            message(
                chat_id,
                _(
                    "I only understand the buttons. For anything else, call your center or "
                    "open Phlov."
                ),
            )
        ]


def _start(chat_id: int, code: str, sender: dict) -> list[Call]:
    if not code:
        user = links.user_for_chat(chat_id)
        with force_locale(_locale(user, sender)):
            if user is not None:
                return [
                    message(
                        chat_id,
                        _("Your Phlov account is linked to this chat. Send /stop to unlink it."),
                    )
                ]
            return [message(chat_id, _not_linked_text())]
    linked = links.link_chat(code, chat_id, sender.get("username"))
    if isinstance(linked, User):
        with force_locale(reader_locale(linked)):
            return [message(chat_id, _linked_text(linked))]
    with force_locale(_locale(None, sender)):
        return [message(chat_id, _refused_text(linked))]


def _linked_text(user: User) -> str:
    name = user.youth_profile.full_name if user.youth_profile else user.display_name
    return _(
        "Hello %(name)s! Your Phlov account is linked. New openings and messages from your "
        "center will come here. You choose what comes in Phlov's notification settings. Send "
        "/stop to unlink.",
        name=name or "",
    )


def _refused_text(reason: links.LinkRefused) -> str:
    if reason == links.LinkRefused.EXPIRED:
        why = _("This link is too old: it works for one hour.")
    elif reason == links.LinkRefused.USED:
        why = _("This link was already used.")
    else:
        why = _("This link does not work.")
    return (
        why
        + " "
        + _("Open Phlov, go to your notification settings and press “Connect Telegram” again.")
    )


def _not_linked_text() -> str:
    return _(
        "Hello! This is Phlov's bot. To get your messages here, open Phlov, go to your "
        "notification settings and press “Connect Telegram”."
    )


def _stop(chat_id: int, sender: dict) -> list[Call]:
    user = links.user_for_chat(chat_id)
    with force_locale(_locale(user, sender)):
        if user is None or not links.unlink(user):
            return [message(chat_id, _("This chat is not linked to a Phlov account."))]
        return [
            message(
                chat_id,
                _(
                    "Done: Phlov will not send you messages here any more. To start again, "
                    "press “Connect Telegram” in Phlov."
                ),
            )
        ]


def _locale(user: User | None, sender: dict) -> str:
    """Her account's language; before she is linked, her Telegram app's (else the site's)."""
    if user is not None:
        return reader_locale(user)
    languages = current_app.config.get("LANGUAGES", ["km", "en"])
    telegram_language = (sender.get("language_code") or "")[:2]
    if telegram_language in languages:
        return telegram_language
    return current_app.config.get("DEFAULT_LANGUAGE") or "km"


# --- button presses ---------------------------------------------------------------------------


def _pressed(query: dict) -> list[Call]:
    query_id = str(query.get("id") or "")
    msg = query.get("message") or {}
    chat_id = (msg.get("chat") or {}).get("id")
    user = links.user_for_chat(chat_id) if isinstance(chat_id, int) else None
    with force_locale(_locale(user, query.get("from") or {})):
        if user is None:
            return [answer(query_id, _("This chat is not linked to a Phlov account."))]
        action, args = keyboards.parse(query.get("data"))
        handler = _HANDLERS.get(action)
        if handler is None or not all(a.isdigit() or a.isidentifier() for a in args):
            return [answer(query_id)]
        return handler(user, args, query_id, chat_id, msg)


def _opening(args: list[str]) -> Opening | None:
    opening = db.session.get(Opening, int(args[0])) if args[0].isdigit() else None
    return opening if opening is not None and is_public(opening) else None


def _save(user: User, args, query_id, chat_id, msg) -> list[Call]:
    opening, youth = _opening(args), user.youth_profile
    if opening is None or youth is None:
        return [answer(query_id, _("This opening is no longer open."))]
    placements.save_opening(youth, opening)
    return [answer(query_id, _("Saved. You find it in your saved openings in Phlov."))]


def _dismiss(user: User, args, query_id, chat_id, msg) -> list[Call]:
    opening, youth = _opening(args), user.youth_profile
    if opening is None or youth is None:
        return [answer(query_id, _("This opening is no longer open."))]
    placements.dismiss_opening(youth, opening)
    text = _("“%(title)s”: not for you. We will not suggest it again.", title=opening.title)
    return [
        answer(query_id, _("We will not suggest it again.")),
        edit(chat_id, msg.get("message_id"), text),
    ]


def _own_follow_up(user: User, args) -> FollowUp | None:
    follow_up = db.session.get(FollowUp, int(args[0])) if args and args[0].isdigit() else None
    if follow_up is None or follow_up.application.youth.user_id != user.id:
        return None
    return follow_up


def _follow_up_answer(user: User, args, query_id, chat_id, msg) -> list[Call]:
    follow_up = _own_follow_up(user, args)
    if follow_up is None or len(args) != 2:
        return [answer(query_id, _("This question is closed."))]
    question = _(
        "Are you still working at %(employer)s?",
        employer=follow_up.application.opening.organization.name,
    )
    if args[1] == keyboards.HAS_PROBLEM:
        text = question + "\n" + _("What is the problem?")
        return [
            answer(query_id),
            edit(chat_id, msg.get("message_id"), text, keyboards.problem_buttons(follow_up.id)),
        ]
    still = args[1] == keyboards.STILL_WORKING
    try:
        followups.record_by_youth(follow_up, still_employed=still, via=VIA)
    except followups.FollowUpError as error:
        return [answer(query_id, str(error))]
    if still:
        said = _("You said: still working. Thank you!")
    else:
        said = _(
            "You said: not working there any more. Thank you! Your counselor can help you "
            "find another job."
        )
    return [
        answer(query_id, _("Thank you!")),
        edit(chat_id, msg.get("message_id"), question + "\n" + said),
    ]


def _problem(user: User, args, query_id, chat_id, msg) -> list[Call]:
    follow_up = _own_follow_up(user, args)
    if follow_up is None or len(args) != 2 or args[1] not in set(problems.WorkProblem):
        return [answer(query_id, _("This question is closed."))]
    problems.report_work_problem(follow_up, args[1], via=VIA)
    text = _(
        "Thank you for telling us. Your counselor will contact you soon. If you are in danger, "
        "call the police (117) or your center."
    )
    return [
        answer(query_id, _("Your counselor is told.")),
        edit(chat_id, msg.get("message_id"), text),
    ]


_HANDLERS = {
    keyboards.SAVE: _save,
    keyboards.DISMISS: _dismiss,
    keyboards.FOLLOW_UP: _follow_up_answer,
    keyboards.PROBLEM: _problem,
}
