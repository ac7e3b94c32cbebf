"""What a notification says: a short title and one line, made when it is shown or sent, in the
reader's language, from its kind and params (never stored as text)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from flask import current_app
from flask_babel import force_locale, format_date, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.auth.models import User
from portal.interviews.wording import YOUTH_REASON_WORDS, application_expiry_text, interview_text
from portal.notifications.models import Notification, NotificationKind

FALLBACK_LOCALE = "km"  # most readers: young people at a center in Cambodia

APPLICATION_STATUS_LABELS = {
    "applied": _l("Applied"),
    "referred": _l("Referred by a counselor"),
    "shortlisted": _l("Shortlisted"),
    "interview": _l("Invited to an interview"),
    "hired": _l("Hired"),
    "not_selected": _l("Not selected"),
    "withdrawn": _l("Withdrawn"),
}


@dataclass(frozen=True)
class Text:
    title: str
    line: str


def reader_locale(user: User | None) -> str:
    """The user's saved language, else the site's default (Khmer). No user: a profile without
    an account, whose language is the site's default."""
    languages = current_app.config.get("LANGUAGES", ["km", "en"])
    if user is not None and user.locale in languages:
        return user.locale
    return current_app.config.get("DEFAULT_LANGUAGE") or FALLBACK_LOCALE


def describe(notification: Notification, locale: str) -> Text:
    """Title and one line of `notification` in `locale` (missing params never raise)."""
    with force_locale(locale):
        params = _Params(notification.params or {})
        write = _WRITERS.get(str(notification.kind), _unknown)
        title, line = write(params)
        return Text(str(title), str(line))


class _Params(dict):
    """The stored params; a missing one reads as an empty string."""

    def __missing__(self, key: str) -> str:
        return ""


def _day(value: str) -> str:
    try:
        return format_date(date.fromisoformat(value), "medium")
    except (TypeError, ValueError):
        return value or ""


def _status_change(p: _Params) -> tuple[str, str]:
    label = APPLICATION_STATUS_LABELS.get(p["status"], p["status"])
    if p["reason_code"] in YOUTH_REASON_WORDS:  # "did not come", kindly (portal/interviews)
        why = YOUTH_REASON_WORDS[p["reason_code"]]
        return _("Your application changed"), _(
            "“%(title)s”: %(why)s", title=p["opening_title"], why=why
        )
    return _("Your application changed"), _(
        "“%(title)s”: %(status)s.", title=p["opening_title"], status=label
    )


def _new_application(p: _Params) -> tuple[str, str]:
    if p["source"] == "referred":
        return _("New referral"), _(
            "A counselor sent %(name)s for “%(title)s”.",
            name=p["youth_name"],
            title=p["opening_title"],
        )
    if p["source"] == "abroad":  # a youth of the counselor's center (portal/safety)
        return _("Applied to work abroad"), _(
            "%(name)s applied for “%(title)s” in %(country)s. Talk with them before they go.",
            name=p["youth_name"],
            title=p["opening_title"],
            country=p["country"] or _("another country"),
        )
    return _("New applicant"), _(
        "%(name)s applied for “%(title)s”.", name=p["youth_name"], title=p["opening_title"]
    )


def _opening_reviewed(p: _Params) -> tuple[str, str]:
    title = p["opening_title"]
    if p["decision"] == "approved":
        return _("Your opening is published"), _(
            "“%(title)s” is public now. Young people can see it.", title=title
        )
    if p["decision"] in _SAFETY_CHECKS:  # visitors' reports (portal/safety/reports.py)
        return _SAFETY_CHECKS[p["decision"]](title, p["reason"])
    if p["decision"] == "declined":
        return _("Your opening was declined"), _(
            "“%(title)s” was declined: %(reason)s", title=title, reason=p["reason"]
        )
    return _("Your opening was sent back"), _(
        "“%(title)s” needs a change: %(reason)s", title=title, reason=p["reason"]
    )


_SAFETY_CHECKS = {
    "being_checked": lambda title, reason: (
        _("Your opening is being checked"),
        _("People reported “%(title)s”. It is hidden until a counselor checks it.", title=title),
    ),
    "check_passed": lambda title, reason: (
        _("Your opening is public again"),
        _("A counselor checked “%(title)s”: it is fine and public again.", title=title),
    ),
    "closed_after_check": lambda title, reason: (
        _("Your opening was closed"),
        _(
            "A counselor checked reports and closed “%(title)s”: %(reason)s",
            title=title,
            reason=reason,
        ),
    ),
}


def _organization_reviewed(p: _Params) -> tuple[str, str]:
    if p["decision"] == "verified":
        return _("Your organization is verified"), _(
            "%(name)s is verified. Young people can see your openings now.", name=p["organization"]
        )
    return _("Your organization is not verified"), _(
        "%(name)s is not verified: %(reason)s", name=p["organization"], reason=p["reason"]
    )


def _closing_reminder(p: _Params) -> tuple[str, str]:
    return _("Your opening closes soon"), _(
        "“%(title)s” closes on %(date)s.", title=p["opening_title"], date=_day(p["closing_date"])
    )


def _follow_up_due(p: _Params) -> tuple[str, str]:
    try:
        months = int(p["month"])
    except (TypeError, ValueError):
        months = 1
    return _("Follow-up due"), ngettext(
        "Ask %(name)s if they still have the job, %(num)d month after the hire (by %(date)s).",
        "Ask %(name)s if they still have the job, %(num)d months after the hire (by %(date)s).",
        months,
        name=p["youth_name"],
        date=_day(p["due_on"]),
    )


def _new_suggestions(p: _Params) -> tuple[str, str]:
    try:
        count = int(p["count"])
    except (TypeError, ValueError):
        count = 1
    titles = [str(t) for t in (p["titles"] or [])][:NAMED_IN_DIGEST]
    if not titles:
        return _("New openings for you"), ngettext(
            "%(num)d new opening fits you.", "%(num)d new openings fit you.", count
        )
    named = ", ".join(titles) + ("…" if count > len(titles) else "")
    return _("New openings for you"), ngettext(
        "%(num)d new opening for you: %(titles)s",
        "%(num)d new openings for you: %(titles)s",
        count,
        titles=named,
    )


NAMED_IN_DIGEST = 3  # job alerts (portal/alerts): the line stays short enough for an SMS


def unsubscribe_line(notification: Notification, locale: str, base_url: str) -> str | None:
    """The line that ends every job alert: how to stop them (no login needed)."""
    path = (notification.params or {}).get("unsubscribe")
    if not path:
        return None
    with force_locale(locale):
        return _("Stop these alerts: %(url)s", url=base_url + path)


def _profile_unused(p: _Params) -> tuple[str, str]:
    return _("Your profile will be erased"), _(
        "You have not used Phlov for two years. Log in before %(date)s to keep your profile; "
        "otherwise your name, phone and CVs will be erased.",
        date=_day(p["anonymise_on"]),
    )


def _account_recovery(p: _Params) -> tuple[str, str]:
    title = _("Get back into your Phlov account")
    if p["url"]:
        return title, _(
            "To choose a new password, open this link within 30 minutes: %(url)s If you did not "
            "ask for it, ignore this message.",
            url=p["url"],
        )
    if p["code"]:
        return title, _(
            "Your code to choose a new password: %(code)s. It works for 30 minutes. Never give "
            "it to anyone.",
            code=p["code"],
        )
    return title, _("You asked to choose a new password.")


def _phone_confirmation(p: _Params) -> tuple[str, str]:
    title = _("Phlov code")
    if p["code"]:
        return title, _(
            "Your Phlov code is %(code)s. It confirms your phone and works for %(minutes)s "
            "minutes. Never give it to anyone.",
            code=p["code"],
            minutes=p["minutes"] or "15",
        )
    return title, _("You asked for a code to confirm your phone.")


def _report_burst(p: _Params) -> tuple[str, str]:
    try:
        count, minutes = int(p["count"]), int(p["minutes"])
    except (TypeError, ValueError):
        count, minutes = 3, 60
    return _("Many reports on one organization"), ngettext(
        "%(num)d openings of %(name)s were reported within %(minutes)d minutes by visitors or "
        "new accounts. These reports hide nothing: please check them.",
        "%(num)d openings of %(name)s were reported within %(minutes)d minutes by visitors or "
        "new accounts. These reports hide nothing: please check them.",
        count,
        name=p["organization"],
        minutes=minutes,
    )


def _follow_up_question(p: _Params) -> tuple[str, str]:
    return _("A question from your center"), _(
        "Are you still working at %(employer)s?", employer=p["employer"] or p["opening_title"]
    )


WORK_PROBLEM_LABELS = {
    "unpaid": _l("They do not pay me"),
    "documents_taken": _l("They took my ID card"),
    "not_free_to_leave": _l("They do not let me leave"),
    "other": _l("Something else"),
}


def _work_problem(p: _Params) -> tuple[str, str]:
    problem = WORK_PROBLEM_LABELS.get(p["problem"], WORK_PROBLEM_LABELS["other"])
    return _("A young person has a problem at work"), _(
        "%(name)s, hired at %(employer)s, says: “%(problem)s”. Please contact them soon.",
        name=p["youth_name"],
        employer=p["employer"],
        problem=problem,
    )


def _claim_code(p: _Params) -> tuple[str, str]:
    # Short: an SMS in Khmer holds 70 letters, and the link to the claim page follows it.
    title = _("Your Phlov profile")
    if p["code"]:
        return title, _(
            "Phlov: your code is %(code)s. Open the link and sign up with it. It works 30 days.",
            code=p["code"],
        )
    return title, _("Your center gave you a code to sign up to Phlov.")


def _unknown(p: _Params) -> tuple[str, str]:
    return _("News"), _("Something changed. Open to see.")


_WRITERS: dict[str, Callable[[_Params], tuple[str, str]]] = {
    NotificationKind.STATUS_CHANGE: _status_change,
    NotificationKind.NEW_APPLICATION: _new_application,
    NotificationKind.OPENING_REVIEWED: _opening_reviewed,
    NotificationKind.ORGANIZATION_REVIEWED: _organization_reviewed,
    NotificationKind.CLOSING_REMINDER: _closing_reminder,
    NotificationKind.FOLLOW_UP_DUE: _follow_up_due,
    NotificationKind.NEW_SUGGESTIONS: _new_suggestions,
    NotificationKind.PROFILE_UNUSED: _profile_unused,
    NotificationKind.ACCOUNT_RECOVERY: _account_recovery,
    NotificationKind.REPORT_BURST: _report_burst,
    NotificationKind.FOLLOW_UP_QUESTION: _follow_up_question,
    NotificationKind.WORK_PROBLEM: _work_problem,
    NotificationKind.PHONE_CONFIRMATION: _phone_confirmation,
    NotificationKind.CLAIM_CODE: _claim_code,
    NotificationKind.INTERVIEW: interview_text,
    NotificationKind.APPLICATION_EXPIRY: application_expiry_text,
}

KIND_LABELS = {
    NotificationKind.STATUS_CHANGE: _l("My applications change"),
    NotificationKind.NEW_APPLICATION: _l("Someone applies or is referred"),
    NotificationKind.NEW_SUGGESTIONS: _l("New openings fit me"),
    NotificationKind.CLOSING_REMINDER: _l("An opening closes soon"),
    NotificationKind.OPENING_REVIEWED: _l("A counselor checked an opening"),
    NotificationKind.ORGANIZATION_REVIEWED: _l("A counselor checked the organization"),
    NotificationKind.FOLLOW_UP_DUE: _l("A follow-up is due"),
    NotificationKind.PROFILE_UNUSED: _l("My unused profile will be erased"),
    NotificationKind.REPORT_BURST: _l("Many reports on one organization"),
    NotificationKind.WORK_PROBLEM: _l("A young person has a problem at work"),
    NotificationKind.INTERVIEW: _l("My interviews: the invitation and a reminder the day before"),
    NotificationKind.APPLICATION_EXPIRY: _l("An application of mine closes for lack of news"),
}
