from flask import Blueprint, abort

from portal.auth.permissions import employer_required

bp = Blueprint("orgs", __name__)


@bp.route("/employer")
@employer_required
def dashboard():
    abort(501)
