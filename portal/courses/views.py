"""The public list of courses: when they start, how long, what they cost."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from portal.courses.forms import CourseFilterForm
from portal.courses.models import CourseDetails
from portal.jobs.listing import apply_filters, paginate, read_filters
from portal.jobs.models import Opening, OpeningKind
from portal.jobs.queries import published_openings, with_card_data

bp = Blueprint("courses", __name__)


@bp.route("/courses")
def index():
    filters = read_filters(request.args)
    filters.kind = OpeningKind.COURSE
    form = CourseFilterForm(formdata=request.args)
    form.province.data = filters.province.code if filters.province else ""
    page = None
    if filters.unknown_province is None:
        query = with_card_data(apply_filters(published_openings(), filters)).outerjoin(
            Opening.course
        )
        if form.free.data:
            query = query.where(CourseDetails.fee == 0)
        # The soonest start first; courses without a start date last.
        query = query.order_by(
            CourseDetails.start_date.is_(None), CourseDetails.start_date, Opening.id.desc()
        )
        page = paginate(query)
    return render_template("courses/index.html", form=form, filters=filters, page=page)
