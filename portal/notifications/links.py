"""Links inside the portal for notifications, made in a request or in a CLI command alike."""

from __future__ import annotations

from flask import current_app, has_request_context, url_for


def portal_path(endpoint: str, **values) -> str:
    """The path of `endpoint` (no host): url_for in a request; the app's URL map outside one
    (the daily command has no request and often no SERVER_NAME)."""
    if has_request_context():
        return url_for(endpoint, **values)
    root = current_app.config.get("APPLICATION_ROOT") or "/"
    adapter = current_app.url_map.bind("localhost", script_name=root)
    return adapter.build(endpoint, values)
