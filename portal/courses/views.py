from flask import Blueprint, abort

bp = Blueprint("courses", __name__)


@bp.route("/courses")
def index():
    abort(501)
