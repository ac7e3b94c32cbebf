"""The gateway's delivery reports (a machine's callback, guarded by a secret) and the admins'
page of today's SMS: what they cost against the cap, what waits for tomorrow, what arrived."""

from __future__ import annotations

import hmac
import logging

from flask import Blueprint, abort, current_app, jsonify, render_template, request

from portal.auth.permissions import admin_required
from portal.extensions import csrf, db, limiter
from portal.sms import budget, reports

bp = Blueprint("sms", __name__)
log = logging.getLogger(__name__)
SECRET_HEADER = "X-Delivery-Report-Secret"


def _secret_ok(given: str | None) -> bool:
    """The configured secret, compared in constant time; with none configured, nothing passes."""
    expected = current_app.config.get("SMS_DELIVERY_REPORT_SECRET")
    if not expected:
        abort(404)
    return hmac.compare_digest((given or "").encode(), expected.encode())


@bp.route("/sms/delivery-report", methods=["POST"])
@bp.route("/sms/delivery-report/<secret>", methods=["POST"])
@csrf.exempt
@limiter.limit("30 per minute", deduct_when=lambda response: response.status_code == 403)
def delivery_report(secret: str | None = None):
    """The gateway posts a report (form, JSON or query fields); the secret is in the address or
    the X-Delivery-Report-Secret header. Anything else is refused (403)."""
    if not _secret_ok(secret or request.headers.get(SECRET_HEADER)):
        log.warning("sms_report_refused", extra={"event": "sms_report_refused"})
        abort(403)
    fields = {**request.args.to_dict(), **request.form.to_dict()}
    body = request.get_json(silent=True)
    if isinstance(body, dict):
        fields.update({key: str(value) for key, value in body.items()})
    delivery = reports.record(fields)
    db.session.commit()
    return jsonify(recorded=delivery is not None)


@bp.route("/admin/sms")
@admin_required
def usage():
    return render_template("sms/usage.html", usage=budget.usage())
