"""Openings: public list and detail; posting, editing and reviewing."""

from flask import Blueprint, abort

from portal.auth.permissions import staff_required

bp = Blueprint("jobs", __name__)


@bp.route("/openings")
def index():
    abort(501)


@bp.route("/openings/<int:opening_id>")
def detail(opening_id: int):
    abort(501)


@bp.route("/openings/new", methods=["GET", "POST"])
@staff_required
def new():
    abort(501)


@bp.route("/review")
@staff_required
def review_queue():
    abort(501)
