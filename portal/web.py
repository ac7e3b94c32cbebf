"""Small helpers shared by the HTML views of every domain."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Response, current_app, render_template, request, url_for
from flask_wtf import FlaskForm


def render_form(template: str, form: FlaskForm, **context):
    """Render a form page; answer 400 when the submitted form has errors (shown next to fields)."""
    status = 400 if request.method == "POST" and form.errors else 200
    return render_template(template, form=form, **context), status


def absolute_url(endpoint: str, **values) -> str:
    """A page's whole address, for what leaves the site (feeds, search engines, slips):
    PUBLIC_URL when set, else this request's host."""
    base = current_app.config.get("PUBLIC_URL")
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, **values, _external=True)


def page_number() -> int:
    """The ?page= argument as a positive int (bad values mean page 1, never a 500)."""
    return max(request.args.get("page", 1, type=int) or 1, 1)  # type=int: bounded (clean_input)


def safe_next(target: str | None, fallback: str | None = None) -> str | None:
    """`target` when it is a path of this site (a page to go back to), else `fallback`: never
    an address elsewhere ("//evil.example", "/\\evil.example" and control characters are
    refused, as browsers would follow them off the site)."""
    target = (target or "").strip()
    parts = urlsplit(target)
    if (
        not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or any(ord(char) < 32 for char in target)
        or parts.scheme
        or parts.netloc
    ):
        return fallback
    return target


def no_store(response):
    """For pages that carry one-time secrets: no browser or proxy keeps a copy."""
    response.headers["Cache-Control"] = "no-store"
    return response


def download(body: str, filename: str, mimetype: str) -> Response:
    """A file the browser saves, never keeps in a cache (exports and a person's own data). A CSV
    starts with a BOM, so that Excel reads Khmer."""
    if mimetype == "text/csv":
        body = "\ufeff" + body
    return Response(
        body,
        mimetype=mimetype,
        headers={
            "Content-Disposition": f"attachment; filename={filename}",
            "Cache-Control": "private, no-store",
        },
    )
