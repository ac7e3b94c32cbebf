"""The public home page and the language switch."""

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import func, select

from portal.extensions import db
from portal.jobs.models import Opening, OpeningKind
from portal.jobs.queries import published_openings, with_card_data
from portal.web import safe_next

bp = Blueprint("main", __name__)

LATEST_COUNT = 12


@bp.route("/")
def home():
    latest = db.session.scalars(
        with_card_data(published_openings())
        .order_by(Opening.published_at.desc(), Opening.id.desc())
        .limit(LATEST_COUNT)
    ).all()
    open_ids = published_openings().with_only_columns(Opening.id).subquery()
    counts = dict(
        db.session.execute(
            select(Opening.kind, func.count())
            .where(Opening.id.in_(select(open_ids.c.id)))
            .group_by(Opening.kind)
        ).all()
    )
    organization_count = db.session.scalar(
        select(func.count(func.distinct(Opening.organization_id))).where(
            Opening.id.in_(select(open_ids.c.id))
        )
    )
    return render_template(
        "main/home.html",
        latest=latest,
        counts={kind: counts.get(kind, 0) for kind in OpeningKind},
        organization_count=organization_count or 0,
    )


@bp.route("/lang/<code>", methods=["POST"])
def set_language(code: str):
    """Remember the language for this browser, and for the user when logged in."""
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
        if current_user.is_authenticated:
            current_user.locale = code
            db.session.commit()
    return redirect(safe_next(request.form.get("next"), url_for("main.home")))
