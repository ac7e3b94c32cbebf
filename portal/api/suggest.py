"""GET /api/v1/openings/suggest?q=: a few openings as you type (static/js/search.js), from the
same search engine as the search page. Public and cheap: short answers, cached a minute."""

from __future__ import annotations

from flask import jsonify, request, url_for
from werkzeug.datastructures import MultiDict

from portal import search
from portal.api import bp
from portal.auth.throttle import suggest_limit
from portal.extensions import limiter
from portal.jobs.listing import MAX_QUERY_LENGTH, parse_search_args, search_openings
from portal.jobs.models import Opening

MIN_LETTERS = 3
MAX_SUGGESTIONS = 5
MAX_COMPLETIONS = 3  # words tried for the one being typed: one search each


@bp.get("/openings/suggest")
@limiter.limit(suggest_limit)
def suggest_openings():
    """Up to 5 {title, url} for ?q= (typos forgiven); fewer than 3 letters: none."""
    text = " ".join(request.args.get("q", "").split())[:MAX_QUERY_LENGTH]
    found = suggestions(text) if len(text.replace(" ", "")) >= MIN_LETTERS else []
    response = jsonify(
        suggestions=[
            {"title": opening.title, "url": url_for("jobs.detail", opening_id=opening.id)}
            for opening in found
        ]
    )
    response.cache_control.public = True
    response.cache_control.max_age = 60
    return response


def suggestions(text: str) -> list[Opening]:
    """The search's best openings for `text`, then for `text` with its last word completed
    ("moto" -> "motorbike"): a word half typed matches nothing yet."""
    found: dict[int, Opening] = {}
    words = text.split()
    completed = search.complete(words[-1], MAX_COMPLETIONS)
    for attempt in [text, *(" ".join([*words[:-1], word]) for word in completed)]:
        params = parse_search_args(MultiDict({"q": attempt}), per_page=MAX_SUGGESTIONS)
        for opening in search_openings(params).openings:
            found.setdefault(opening.id, opening)
        if len(found) >= MAX_SUGGESTIONS:
            break
    return list(found.values())[:MAX_SUGGESTIONS]
