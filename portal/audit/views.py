"""The audit trail's pages: admins read and export it; a young person sees who opened her
profile."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import Select, func, select

from portal.audit.export import trail_csv
from portal.audit.forms import BIGGEST_ID, AuditFilterForm
from portal.audit.labels import ROLE_LABELS, SUBJECT_LABELS, action_label, describe
from portal.audit.models import AuditAction
from portal.audit.queries import trail_query, views_of
from portal.audit.services import record_now
from portal.auth.permissions import admin_required, youth_required
from portal.extensions import db
from portal.web import download, page_number

bp = Blueprint("audit", __name__)

PER_PAGE = 50
EXPORT_LIMIT = 100_000  # rows in one CSV; narrow the filters for more
WHO_LOOKED_LIMIT = 50


@bp.app_context_processor
def _labels() -> dict:
    return {
        "audit_action_label": action_label,
        "audit_describe": describe,
        "role_labels": ROLE_LABELS,
        "subject_labels": SUBJECT_LABELS,
    }


@dataclass
class TrailPage:
    items: list
    total: int
    page: int
    pages: int


def _page_of(query: Select) -> TrailPage:
    """One page of rows; a page past the last shows the last (page numbers stay bounded)."""
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    pages = max(-(-total // PER_PAGE), 1)
    page = min(page_number(), pages)
    items = db.session.execute(query.limit(PER_PAGE).offset((page - 1) * PER_PAGE)).all()
    return TrailPage(items=list(items), total=total, page=page, pages=pages)


def _youth_id() -> int | None:
    value = request.args.get("youth_id", type=int)
    return value if value is not None and 0 < value <= BIGGEST_ID else None


@bp.route("/admin/audit")
@admin_required
def trail():
    form = AuditFilterForm(formdata=request.args)
    if not form.validate():
        return render_template("audit/trail.html", form=form, page=None), 400
    page = _page_of(trail_query(form.filters(_youth_id())))
    return render_template("audit/trail.html", form=form, page=page)


@bp.route("/admin/audit.csv")
@admin_required
def trail_export():
    form = AuditFilterForm(formdata=request.args)
    if not form.validate():
        return redirect(url_for(".trail", **request.args))
    rows = db.session.execute(trail_query(form.filters(_youth_id())).limit(EXPORT_LIMIT))
    text, count = trail_csv(rows)
    record_now(AuditAction.EXPORTED, detail={"export": "audit", "rows": count})
    return download(text, "audit-trail.csv", "text/csv")


@bp.route("/me/profile/views")
@youth_required
def who_looked():
    profile = current_user.youth_profile
    views = views_of(profile, WHO_LOOKED_LIMIT) if profile is not None else []
    return render_template("audit/who_looked.html", views=views, limit=WHO_LOOKED_LIMIT)
