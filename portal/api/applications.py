"""The applications API (Bearer token, counselors and admins): the caseload, one application with
its history, referrals and status changes; the same rules as the HTML pages.

An application, youth or opening the token's user may not see answers 404; a change the
pipeline or the user's role does not allow answers 400 (403 for the role) with a message."""

from __future__ import annotations

from datetime import date, datetime

from flask import g, jsonify, request, url_for
from flask_babel import gettext as _

from portal import audit
from portal.api import bp
from portal.api.auth import api_error, staff_token_required
from portal.clean_input import DATABASE_INT_MAX, database_int
from portal.extensions import db
from portal.jobs.access import get_opening_or_404
from portal.placements import services
from portal.placements.access import get_application_or_404, youth_phone
from portal.placements.caseload import CaseloadFilters, caseload_query
from portal.placements.models import Application, ApplicationStatus
from portal.placements.services import ApplicationError, NotAllowed, StaleMove
from portal.web import page_number
from portal.youth.access import get_youth_or_404

PER_PAGE = 50


class BadRequest(Exception):
    """A parameter or field that is missing or wrong: 400 with its name."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def bad_request(error: BadRequest):
    response, status = api_error(400, "bad_request", error.message)
    return jsonify(response.get_json() | {"field": error.field}), status


REFUSALS = {NotAllowed: (403, "forbidden"), StaleMove: (409, "conflict")}


def refused(error: ApplicationError):
    status, code = REFUSALS.get(type(error), (400, "refused"))
    response, status = api_error(status, code, str(error))
    field = {"field": error.field} if error.field else {}  # no field: the move itself
    return jsonify(response.get_json() | field), status


@bp.get("/applications")
@staff_token_required
def applications_list():
    """Applications the user may see, latest change first: ?status=, ?opening_id=, ?youth_id=."""
    try:
        filters = CaseloadFilters(
            status=_status(request.args.get("status", ""), "status", required=False),
            opening_id=_whole_number(request.args, "opening_id"),
            youth_id=_whole_number(request.args, "youth_id"),
        )
    except BadRequest as error:
        return bad_request(error)
    query = caseload_query(g.api_user, filters)
    found = db.paginate(query, page=page_number(), per_page=PER_PAGE, error_out=False)
    results = [application_json(application) for application in found.items]
    return jsonify(total=found.total, page=found.page, per_page=PER_PAGE, results=results)


@bp.get("/applications/<int:application_id>")
@staff_token_required
def application_detail(application_id: int):
    """One application with its history and the steps the user may take now."""
    application = get_application_or_404(application_id, for_user=g.api_user)
    audit.viewed(  # the answer holds the young person's phone
        application.youth,
        audit.AuditAction.CONTACT_VIEWED,
        subject=application,
        actor=g.api_user,
        via="api",
    )
    return jsonify(detail_json(application))


@bp.post("/applications")
@staff_token_required
def new_referral():
    """Refer a youth to an opening: {"opening_id", "youth_id", "note"} (a note is required)."""
    try:
        body = _json_body()
        opening_id = _whole_number(body, "opening_id", required=True)
        youth_id = _whole_number(body, "youth_id", required=True)
        note = _text(body, "note")
    except BadRequest as error:
        return bad_request(error)
    youth = get_youth_or_404(youth_id, for_user=g.api_user)
    opening = get_opening_or_404(opening_id, for_user=g.api_user)
    try:
        application = services.refer(opening, youth, by=g.api_user, note=note)
    except ApplicationError as error:
        db.session.rollback()
        return refused(error)
    db.session.commit()
    response = jsonify(detail_json(application))
    response.headers["Location"] = url_for(".application_detail", application_id=application.id)
    return response, 201


@bp.route("/applications/<int:application_id>/status", methods=["GET", "POST"])
@staff_token_required
def application_status(application_id: int):
    """GET: the step, the steps the user may take now and the reason codes. POST: move it,
    {"status", "reason_code" (from the list), "reason" (words), "hired_on" (a hire's day),
    "from_status" (the step the client saw: another one now answers 409)}; the same service
    and refusals as the web page."""
    application = get_application_or_404(application_id, for_user=g.api_user)
    if request.method == "GET":
        return jsonify(status_json(application))
    try:
        body = _json_body()
        to_status = _status(body.get("status"), "status", required=True)
        from_status = _status(body.get("from_status"), "from_status", required=False)
        reason_code = _text(body, "reason_code") or None
        reason = _text(body, "reason") or None
        hired_on = _day(body, "hired_on")
    except BadRequest as error:
        return bad_request(error)
    try:
        services.move(
            application,
            to_status,
            by=g.api_user,
            reason_code=reason_code,
            reason=reason,
            day=hired_on,
            from_status=from_status,
        )
    except ApplicationError as error:
        db.session.rollback()
        return refused(error)
    db.session.commit()
    return jsonify(detail_json(application))


# --- reading the request ---------------------------------------------------------------------


def _json_body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadRequest("body", _("Send a JSON object, with Content-Type: application/json."))
    return body


def _whole_number(source, name: str, required: bool = False) -> int | None:
    value = source.get(name)
    if value is None or value == "":
        if required:
            raise BadRequest(name, _("“%(name)s” is missing.", name=name))
        return None
    try:
        if isinstance(value, bool | float):
            raise ValueError(value)
        return database_int(str(value).strip())
    except ValueError:
        raise BadRequest(
            name,
            _(
                "“%(name)s” must be a whole number from 1 to %(max)d.",
                name=name,
                max=DATABASE_INT_MAX,
            ),
        ) from None


def _text(body: dict, name: str) -> str:
    value = body.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest(name, _("“%(name)s” must be text.", name=name))
    return value


def _day(body: dict, name: str) -> date | None:
    value = _text(body, name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(name, _("“%(name)s” must be a day like 2026-12-31.", name=name)) from None


def _status(value, name: str, required: bool) -> ApplicationStatus | None:
    if value in (None, "") and not required:
        return None
    try:
        return ApplicationStatus(value)
    except ValueError:
        names = ", ".join(status.value for status in ApplicationStatus)
        raise BadRequest(
            name, _("“%(name)s” must be one of: %(names)s.", name=name, names=names)
        ) from None


# --- writing the answer ----------------------------------------------------------------------


def application_json(application: Application) -> dict:
    opening, youth = application.opening, application.youth
    return {
        "id": application.id,
        "status": application.status.value,
        "source": application.source.value,
        "opening": {
            "id": opening.id,
            "ref": opening.ref,
            "title": opening.title,
            "organization": opening.organization.name,
        },
        "youth": {
            "id": youth.id,
            "ref": youth.ref,
            "full_name": youth.full_name,
            "gender": youth.gender.value,
            "center_id": youth.center_id,
        },
        "hired_on": _iso(application.hired_on),
        "created_at": _iso(application.created_at),
        "updated_at": _iso(application.updated_at),
    }


def detail_json(application: Application) -> dict:
    youth = application.youth
    return application_json(application) | {
        "youth": application_json(application)["youth"] | {"phone": youth_phone(youth)},
        "message": application.message,
        "referral_note": application.referral_note,
        "referred_by": _user_json(application.referred_by),
        "has_cv": application.cv is not None,
        "history": [
            {
                "from_status": change.from_status.value if change.from_status else None,
                "to_status": change.to_status.value,
                "changed_at": _iso(change.changed_at),
                "changed_by": _user_json(change.changed_by),
                "reason_code": change.reason_code,
                "reason": change.reason,
            }
            for change in application.status_changes
        ],
        "follow_ups": [
            {
                "month": follow_up.month,
                "due_on": _iso(follow_up.due_on),
                "still_employed": follow_up.still_employed,
                "note": follow_up.note,
                "recorded_at": _iso(follow_up.recorded_at),
            }
            for follow_up in application.follow_ups
        ],
        "allowed_moves": [s.value for s in services.allowed_moves(application, g.api_user)],
    }


def status_json(application: Application) -> dict:
    return {
        "status": application.status.value,
        "allowed_moves": [s.value for s in services.allowed_moves(application, g.api_user)],
        "reason_codes": {code: str(label) for code, label in services.REFUSAL_REASONS.items()},
    }


def _user_json(user) -> dict | None:
    return None if user is None else {"id": user.id, "name": user.display_name or user.login_name}


def _iso(value: date | datetime | None) -> str | None:
    """A date as 2026-12-07; a time (kept in UTC, without a zone) as RFC 3339: ...T07:13:44Z."""
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.isoformat() + "Z"
    return value.isoformat() if value is not None else None
