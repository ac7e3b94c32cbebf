"""The public home page and the language switch."""

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from portal.extensions import db
from portal.jobs.listing import parse_search_args, search_openings
from portal.jobs.models import Opening, OpeningKind
from portal.jobs.queries import published_openings
from portal.orgs.models import Organization
from portal.web import safe_next

bp = Blueprint("main", __name__)

LATEST_COUNT = 12


@bp.route("/")
def home():
    """The newest public openings and how many there are of each kind, from the search engine
    (kept for the index's generation: the same whatever the number of openings, and the same
    counts as the search page each links to), and how many organizations offer them."""
    found = search_openings(parse_search_args(MultiDict(), per_page=LATEST_COUNT))
    counts = found.result.facets.get("kind", {})
    return render_template(
        "main/home.html",
        latest=found.openings,
        counts={kind: counts.get(str(kind), 0) for kind in OpeningKind},
        organization_count=_organizations_offering(),
    )


def _organizations_offering() -> int:
    """Verified organizations with a public opening: each looks for one by its own openings'
    index, instead of listing every public opening's organization (6 ms at 4,000
    organizations, where the list of 39,000 public openings took 60)."""
    offers = published_openings().with_only_columns(Opening.id)
    offers = offers.where(Opening.organization_id == Organization.id).correlate(Organization)
    query = select(func.count()).select_from(Organization)
    return db.session.scalar(query.where(Organization.verified_at.is_not(None), offers.exists()))


@bp.route("/lang/<code>", methods=["POST"])
def set_language(code: str):
    """Remember the language for this browser, and for the user when logged in."""
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
        if current_user.is_authenticated:
            current_user.locale = code
            db.session.commit()
    return redirect(safe_next(request.form.get("next"), url_for("main.home")))
