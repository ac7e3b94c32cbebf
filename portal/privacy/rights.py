"""A young person's own data, gathered for her download (JSON and a printable page).

Only what is hers or about her: her profile and account, her applications with their history
(the reasons given, the counselor's referral note that the employer read), saved openings, her
notifications, her consent history and the audit events about her (who did what, by role).
Never someone else's: not other applicants, not staff names or their working notes (follow-up
notes), not employers' data beyond the opening's title and organization."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from portal.audit import AuditAction, AuditEvent
from portal.cv.privacy import cv_data
from portal.extensions import db
from portal.interviews.services import history as interview_history
from portal.notifications.models import Notification
from portal.placements.models import Application, SavedOpening
from portal.youth.models import YouthProfile


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def personal_data(profile: YouthProfile) -> dict:
    """Everything Phlov keeps about `profile`'s young person, as plain JSON values."""
    return {
        "profile": _profile(profile),
        "cv": cv_data(profile),
        "account": _account(profile),
        "applications": [_application(a) for a in _applications(profile)],
        "saved_openings": [
            {"opening": saved.opening.title, "saved_at": _iso(saved.saved_at)}
            for saved in db.session.scalars(
                select(SavedOpening).where(SavedOpening.youth_id == profile.id)
            )
        ],
        "notifications": _notifications(profile),
        "consent_history": [
            {"at": _iso(e.at), "given": bool(e.detail.get("given")), "by": e.actor_role}
            for e in _events(profile)
            if e.action == AuditAction.CONSENT_CHANGED
        ],
        "audit_events": [
            {"at": _iso(e.at), "action": e.action, "by": e.actor_role} for e in _events(profile)
        ],
    }


def _profile(profile: YouthProfile) -> dict:
    return {
        "full_name": profile.full_name,
        "gender": str(profile.gender),
        "date_of_birth": _iso(profile.date_of_birth),
        "phone": profile.phone,
        "province": profile.province_code,
        "district": profile.district_code,
        "education_level": str(profile.education_level) if profile.education_level else None,
        "skills": list(profile.skills or []),
        "languages": list(profile.languages or []),
        "wanted_kinds": list(profile.wanted_kinds or []),
        "work_provinces": list(profile.work_provinces or []),
        "consent_to_share": profile.consent_to_share,
        "consent_at": _iso(profile.consent_at),
        "center": profile.center.name if profile.center else None,
        "center_ref": profile.ref,
        "created_at": _iso(profile.created_at),
        "erasure_requested_at": _iso(profile.erasure_requested_at),
    }


def _account(profile: YouthProfile) -> dict | None:
    user = profile.user
    if user is None:
        return None
    return {
        "email": user.email,
        "phone": user.phone,
        "language": user.locale,
        "created_at": _iso(user.created_at),
        "last_login_at": _iso(user.last_login_at),
        "notification_settings": user.notification_settings or {},
    }


def _applications(profile: YouthProfile) -> list[Application]:
    return list(
        db.session.scalars(
            select(Application)
            .where(Application.youth_id == profile.id)
            .order_by(Application.created_at)
        )
    )


def _application(application: Application) -> dict:
    return {
        "opening": application.opening.title,
        "organization": application.opening.organization.name,
        "source": str(application.source),
        "status": str(application.status),
        "message": application.message,
        "referral_note": application.referral_note,
        "cv": application.cv.filename if application.cv else None,
        "hired_on": _iso(application.hired_on),
        "created_at": _iso(application.created_at),
        "history": [
            {
                "at": _iso(change.changed_at),
                "from": str(change.from_status) if change.from_status else None,
                "to": str(change.to_status),
                "reason_code": change.reason_code,
                "reason": change.reason,
            }
            for change in application.status_changes
        ],
        "follow_ups": [
            {"month": f.month, "due_on": _iso(f.due_on), "still_employed": f.still_employed}
            for f in application.follow_ups
        ],
        "interviews": [_interview(i) for i in reversed(interview_history(application))],
    }


def _interview(interview) -> dict:
    """Each day and place set for her interview (portal/interviews), the earlier ones too."""
    return {
        "starts_at": _iso(interview.starts_at),
        "place": interview.place,
        "map_url": interview.map_url,
        "ask_for": interview.ask_for,
        "bring": interview.bring,
        "replaced_at": _iso(interview.replaced_at),
    }


def _notifications(profile: YouthProfile) -> list[dict]:
    if profile.user_id is None:
        return []
    rows = db.session.scalars(
        select(Notification)
        .where(Notification.user_id == profile.user_id)
        .order_by(Notification.created_at)
    )
    return [
        {"kind": str(n.kind), "created_at": _iso(n.created_at), "read_at": _iso(n.read_at)}
        | {"details": dict(n.params or {})}
        for n in rows
    ]


def _events(profile: YouthProfile) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            select(AuditEvent).where(AuditEvent.youth_id == profile.id).order_by(AuditEvent.at)
        )
    )
