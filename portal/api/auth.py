"""Bearer-token access to the API for counselors and admins. Session cookies do not count:
a browser logged in to the portal gets no further here than an anonymous one."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import g, jsonify, request
from flask_babel import gettext as _

from portal.auth.models import Role, User
from portal.auth.tokens import TokenExpired, use_token


def api_error(status: int, code: str, message: str):
    """A JSON error answer: {"error": code, "message": words for people}."""
    return jsonify(error=code, message=message), status


def _unauthorized(message: str):
    response, status = api_error(401, "unauthorized", message)
    response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return response, status


def _bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def token_required(*roles: Role) -> Callable:
    """Only a live token of an active account with one of `roles` passes (401 without a valid
    token, 403 for other roles); its user is `g.api_user` for the request."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            raw = _bearer_token()
            if raw is None:
                return _unauthorized(_("Send your API token as 'Authorization: Bearer <token>'."))
            try:
                token = use_token(raw)
            except TokenExpired as expired:
                return _unauthorized(
                    _(
                        "This API token expired on %(date)s. Ask for a new one.",
                        date=f"{expired.expired_at:%Y-%m-%d}",
                    )
                )
            if token is None:
                return _unauthorized(_("This API token is unknown or was revoked."))
            user: User = token.user
            if not user.active or user.role not in roles:
                return api_error(
                    403, "forbidden", _("This account may not use this part of the API.")
                )
            g.api_user = user
            return view(*args, **kwargs)

        return wrapped

    return decorator


staff_token_required = token_required(Role.COUNSELOR, Role.ADMIN)
