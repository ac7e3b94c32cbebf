"""GET /api/v1/openapi.json: the API's contract, OpenAPI 3.1.

Written here as data, with the choices (kinds, statuses, genders...) taken from the enums the
code uses, so they cannot drift. tests/api/test_openapi.py checks that every route is described
and that real answers match their schemas; scripts/api-check runs schemathesis against a server."""

from __future__ import annotations

from functools import cache

from flask import jsonify

from portal.api import bp
from portal.clean_input import DATABASE_INT_MAX
from portal.jobs.listing import (
    MAX_PAGE,
    MAX_PER_PAGE,
    MAX_QUERY_LENGTH,
    MAX_SALARY_USD,
    Sort,
)
from portal.jobs.models import OpeningKind
from portal.matching.scoring import PLACE_TIERS
from portal.placements.models import ApplicationSource, ApplicationStatus
from portal.youth.models import EducationLevel, Gender

JSON = "application/json"


def _values(enum) -> list[str]:
    return [member.value for member in enum]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(required: dict, optional: dict | None = None, **extra) -> dict:
    """An object with exactly these properties: `required` always there, `optional` may be."""
    return {
        "type": "object",
        "required": list(required),
        "properties": required | (optional or {}),
        "additionalProperties": False,
        **extra,
    }


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _list(item: dict) -> dict:
    return {"type": "array", "items": item}


STRING = {"type": "string"}
ID = {"type": "integer", "minimum": 1, "maximum": DATABASE_INT_MAX}
COUNT = {"type": "integer", "minimum": 0}
DATE = {"type": "string", "format": "date"}
DATE_TIME = {"type": "string", "format": "date-time"}


def _schemas() -> dict:
    province = _obj({"code": STRING, "name_en": _nullable(STRING), "name_kh": _nullable(STRING)})
    kind = {"type": "string", "enum": _values(OpeningKind)}
    status = {"type": "string", "enum": _values(ApplicationStatus)}
    person = _obj({"id": ID, "name": STRING})
    return {
        "Error": _obj({"error": STRING, "message": STRING}, {"field": STRING}),
        "ParameterError": _obj({"error": STRING, "message": STRING, "field": STRING}),
        "UnknownProvince": _obj(
            {"error": STRING, "message": STRING, "field": STRING, "suggestions": _list(STRING)}
        ),
        "Province": province,
        "Opening": _obj(
            {
                "id": ID,
                "ref": STRING,
                "kind": kind,
                "title": STRING,
                "organization": STRING,
                "province": _ref("Province"),
                "closing_date": _nullable(DATE),
                "hazardous": {"type": "boolean"},
                "min_age": COUNT,
                "min_education": _nullable({"type": "string", "enum": _values(EducationLevel)}),
                "languages": _list(STRING),
                "isco_minor_group": _nullable(
                    {
                        "type": "string",
                        "pattern": "^[0-9]{3}$",
                        "description": "ISCO-08 minor group",
                    }
                ),
                "score": {"type": "number"},
            }
        ),
        "OpeningsPage": _obj(
            {
                "total": COUNT,
                "page": ID,
                "per_page": ID,
                "results": _list(_ref("Opening")),
                "facets": _obj(
                    {
                        "kind": {"type": "object", "additionalProperties": COUNT},
                        "province": {"type": "object", "additionalProperties": COUNT},
                    }
                ),
                "did_you_mean": _nullable(STRING),
            }
        ),
        "Suggestions": _obj({"suggestions": _list(_obj({"title": STRING, "url": STRING}))}),
        "Youth": _obj(
            {
                "id": ID,
                "ref": _nullable(STRING),
                "full_name": STRING,
                "province": _ref("Province"),
                "gender": {"type": "string", "enum": _values(Gender)},
                "center": _nullable(_obj({"id": ID, "name": STRING})),
            }
        ),
        "YouthPage": _page("Youth"),
        "Reason": {"oneOf": _reasons(kind)},
        "YouthSuggestions": _obj(
            {
                "results": _list(_suggested_opening()),
                "courses": _list(
                    _obj(
                        {
                            "id": ID,
                            "ref": STRING,
                            "title": STRING,
                            "province": _ref("Province"),
                            "reasons": _list(_gap_reason()),
                        }
                    )
                ),
            }
        ),
        "Candidates": _obj(
            {"results": _list(_obj({"id": ID, "score": {"type": "number"}} | _reasons_field()))}
        ),
        "Application": _obj(_application_fields(status)),
        "ApplicationsPage": _page("Application"),
        "ApplicationDetail": _obj(_detail_fields(status, person)),
        "ApplicationStatus": _obj(
            {
                "status": status,
                "allowed_moves": _list(status),
                "reason_codes": {"type": "object", "additionalProperties": STRING},
            }
        ),
        "NewReferral": _obj(
            {"opening_id": ID, "youth_id": ID, "note": {"type": "string", "minLength": 1}}
        ),
        "Move": _obj(
            {"status": status},
            {
                "reason_code": _nullable(STRING),
                "reason": _nullable(STRING),
                "hired_on": _nullable(DATE),
                "from_status": _nullable(status),
            },
        ),
    }


def _page(item: str) -> dict:
    return _obj({"total": COUNT, "page": ID, "per_page": ID, "results": _list(_ref(item))})


def _suggested_opening() -> dict:
    """A suggested opening: a few of the opening's fields, its score and the reasons."""
    return _obj(
        {
            "id": ID,
            "ref": STRING,
            "kind": {"type": "string", "enum": _values(OpeningKind)},
            "title": STRING,
            "province": _ref("Province"),
            "score": {"type": "number"},
        }
        | _reasons_field()
    )


def _reasons_field() -> dict:
    return {"reasons": _list(_ref("Reason"))}


def _reasons(kind: dict) -> list[dict]:
    """Why a pair matches (portal/matching/scoring.py), one shape per code."""
    code = lambda name: {"const": name}  # noqa: E731
    pair = _obj({"skill": STRING, "wanted": STRING})
    return [
        _obj({"code": code("skills"), "pairs": _list(pair)}),
        _obj(
            {
                "code": code("place"),
                "tier": {"type": "string", "enum": list(PLACE_TIERS)},
                "province": _nullable(STRING),
            }
        ),
        _obj({"code": code("kind"), "kind": kind}),
        _obj({"code": code("needs"), "what": _list(STRING)}),
    ]


def _gap_reason() -> dict:
    return _obj(
        {
            "code": {"const": "gap"},
            "count": COUNT,
            "province": _nullable(STRING),
            "skill": STRING,
            "concept": _nullable(STRING),
        }
    )


def _application_fields(status: dict) -> dict:
    return {
        "id": ID,
        "status": status,
        "source": {"type": "string", "enum": _values(ApplicationSource)},
        "opening": _obj({"id": ID, "ref": STRING, "title": STRING, "organization": STRING}),
        "youth": _obj(_youth_fields()),
        "hired_on": _nullable(DATE),
        "created_at": DATE_TIME,
        "updated_at": DATE_TIME,
    }


def _youth_fields() -> dict:
    return {
        "id": ID,
        "ref": _nullable(STRING),
        "full_name": STRING,
        "gender": {"type": "string", "enum": _values(Gender)},
        "center_id": _nullable(ID),
    }


def _detail_fields(status: dict, person: dict) -> dict:
    change = _obj(
        {
            "from_status": _nullable(status),
            "to_status": status,
            "changed_at": DATE_TIME,
            "changed_by": _nullable(person),
            "reason_code": _nullable(STRING),
            "reason": _nullable(STRING),
        }
    )
    follow_up = _obj(
        {
            "month": COUNT,
            "due_on": DATE,
            "still_employed": _nullable({"type": "boolean"}),
            "note": _nullable(STRING),
            "recorded_at": _nullable(DATE_TIME),
        }
    )
    return _application_fields(status) | {
        "youth": _obj(_youth_fields() | {"phone": _nullable(STRING)}),
        "message": _nullable(STRING),
        "referral_note": _nullable(STRING),
        "referred_by": _nullable(person),
        "has_cv": {"type": "boolean"},
        "history": _list(change),
        "follow_ups": _list(follow_up),
        "allowed_moves": _list(status),
    }


# --- operations ------------------------------------------------------------------------------


def _answer(description: str, schema: str, headers: dict | None = None) -> dict:
    answer = {"description": description, "content": {JSON: {"schema": _ref(schema)}}}
    return answer | ({"headers": headers} if headers else {})


def _errors(*codes: int) -> dict:
    return {str(code): {"$ref": f"#/components/responses/{ERRORS[code]}"} for code in codes}


ERRORS = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
    429: "TooManyRequests",
}
PUBLIC_ERRORS = (429,)
STAFF_ERRORS = (401, 403, 429)


def _query(name: str, schema: dict, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description}  # fmt: skip


def _path_id(name: str, what: str) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": ID, "description": what}


def _op(summary: str, responses: dict, *, staff: bool, parameters=(), body: str | None = None):
    operation = {
        "summary": summary,
        "responses": responses | _errors(*(STAFF_ERRORS if staff else PUBLIC_ERRORS)),
    }
    if parameters:
        operation["parameters"] = list(parameters)
    if body:
        operation["requestBody"] = {
            "required": True,
            "content": {JSON: {"schema": _ref(body)}},
        }
    if staff:
        operation["security"] = [{"bearerAuth": []}]
    return operation


def _search_parameters() -> list[dict]:
    page = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}
    return [
        _query("q", {"type": "string", "maxLength": MAX_QUERY_LENGTH}, "Words to search for."),
        _query("kind", {"type": "string", "enum": _values(OpeningKind)}, "Kind of opening."),
        _query("province", STRING, "A province: code, English or Khmer name, usual spellings."),
        _query("organization", ID, "An organization's id."),
        _query(
            "min_salary",
            {"type": "integer", "minimum": 0, "maximum": MAX_SALARY_USD},
            "The lowest pay per month, in US dollars.",
        ),  # fmt: skip
        _query(
            "since",
            {"type": "string", "format": "date-time"},
            "Only openings published at or after this moment (ISO 8601; without a zone, UTC): "
            "ask again with the time of your last call to get what is new.",
        ),  # fmt: skip
        _query("sort", {"type": "string", "enum": _values(Sort)}, "Best first, or newest."),
        _query("page", page, "Page number."),
        _query(
            "per_page",
            {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
            "Openings per page.",
        ),  # fmt: skip
    ]


PAGE = _query("page", ID, "Page number; past the last page the results are empty.")


def _paths() -> dict:
    application_id = _path_id("application_id", "An application's id.")
    detail = _answer("The application, its history and the moves allowed now.", "ApplicationDetail")
    return {
        "/openapi.json": {
            "get": _op(
                "This document.",
                {
                    "200": {
                        "description": "OpenAPI 3.1",
                        "content": {JSON: {"schema": {"type": "object"}}},
                    }
                },
                staff=False,
            )
        },
        "/openings": {
            "get": _op(
                "Search the published openings.",
                {
                    "200": _answer("A page of openings, best first.", "OpeningsPage"),
                    "400": _answer("A parameter is wrong; `field` names it.", "ParameterError"),
                },
                staff=False,
                parameters=_search_parameters(),
            )  # fmt: skip
        },
        "/openings/suggest": {
            "get": _op(
                "Up to 5 openings as you type (3 letters at least).",
                {"200": _answer("Titles and the pages' addresses.", "Suggestions")},
                staff=False,
                parameters=[_query("q", STRING, "What was typed so far.")],
            )
        },
        "/youth": {
            "get": _op(
                "Young people the token's user may see, by name.",
                {
                    "200": _answer("A page of young people.", "YouthPage"),
                    "400": _answer("The province is unknown.", "UnknownProvince"),
                },
                staff=True,
                parameters=[
                    _query("q", STRING, "Part of a name, a reference or a phone number."),
                    _query("ref", STRING, "A reference, exactly."),
                    _query("province", STRING, "A province (code or name)."),
                    PAGE,
                ],
            )  # fmt: skip
        },
        "/youth/{youth_id}/suggestions": {
            "get": _op(
                "The best open openings for one young person, and courses that fill a gap.",
                {"200": _answer("Openings with reasons; courses.", "YouthSuggestions")}
                | _errors(404),
                staff=True,
                parameters=[_path_id("youth_id", "A young person's id.")],
            )
        },
        "/openings/{opening_id}/candidates": {
            "get": _op(
                "The best young people for one opening.",
                {"200": _answer("Young people with reasons.", "Candidates")} | _errors(404),
                staff=True,
                parameters=[_path_id("opening_id", "An opening's id.")],
            )
        },
        "/applications": {
            "get": _op(
                "Applications the token's user may see, latest change first.",
                {"200": _answer("A page of applications.", "ApplicationsPage")} | _errors(400),
                staff=True,
                parameters=[
                    _query(
                        "status",
                        {"type": "string", "enum": _values(ApplicationStatus)},
                        "Only this step.",
                    ),  # fmt: skip
                    _query("opening_id", ID, "Only for this opening."),
                    _query("youth_id", ID, "Only of this young person."),
                    PAGE,
                ],
            ),
            "post": _op(
                "Refer a young person to an opening (a note is required).",
                {
                    "201": _answer(
                        "The new referral.",
                        "ApplicationDetail",
                        {
                            "Location": {
                                "description": "The application's address.",
                                "schema": STRING,
                            }
                        },
                    ),
                }  # fmt: skip
                | _errors(400, 404),
                staff=True,
                body="NewReferral",
            ),
        },
        "/applications/{application_id}": {
            "get": _op(
                "One application with its history and the moves allowed now.",
                {"200": detail} | _errors(404),
                staff=True,
                parameters=[application_id],
            )
        },
        "/applications/{application_id}/status": {
            "get": _op(
                "The step, the moves allowed now and the reasons a refusal may give.",
                {"200": _answer("The step and the moves.", "ApplicationStatus")} | _errors(404),
                staff=True,
                parameters=[application_id],
            ),
            "post": _op(
                "Move the application to another step (`hired_on`: the day of a hire, today "
                "by default; `from_status`: the step the client saw, 409 if it moved since).",
                {"200": detail} | _errors(400, 404, 409),
                staff=True,
                parameters=[application_id],
                body="Move",
            ),
        },
    }


def _responses() -> dict:
    error = {JSON: {"schema": _ref("Error")}}
    descriptions = {
        "BadRequest": "A parameter or field is missing or wrong, or the move is not allowed; "
        "`field` names it.",
        "Unauthorized": "No token, or an unknown or revoked one.",
        "Forbidden": "This account may not do this.",
        "NotFound": "No such object, or not one the token's user may see.",
        "Conflict": "The object changed since the client read it: read it again.",
        "TooManyRequests": "Too many requests from this address: wait and try again.",
    }
    return {name: {"description": text, "content": error} for name, text in descriptions.items()}


@cache
def document() -> dict:
    """The OpenAPI 3.1 description of /api/v1."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Phlov API",
            "version": "1",
            "description": "Public openings and, with a staff Bearer token (`flask users token`), "
            "young people, suggestions and applications. Errors answer JSON "
            "`{error, message}`; Khmer or English after Accept-Language.",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": _paths(),
        "components": {
            "schemas": _schemas(),
            "responses": _responses(),
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
    }


@bp.get("/openapi.json")
def openapi_json():
    """This API's contract."""
    return jsonify(document())
