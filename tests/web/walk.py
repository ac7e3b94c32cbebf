"""Every GET page of the portal, as each role sees it (tests/web)."""

from __future__ import annotations

from flask import url_for

from tests.conftest import login


def pages(app, ids):
    """Every GET route, filled with the world's ids (routes with other arguments skipped)."""
    with app.test_request_context():
        for rule in sorted(app.url_map.iter_rules(), key=str):
            if "GET" not in rule.methods or rule.endpoint in ("static", "main.set_language"):
                continue
            if rule.endpoint.startswith("api."):
                continue
            if set(rule.arguments) <= set(ids):
                yield url_for(rule.endpoint, **{a: ids[a] for a in rule.arguments})


def every_page(app, client, ids, language: str = "km"):
    """(url, html) of every page `client` may open, read in `language`."""
    client.post(f"/lang/{language}", data={"next": "/"})
    for url in pages(app, ids):
        response = client.get(url)
        if response.status_code == 200 and response.mimetype == "text/html":
            yield url, response.get_data(as_text=True)


def client_for(app, users, role):
    """A client logged in as the world's user of `role` (a visitor for None)."""
    return app.test_client() if role is None else login(app.test_client(), users[role])
