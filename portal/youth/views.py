from flask import Blueprint, abort

from portal.auth.permissions import staff_required, youth_required

bp = Blueprint("youth", __name__)


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    abort(501)


@bp.route("/me/profile", methods=["GET", "POST"])
@youth_required
def my_profile():
    abort(501)


@bp.route("/youth")
@staff_required
def center_list():
    abort(501)
