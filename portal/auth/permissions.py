"""Role checks declared next to each route, answered on the server."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user

from portal.auth.models import Role
from portal.extensions import login_manager


def role_required(*roles: Role) -> Callable:
    """Only logged-in users with one of `roles` pass: others log in first or get 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


staff_required = role_required(Role.COUNSELOR, Role.ADMIN)
admin_required = role_required(Role.ADMIN)
youth_required = role_required(Role.YOUTH)
employer_required = role_required(Role.EMPLOYER)
