"""Which notifications each role can get, and the names of the channels."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.auth.models import Role, User
from portal.notifications.models import NotificationKind as Kind

KINDS_BY_ROLE = {
    Role.YOUTH: (
        Kind.STATUS_CHANGE,
        Kind.INTERVIEW,
        Kind.APPLICATION_EXPIRY,
        Kind.NEW_SUGGESTIONS,
        Kind.PROFILE_UNUSED,
    ),
    Role.EMPLOYER: (
        Kind.NEW_APPLICATION,
        Kind.CLOSING_REMINDER,
        Kind.OPENING_REVIEWED,
        Kind.ORGANIZATION_REVIEWED,
    ),
    Role.COUNSELOR: (
        Kind.STATUS_CHANGE,
        Kind.NEW_APPLICATION,
        Kind.FOLLOW_UP_DUE,
        Kind.REPORT_BURST,
        Kind.WORK_PROBLEM,
    ),
    Role.ADMIN: (
        Kind.STATUS_CHANGE,
        Kind.NEW_APPLICATION,
        Kind.FOLLOW_UP_DUE,
        Kind.REPORT_BURST,
        Kind.WORK_PROBLEM,
    ),
}

CHANNEL_LABELS = {
    "portal": _l("Here in Phlov"),
    "email": _l("E-mail"),
    "sms": _l("SMS"),
    "telegram": _l("Telegram"),
}


def kinds_for(user: User) -> tuple[Kind, ...]:
    """The kinds of notification a user of this role can get."""
    return KINDS_BY_ROLE.get(user.role, ())
