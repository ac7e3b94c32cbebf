"""`/healthz` for load balancers and monitors, and `/favicon.ico` for browsers that ask for it."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, jsonify, send_from_directory
from sqlalchemy import text

from portal import search
from portal.extensions import db

bp = Blueprint("serving", __name__)
log = logging.getLogger(__name__)

DAY = 24 * 3600


def _database() -> bool:
    db.session.execute(text("SELECT 1"))
    return True


def _search_index() -> bool:
    found = search.problem()
    if found:
        log.warning("Health check: the search index is %s", found, extra={"event": "health"})
    return found is None


CHECKS = {"database": _database, "search": _search_index}


@bp.get("/healthz")
def healthz() -> Response:
    """200 {"status": "ok"}, or 503 naming the checks that failed; no data, no login."""
    failed = [name for name, check in CHECKS.items() if not _passes(name, check)]
    if failed:
        response = jsonify(status="unavailable", failed=failed)
        response.status_code = 503
    else:
        response = jsonify(status="ok")
    response.headers["Cache-Control"] = "no-store"
    return response


def _passes(name: str, check) -> bool:
    try:
        return check()
    except Exception:  # noqa: BLE001 - any failure means: not healthy; the log says why
        log.exception("Health check %s failed", name, extra={"event": "health"})
        db.session.rollback()
        return False


@bp.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for it whatever the page says (pages link the SVG, static/favicon.svg)."""
    response = send_from_directory(current_app.static_folder, "favicon.ico", max_age=DAY)
    response.headers["Cache-Control"] = f"public, max-age={DAY}"
    return response
