"""GET /api/v1/openings: the search of the public page, as JSON."""

from __future__ import annotations

from flask import jsonify, request

from portal.api import bp
from portal.auth.throttle import public_api_limit
from portal.extensions import limiter
from portal.jobs.listing import Found, ParamError, parse_search_args, search_openings
from portal.jobs.models import Opening
from portal.places import get_province


@bp.get("/openings")
@limiter.limit(public_api_limit)
def openings():
    """Published openings matching ?q= and the filters, best first (newest first without q)."""
    params = parse_search_args(request.args)
    if params.errors:
        return bad_parameter(next(iter(params.errors.values())))
    return jsonify(openings_page(search_openings(params)))


def bad_parameter(error: ParamError):
    """400 with what is wrong, in words, and which parameter."""
    return jsonify(error=error.code, message=error.message, field=error.field), 400


def openings_page(found: Found) -> dict:
    result = found.result
    scores = {hit.opening_id: hit.score for hit in result.hits}
    return {
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "results": [opening_json(opening, scores[opening.id]) for opening in found.openings],
        "facets": {
            "kind": dict(result.facets.get("kind", {})),
            "province": dict(result.facets.get("province", {})),
        },
        "did_you_mean": result.did_you_mean,
    }


def opening_json(opening: Opening, score: float) -> dict:
    return {
        "id": opening.id,
        "ref": opening.ref,
        "kind": opening.kind.value,
        "title": opening.title,
        "organization": opening.organization.name,
        "province": province_json(opening.province_code),
        "closing_date": opening.closing_date.isoformat() if opening.closing_date else None,
        # What the work needs: adults only when hazardous, a school level, languages (ISO codes).
        "hazardous": opening.hazardous,
        "min_age": opening.min_age,
        "min_education": opening.min_education.value if opening.min_education else None,
        "languages": list(opening.languages or []),
        "isco_minor_group": opening.isco_minor_group,  # ISCO-08, 3 digits (portal/occupations)
        "score": round(score, 4),
    }


def province_json(code: str | None) -> dict:
    """A province as {"code", "name_en", "name_kh"} (names None for an unknown code)."""
    province = get_province(code)
    return {
        "code": code,
        "name_en": province.name_en if province else None,
        "name_kh": province.name_kh if province else None,
    }
