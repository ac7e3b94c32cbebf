"""How the portal meets the internet: the proxies it believes (TRUSTED_PROXIES), its security
headers and what browsers may keep (`headers.py`), `/healthz` and the favicon (`views.py`).
Logging lives in `portal/logs.py`; gunicorn's settings in `gunicorn.conf.py`."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app: Flask) -> None:
    from portal.serving import headers
    from portal.serving.views import bp

    trust_proxies(app, app.config.get("TRUSTED_PROXIES", 0))
    headers.init_app(app)
    app.register_blueprint(bp)


def trust_proxies(app: Flask, count: int) -> None:
    """Believe the X-Forwarded-For/-Proto/-Host that `count` proxies in front add, and no
    more: request.remote_addr is then the visitor's address (rate limits, report counts),
    request.is_secure true behind a TLS proxy. With 0, the headers are ignored (anyone can
    send them)."""
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
