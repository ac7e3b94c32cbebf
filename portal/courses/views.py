"""The public list of courses: when they start, how long, what they cost."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from sqlalchemy import select

from portal.courses.forms import CourseFilterForm
from portal.courses.models import CourseDetails
from portal.jobs.listing import in_province, paginate, parse_search_args
from portal.jobs.models import Opening, OpeningKind
from portal.jobs.queries import in_order, published_openings

bp = Blueprint("courses", __name__)


@bp.route("/courses")
def index():
    # Courses keep their SQL list (soonest start first); only the place is read here.
    filters = parse_search_args(request.args)
    form = CourseFilterForm(formdata=request.args)
    form.province.data = filters.province.code if filters.province else ""
    page = None
    if filters.unknown_province is None:
        courses = published_openings().where(Opening.kind == OpeningKind.COURSE)
        query = in_province(courses, filters.province).outerjoin(Opening.course)
        if form.free.data:
            query = query.where(CourseDetails.fee == 0)
        # The soonest start first; courses without a start date last.
        query = query.order_by(
            CourseDetails.start_date.is_(None), CourseDetails.start_date, Opening.id.desc()
        )
        page = paginate(query.with_only_columns(Opening.id))
        # Ordered and counted over ids alone (and ix_opening_public_by_kind): sorting whole
        # rows, descriptions and all, cost SQLite 30 ms at 6,000 public courses for twenty.
        page.items = in_order(page.items, select(Opening))
    return render_template("courses/index.html", form=form, filters=filters, page=page)
