"""The JSON API (/api/v1): public openings, and staff routes behind a Bearer token (auth.py).
Errors answer JSON, never an HTML page."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from portal.api import (  # noqa: E402, F401  (registers the routes)
    applications,
    openapi,
    staff,
    suggest,
    views,
)
