"""The kiosk cookie: which center's shared computer this browser is, signed by the app."""

from __future__ import annotations

from flask import current_app, g, has_request_context, request
from itsdangerous import BadSignature, URLSafeSerializer
from werkzeug.wrappers import Response

from portal.centers.models import Center
from portal.extensions import db

COOKIE_NAME = "phlov_kiosk"
COOKIE_MAX_AGE = 400 * 24 * 3600  # the longest browsers keep a cookie
_SALT = "phlov.kiosk"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def kiosk_center() -> Center | None:
    """The center whose kiosk this browser is, when that center has kiosk mode on."""
    if not has_request_context():
        return None
    if "kiosk_center" not in g:
        g.kiosk_center = _read_cookie()
    return g.kiosk_center


def _read_cookie() -> Center | None:
    value = request.cookies.get(COOKIE_NAME)
    if not value:
        return None
    try:
        center_id = _serializer().loads(value)
    except BadSignature:
        return None  # altered or forged: this browser is no kiosk
    if not isinstance(center_id, int):
        return None
    center = db.session.get(Center, center_id)
    return center if center is not None and center.kiosk_mode else None


def make_kiosk(response: Response, center: Center) -> None:
    """Turn this browser into a kiosk of `center` (HttpOnly, SameSite=Lax, about a year)."""
    response.set_cookie(
        COOKIE_NAME,
        _serializer().dumps(center.id),
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
    )


def stop_kiosk(response: Response) -> None:
    response.delete_cookie(COOKIE_NAME, httponly=True, samesite="Lax")
