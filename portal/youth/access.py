"""Who may open which youth profile: the one place that decides, for every view."""

from __future__ import annotations

from flask import abort

from portal.auth.models import Role, User
from portal.extensions import db
from portal.youth.models import YouthProfile


def can_see_youth(profile: YouthProfile, user: User) -> bool:
    """Admins see every profile, counselors their center's, a young person their own."""
    if not user.is_authenticated:
        return False
    if user.role == Role.ADMIN:
        return True
    if user.role == Role.COUNSELOR:
        return profile.center_id is not None and profile.center_id == user.center_id
    if user.role == Role.YOUTH:
        return profile.user_id == user.id
    return False


def get_youth_or_404(youth_id: int, for_user: User) -> YouthProfile:
    """The profile if `for_user` may see it; 404 otherwise, so other centers' youth stay unknown."""
    profile = db.session.get(YouthProfile, youth_id)
    if profile is None or not can_see_youth(profile, for_user):
        abort(404)
    return profile
