"""The outbox's "telegram" channel: each notification in the reader's language, with buttons.
A digest of new openings (NEW_SUGGESTIONS, params["opening_ids"] in rank order) is a short
heading and one message per opening with "Save", "Not for me" and "Open"; a follow-up question
has "Still working", "Not working" and "I have a problem". Any failure raises: the outbox keeps
the copy and tries again (portal/notifications/outbox.py)."""

from __future__ import annotations

from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from sqlalchemy import select

from portal.extensions import db
from portal.jobs.access import is_public
from portal.jobs.models import Opening
from portal.notifications.links import portal_path
from portal.notifications.models import Notification, NotificationKind
from portal.notifications.texts import describe, reader_locale, unsubscribe_line
from portal.notifications.transports import ConsoleTransport
from portal.placements.services import dismissed_opening_ids
from portal.places import province_name
from portal.telegram import keyboards
from portal.telegram.api import BotApi, from_config, message, url_button

MAX_OPENINGS = 10  # a digest is a few openings a day; more would flood her chat


class TelegramTransport:
    def __init__(self, api: BotApi, public_url: str | None):
        self.api = api
        self.public_url = (public_url or "").rstrip("/") or None

    def send(self, address: str, subject: str, body: str) -> None:
        """Plain text (what every transport can do)."""
        self.api.run(message(address, f"{subject}\n{body}"))

    def send_notification(self, notification: Notification, address: str) -> None:
        """The notification in its reader's language, with its buttons."""
        with force_locale(reader_locale(notification.user)):
            text = describe(notification, reader_locale(notification.user))
            heading = f"{text.title}\n{text.line}"
            if notification.kind == NotificationKind.NEW_SUGGESTIONS:
                self._digest(notification, address, heading)
            elif notification.kind == NotificationKind.FOLLOW_UP_QUESTION:
                follow_up_id = int(notification.params["follow_up_id"])
                self.api.run(message(address, heading, keyboards.follow_up_buttons(follow_up_id)))
            else:
                self.api.run(message(address, heading, self._open_button(notification.link)))

    def _digest(self, notification: Notification, address: str, heading: str) -> None:
        openings = digest_openings(notification.params.get("opening_ids") or [])
        youth = notification.user.youth_profile
        if youth is not None:  # she may have said "not for me" since the digest was made
            dismissed = dismissed_opening_ids(youth)
            openings = [opening for opening in openings if opening.id not in dismissed]
        if not openings:
            self.api.run(message(address, heading, self._open_button(notification.link)))
            self._stop_line(notification, address)
            return
        self.api.run(message(address, heading))
        for opening in openings:
            url = self.url(portal_path("jobs.detail", opening_id=opening.id))
            self.api.run(
                message(
                    address, describe_opening(opening), keyboards.opening_buttons(opening.id, url)
                )
            )
        self._stop_line(notification, address)

    def _stop_line(self, notification: Notification, address: str) -> None:
        """Every job alert ends with how to stop them (a link that needs no login)."""
        stop_path = (notification.params or {}).get("unsubscribe")
        if not stop_path:
            return
        stop = unsubscribe_line(
            notification, reader_locale(notification.user), self.public_url or ""
        )
        url = self.url(stop_path)
        buttons = [[url_button(_("Stop these alerts"), url)]] if url else None
        self.api.run(message(address, stop, buttons))

    def _open_button(self, link: str | None) -> list[list[dict]] | None:
        url = self.url(link)
        return [[url_button(_("Open in Phlov"), url)]] if url else None

    def url(self, path: str | None) -> str | None:
        """The address of a portal path, when PUBLIC_URL is set (Telegram needs a full URL)."""
        return f"{self.public_url}{path}" if path and self.public_url else None


def digest_openings(opening_ids: list) -> list[Opening]:
    """The digest's openings still public, in the digest's (rank) order."""
    ids = [int(i) for i in opening_ids if str(i).isdigit()][:MAX_OPENINGS]
    found = {o.id: o for o in db.session.scalars(select(Opening).where(Opening.id.in_(ids)))}
    return [found[i] for i in ids if i in found and is_public(found[i])]


def describe_opening(opening: Opening) -> str:
    """Title, employer and province, one line each."""
    province = province_name(opening.province_code, str(get_locale() or "km"))
    return "\n".join(part for part in (opening.title, opening.organization.name, province) if part)


def make_transport(config: dict) -> TelegramTransport | None:
    """The transport when TELEGRAM_BOT_TOKEN is set; else the console fallback or none."""
    api = from_config(config)
    if api is None:
        return ConsoleTransport("telegram") if config.get("NOTIFY_FALLBACK") == "console" else None
    return TelegramTransport(api, config.get("PUBLIC_URL"))
