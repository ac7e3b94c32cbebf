"""The audit trail in the reader's words: a label per action, role and subject, and the few
facts of an event (from which step to which, what was exported) as a short phrase."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.audit.models import AuditAction, AuditEvent

A = AuditAction
ACTION_LABELS = {
    A.LOGIN: _l("Logged in"),
    A.LOGIN_FAILED: _l("Failed login"),
    A.LOGOUT: _l("Logged out"),
    A.PASSWORD_CHANGED: _l("Password changed"),
    A.PASSWORD_RESET_REQUESTED: _l("Asked to reset the password"),
    A.PASSWORD_RESET: _l("Password reset"),
    A.RECOVERY_CODE_ISSUED: _l("Recovery code given"),
    A.TWO_FACTOR_ENABLED: _l("Two-step login switched on"),
    A.TWO_FACTOR_DISABLED: _l("Two-step login switched off"),
    A.SESSIONS_ENDED: _l("Logged out on every device"),
    A.ACCOUNT_CREATED: _l("Account created"),
    A.ACCOUNT_CHANGED: _l("Account changed"),
    A.ACCOUNT_DEACTIVATED: _l("Account switched off"),
    A.TOKEN_ISSUED: _l("API token issued"),
    A.TOKEN_REVOKED: _l("API tokens revoked"),
    A.PROFILE_VIEWED: _l("Profile opened"),
    A.CONTACT_VIEWED: _l("Contact details seen"),
    A.CV_VIEWED: _l("CV downloaded"),
    A.CV_RELEASED: _l("CV released to the employer"),
    A.EXPORTED: _l("Exported"),
    A.APPLICATION_STATUS: _l("Application step changed"),
    A.REFERRAL: _l("Referral"),
    A.ORGANIZATION_VERIFIED: _l("Organization verified"),
    A.ORGANIZATION_REJECTED: _l("Organization turned down"),
    A.OPENING_DECIDED: _l("Decision on an opening"),
    A.REPORT_DECIDED: _l("Decision on reports"),
    A.OPENING_HIDDEN_BY_REPORTS: _l("Opening hidden by reports"),
    A.REPORT_BURST: _l("Many reports on one organization"),
    A.CONSENT_CHANGED: _l("Consent changed"),
    A.DATA_DOWNLOADED: _l("Data downloaded"),
    A.ERASURE_REQUESTED: _l("Asked to erase the data"),
    A.ERASURE_CONFIRMED: _l("Erasure confirmed"),
    A.ANONYMISED: _l("Profile anonymised"),
    A.AUDIT_PURGED: _l("Old audit records deleted"),
    A.SCREENING_RULE_SWITCHED: _l("Screening rule switched on or off"),
    A.TELEGRAM_LINKED: _l("Telegram connected"),
    A.TELEGRAM_UNLINKED: _l("Telegram disconnected"),
    A.FOLLOW_UP_ANSWERED: _l("Follow-up answered by the young person"),
    A.DETAILS_CONFIRMED: _l("Gender and schooling confirmed by a counselor"),
    A.WORK_PROBLEM_REPORTED: _l("Problem at work reported"),
    A.PHONE_CONFIRMED: _l("Phone number confirmed"),
    A.CLAIM_CODE_ISSUED: _l("Code to claim the profile given"),
    A.PROFILE_CLAIMED: _l("Profile claimed by the young person"),
    A.PROFILES_MERGED: _l("Two profiles merged"),
    A.INTERVIEW_SET: _l("Interview set"),
    A.INTERVIEW_MOVED: _l("Interview moved to a new date or place"),
    A.APPLICATION_EXPIRY_WARNED: _l("Warned: the application closes in a week without news"),
}
ROLE_LABELS = {
    "youth": _l("Young person"),
    "employer": _l("Employer"),
    "counselor": _l("Counselor"),
    "admin": _l("Admin"),
}
SUBJECT_LABELS = {
    "youth_profile": _l("Young person"),
    "application": _l("Application"),
    "opening": _l("Opening"),
    "organization": _l("Organization"),
    "user_account": _l("Account"),
}
EXPORT_LABELS = {
    "placement_figures": _l("Placement figures"),
    "indicators_csv": _l("Indicators (CSV)"),
    "indicators_xlsx": _l("Indicators (XLSX)"),
    "indicators_print": _l("Indicators (printed report)"),
    "audit": _l("Audit trail"),
}
OUTCOME_LABELS = {
    "dismissed": _l("dismissed: the posting is fine"),
    "confirmed": _l("confirmed: a bad posting"),
}
VIA_LABELS = {"api": _l("through the API"), "cli": _l("from the command line")}


def action_label(action: str) -> str:
    """The action in the reader's words (its code when it has no label yet)."""
    label = ACTION_LABELS.get(action)  # a StrEnum key matches its plain text
    return str(label) if label is not None else action


def describe(event: AuditEvent) -> str:
    """The facts of `event` as a short phrase: "Applied → On the short list", "Placement
    figures, 7 rows", "through the API"; "" when there is nothing more to say."""
    detail = event.detail or {}
    parts = [_change(event.action, detail)]
    if "export" in detail:
        name = EXPORT_LABELS.get(detail["export"], detail["export"])
        parts.append(_("%(what)s, %(num)s rows", what=name, num=detail.get("rows", 0)))
    if detail.get("outcome") in OUTCOME_LABELS:
        parts.append(str(OUTCOME_LABELS[detail["outcome"]]))
    if "active" in detail:
        parts.append(_("can log in") if detail["active"] else _("cannot log in"))
    if "deleted" in detail:
        parts.append(_("%(num)s deleted", num=detail["deleted"]))
    if "closed" in detail and "kept" in detail:
        parts.append(
            _(
                "profile %(closed)s merged into %(kept)s",
                closed=detail["closed"],
                kept=detail["kept"],
            )
        )
    parts.append(_screening(detail))
    if detail.get("via") in VIA_LABELS:
        parts.append(str(VIA_LABELS[detail["via"]]))
    return " · ".join(part for part in parts if part)


def _screening(detail: dict) -> str:
    """A screening rule switched, or what a counselor made of an opening's warning signs."""
    if "rule" in detail:
        if detail.get("on"):
            return _("rule “%(rule)s” switched on", rule=detail["rule"])
        return _("rule “%(rule)s” switched off", rule=detail["rule"])
    rules = ", ".join(detail.get("rules") or ())
    if detail.get("screening") == "confirmed":
        return _("warning signs confirmed: %(rules)s", rules=rules)
    if detail.get("screening") == "dismissed":
        return _("warning signs dismissed: %(rules)s", rules=rules)
    return ""


def _change(action: str, detail: dict) -> str:
    """From which step to which, for an application or an opening."""
    to = detail.get("to")
    if not to:
        return ""
    if action in (A.APPLICATION_STATUS, A.REFERRAL):
        from portal.placements.services import STATUS_LABELS as labels
    elif action == A.OPENING_DECIDED:
        from portal.jobs.forms import STATUS_LABELS as labels
    else:
        return ""
    words = str(labels.get(to, to))
    if detail.get("from"):
        words = f"{labels.get(detail['from'], detail['from'])} → {words}"
    if detail.get("warnings_checked"):
        words += " · " + _("warning signs checked")
    return words
