"""Delivery reports: the gateway tells, after the fact, whether a message reached the phone.
Each is recorded on its NotificationDelivery (found by the provider's message id): delivered or
failed, and when. Reports of a message on its way ("buffered", "sent") change nothing."""

from __future__ import annotations

from collections.abc import Mapping

from flask import current_app
from sqlalchemy import select

from portal.extensions import db, utcnow
from portal.notifications.models import DeliveryReport, NotificationDelivery
from portal.sms.gateway import ID_FIELDS

# The words gateways use (Kannel's DLR codes 1 and 2/16, SMPP's DELIVRD, UNDELIV...), lowercased.
DELIVERED_WORDS = frozenset({"delivered", "delivrd", "success", "successful", "1"})
FAILED_WORDS = frozenset(
    {"failed", "undeliv", "undelivered", "undeliverable", "rejectd", "rejected", "expired",
     "error", "2", "16"}
)  # fmt: skip


def outcome(word: str | None) -> DeliveryReport | None:
    """Delivered, failed, or None for a step on the way."""
    word = (word or "").strip().lower()
    if word in DELIVERED_WORDS:
        return DeliveryReport.DELIVERED
    if word in FAILED_WORDS:
        return DeliveryReport.FAILED
    return None


def message_id(fields: Mapping[str, str]) -> str | None:
    name = current_app.config.get("SMS_REPORT_ID_FIELD")
    for key in (name,) if name else ID_FIELDS:
        if fields.get(key):
            return str(fields[key])[:100]
    return None


def record(fields: Mapping[str, str]) -> NotificationDelivery | None:
    """Keep what the report says on its SMS copy; None when it names no copy of ours or no
    outcome yet. Flushes; the view commits."""
    provider_id = message_id(fields)
    result = outcome(fields.get(current_app.config["SMS_REPORT_STATUS_FIELD"]))
    if provider_id is None or result is None:
        return None
    delivery = db.session.scalar(
        select(NotificationDelivery).where(
            NotificationDelivery.channel == "sms",
            NotificationDelivery.provider_message_id == provider_id,
        )
    )
    if delivery is None:
        return None
    delivery.report = result
    delivery.reported_at = utcnow()
    db.session.flush()
    return delivery
