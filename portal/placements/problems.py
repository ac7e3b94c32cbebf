"""A hired young person says she has a problem at work (from her follow-up question in
Telegram): her center's counselors are told, and the serious ones (not paid, ID card taken, not
free to leave) also go into the safety queue counselors already work (safety.reports), as her
report of the opening she was hired for. Flushes; the caller commits."""

from __future__ import annotations

from enum import StrEnum

from portal.audit import AuditAction, record
from portal.notifications.links import portal_path
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from portal.placements.models import FollowUp
from portal.safety import reports
from portal.safety.models import ReportReason
from portal.youth.queries import counselors_of


class WorkProblem(StrEnum):
    UNPAID = "unpaid"
    DOCUMENTS_TAKEN = "documents_taken"
    NOT_FREE_TO_LEAVE = "not_free_to_leave"
    OTHER = "other"


# The serious ones, and the reason they carry in the safety queue.
SAFETY_REASONS = {
    WorkProblem.UNPAID: ReportReason.NOT_PAID,
    WorkProblem.DOCUMENTS_TAKEN: ReportReason.KEPT_DOCUMENTS,
    WorkProblem.NOT_FREE_TO_LEAVE: ReportReason.NOT_FREE_TO_LEAVE,
}


def report_work_problem(follow_up: FollowUp, problem: WorkProblem | str, *, via: str) -> int:
    """Tell her counselors about `problem` at the job of `follow_up`, and report the opening
    for a serious one. Returns how many counselors were told."""
    problem = WorkProblem(problem)
    application = follow_up.application
    youth, opening = application.youth, application.opening
    params = {
        "youth_name": youth.full_name,
        "employer": opening.organization.name,
        "problem": str(problem),
        "application_id": application.id,
    }
    told = 0
    for counselor in counselors_of(youth):
        told += (
            notify(
                counselor,
                NotificationKind.WORK_PROBLEM,
                params,
                link=portal_path("youth.detail", youth_id=youth.id),
                dedupe_key=f"work_problem:{follow_up.id}:{problem}",  # a second tap: no one
            )
            is not None
        )
    if problem in SAFETY_REASONS:
        reports.report(
            opening,
            SAFETY_REASONS[problem],
            "",
            user=youth.user,
            key=reports.reporter_key(f"{via}:{youth.user_id}"),
        )
    record(
        AuditAction.WORK_PROBLEM_REPORTED,
        actor=youth.user,
        subject=application,
        youth=youth,
        detail={"problem": str(problem), "via": via, "counselors": told},
    )
    return told
