"""What a young person reads about her interview and her idle applications: short, plain, with
the date and time in Cambodian time and in her digits (Khmer digits for a Khmer reader). Used by
the notifications (portal/notifications/texts.py) and by the pages."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.i18n import local_time, localise_digits

# How the reasons an application ended read for the young person herself (kinder than the
# employer's list: she was not "refused" for an employer's silence).
YOUTH_REASON_WORDS = {
    "no_show": _l(
        "The employer noted that you did not come to the interview. If something stopped you, "
        "tell your counselor: they can help."
    ),
    "not_reachable": _l("The employer could not reach you. Check that your phone number is right."),
    "expired": _l("No news for 60 days, so Phlov closed it. It is not about you."),
}


def interview_day(moment: datetime) -> str:
    """The interview's day in Cambodia, in the reader's words and digits: "Tue 8 Dec"."""
    return localise_digits(format_date(local_time(moment).date(), "EEE d MMM"))


def interview_clock(moment: datetime) -> str:
    """The interview's time in Cambodia, 24-hour, in the reader's digits: "09:00"."""
    return localise_digits(local_time(moment).strftime("%H:%M"))


def interview_when(moment: datetime) -> str:
    """Day and time: "Tue 8 Dec, 09:00" (Khmer: the same in Khmer words and digits)."""
    return _("%(day)s, %(time)s", day=interview_day(moment), time=interview_clock(moment))


def _moment(params: Mapping) -> datetime | None:
    try:
        return datetime.fromisoformat(str(params.get("starts_at") or ""))
    except ValueError:
        return None


def interview_text(params: Mapping) -> tuple[str, str]:
    """A notification about an interview: set ("invited"), changed ("moved"), or the reminder
    ("tomorrow", "today"). Both the title and the line hold the day and time: an SMS too short
    for everything keeps one or the other (portal/sms/compose.py), never neither."""
    moment = _moment(params)
    when = interview_when(moment) if moment else ""
    clock = interview_clock(moment) if moment else ""
    stage = params.get("stage")
    if stage == "tomorrow":
        title = _("Interview tomorrow, %(time)s", time=clock)
    elif stage == "today":
        title = _("Interview today, %(time)s", time=clock)
    elif stage == "moved":
        title = _("Your interview moved: %(when)s", when=when)
    else:
        title = _("Interview: %(when)s", when=when)
    return title, interview_details(params)


def interview_details(params: Mapping) -> str:
    """Wed 10 Dec, 09:00: “Cook” at Hotel Sokha. Place: ... Ask for: ... Bring: ... (empty
    parts left out)."""
    moment = _moment(params)
    parts = [
        _(
            "%(when)s: “%(title)s” at %(employer)s.",
            when=interview_when(moment) if moment else "",
            title=params.get("opening_title") or "",
            employer=params.get("employer") or "",
        ),
        _("Place: %(place)s.", place=params.get("place") or ""),
    ]
    if params.get("ask_for"):
        parts.append(_("Ask for: %(name)s.", name=params["ask_for"]))
    if params.get("bring"):
        parts.append(_("Bring: %(things)s.", things=params["bring"]))
    return " ".join(parts)


def application_expiry_text(params: Mapping) -> tuple[str, str]:
    """The warning a week before an idle application closes, and the closing itself."""
    title = params.get("opening_title") or ""
    if params.get("stage") == "closed":
        return _("Your application was closed"), _(
            "“%(title)s”: no news for 60 days, so Phlov closed it. It is not about you. "
            "Look at other openings, or ask your counselor.",
            title=title,
        )
    try:
        closes_on = format_date(date.fromisoformat(str(params.get("closes_on"))), "d MMM")
    except ValueError:
        closes_on = ""
    return _("Your application will close soon"), _(
        "“%(title)s”: no news for 7 weeks. It closes on %(date)s if nothing happens. "
        "Ask your counselor if you want help.",
        title=title,
        date=localise_digits(closes_on),
    )
