"""The staff API (Bearer token, counselors and admins): youth, suggestions and candidates.

A youth profile or opening the token's user may not see answers 404, as on the HTML pages."""

from __future__ import annotations

from flask import g, jsonify, request
from sqlalchemy import select

from portal import audit
from portal.api import bp
from portal.api.auth import api_error, staff_token_required
from portal.api.views import province_json
from portal.extensions import db
from portal.i18n import current_language
from portal.jobs.access import get_opening_or_404
from portal.matching import Match
from portal.matching.gaps import gap_courses_for, skill_wording
from portal.matching.services import candidates_for, suggestions_for
from portal.places import UnknownPlace, resolve_province, unknown_province_message
from portal.web import page_number
from portal.youth.access import get_youth_or_404
from portal.youth.models import YouthProfile
from portal.youth.queries import YouthFilters, youth_conditions

PER_PAGE = 50


@bp.get("/youth")
@staff_token_required
def youth_list():
    """Youth the user may see, by name: ?ref= (exact), ?q= (name, ref, phone), ?province=."""
    province_code = None
    if request.args.get("province", "").strip():
        try:
            province_code = resolve_province(request.args["province"]).code
        except UnknownPlace as error:
            return unknown_province(request.args["province"], error)
    filters = YouthFilters(text=request.args.get("q", ""), province_code=province_code)
    query = select(YouthProfile).where(*youth_conditions(g.api_user, filters))
    ref = request.args.get("ref", "").strip()
    if ref:
        query = query.where(YouthProfile.ref == ref)
    query = query.order_by(YouthProfile.full_name, YouthProfile.id)
    found = db.paginate(query, page=page_number(), per_page=PER_PAGE, error_out=False)
    results = [youth_json(profile) for profile in found.items]
    return jsonify(total=found.total, page=found.page, per_page=PER_PAGE, results=results)


def unknown_province(raw: str, error: UnknownPlace):
    # str(error) is English only; the search API's message speaks the reader's language
    response, status = api_error(400, "unknown_province", unknown_province_message(raw, error))
    body = response.get_json() | {"field": "province", "suggestions": error.codes}
    return jsonify(body), status


@bp.get("/youth/<int:youth_id>/suggestions")
@staff_token_required
def youth_suggestions(youth_id: int):
    """The best open openings for one young person, with the reasons; and the courses that
    teach what the openings near them ask for, when few fit them (matching/gaps.py)."""
    profile = get_youth_or_404(youth_id, for_user=g.api_user)
    audit.viewed(profile, actor=g.api_user, via="api")
    results = [
        {
            "id": opening.id,
            "ref": opening.ref,
            "kind": opening.kind.value,
            "title": opening.title,
            "province": province_json(opening.province_code),
        }
        | match_json(match)
        for opening, match in suggestions_for(profile)
    ]
    courses = [
        {
            "id": opening.id,
            "ref": opening.ref,
            "title": opening.title,
            "province": province_json(opening.province_code),
            "reasons": [gap_reason_json(reason) for reason in gap.reasons],
        }
        for opening, gap in gap_courses_for(profile)
    ]
    return jsonify(results=results, courses=courses)


@bp.get("/openings/<int:opening_id>/candidates")
@staff_token_required
def opening_candidates(opening_id: int):
    """The best young people for one opening among those the token's user may see."""
    opening = get_opening_or_404(opening_id, for_user=g.api_user)
    results = [
        {"id": profile.id} | match_json(match)
        for profile, match in candidates_for(opening, g.api_user)
    ]
    return jsonify(results=results)


def youth_json(profile: YouthProfile) -> dict:
    center = profile.center
    return {
        "id": profile.id,
        "ref": profile.ref,
        "full_name": profile.full_name,
        "province": province_json(profile.province_code),
        "gender": profile.gender.value,
        "center": {"id": center.id, "name": center.name} if center else None,
    }


def match_json(match: Match) -> dict:
    return {"score": match.score, "reasons": [reason_json(r) for r in match.reasons]}


def gap_reason_json(reason) -> dict:
    """{"code": "gap", "count", "province" (a code), "skill" (in the reader's language),
    "concept"}."""
    params = reason.params
    return {
        "code": reason.code,
        "count": params["count"],
        "province": params["province"],
        "skill": skill_wording(params, current_language()),
        "concept": params["concept"],
    }


def reason_json(reason) -> dict:
    """{"code": ..., params}: skill pairs as {"skill": theirs, "wanted": the opening's}."""
    params = dict(reason.params)
    if reason.code == "skills":
        params["pairs"] = [{"skill": theirs, "wanted": ours} for theirs, ours in params["pairs"]]
    return {"code": reason.code} | params
