"""Notifications that name a young person, for readers who may no longer know her name."""

from __future__ import annotations

from sqlalchemy import select

from portal.auth.models import Role, User
from portal.extensions import db
from portal.notifications.models import Notification, NotificationKind
from portal.placements.models import Application
from portal.youth.models import YouthProfile

NAMED_KINDS = (NotificationKind.NEW_APPLICATION, NotificationKind.FOLLOW_UP_DUE)
NO_NAME = "—"


def employers_of(profile: YouthProfile) -> set[int]:
    """The employer accounts of the organizations she applied to or was referred to."""
    applications = db.session.scalars(select(Application).where(Application.youth_id == profile.id))
    return {
        member.id
        for application in applications
        for member in application.opening.organization.members
        if member.role == Role.EMPLOYER
    }


def staff_of(profile: YouthProfile) -> set[int]:
    if profile.center_id is None:
        return set()
    return set(db.session.scalars(select(User.id).where(User.center_id == profile.center_id)))


def forget_name(name: str, readers: set[int]) -> int:
    """Replace `name` in the notifications of `readers` that name a young person; how many."""
    if not readers:
        return 0
    changed = 0
    for notification in db.session.scalars(
        select(Notification).where(
            Notification.user_id.in_(readers), Notification.kind.in_(NAMED_KINDS)
        )
    ):
        if (notification.params or {}).get("youth_name") == name:
            notification.params = dict(notification.params) | {"youth_name": NO_NAME}
            changed += 1
    return changed
