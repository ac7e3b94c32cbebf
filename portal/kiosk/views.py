"""Kiosk pages: set a shared computer up (staff), "Done", and the idle check of every page."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.auth.permissions import staff_required
from portal.kiosk.device import kiosk_center, make_kiosk, stop_kiosk
from portal.kiosk.forms import KioskForm
from portal.kiosk.idle import end_session, guard_kiosk, idle_seconds_left, kiosk_page
from portal.kiosk.services import kiosk_centers_for
from portal.web import render_form, safe_next

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")
bp.before_app_request(guard_kiosk)


@bp.app_context_processor
def kiosk_globals() -> dict:
    return {"kiosk": kiosk_page()}


@bp.route("")
@staff_required
def setup():
    form = KioskForm(kiosk_centers_for(current_user))
    return render_form("kiosk/setup.html", form, current=kiosk_center())


@bp.post("/start")
@staff_required
def start():
    centers = kiosk_centers_for(current_user)
    form = KioskForm(centers)
    if not form.validate_on_submit():
        return render_form("kiosk/setup.html", form, current=kiosk_center())
    center = next(c for c in centers if c.id == form.center_id.data)  # one of the choices
    flash(_("This computer is now a kiosk of %(center)s.", center=center.name), "success")
    response = redirect(url_for("kiosk.setup"))
    make_kiosk(response, center)
    return response


@bp.post("/stop")
@staff_required
def stop():
    flash(_("This computer is no longer a kiosk."), "success")
    response = redirect(url_for("kiosk.setup"))
    stop_kiosk(response)
    return response


@bp.post("/done")
def done():
    """The big "Done" button: log out and leave the computer clean for the next person."""
    message = _("You are logged out. Thank you!")
    end_session()
    flash(message, "success")
    return redirect(url_for("main.home"))


@bp.get("/idle")
def idle():
    """Where a kiosk page refreshes to. An idle user was logged out before reaching here (see
    guard_kiosk); anyone else is shown that they are still logged in, never logged out early."""
    left = idle_seconds_left()
    if left is None:
        return redirect(url_for("main.home"))
    back = safe_next(request.args.get("next")) or url_for("main.home")
    return render_template("kiosk/still_here.html", back=back)
