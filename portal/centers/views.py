from flask import Blueprint, abort

from portal.auth.permissions import admin_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/centers")
@admin_required
def centers():
    abort(501)
