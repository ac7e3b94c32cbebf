"""SMS (issue 16): a transport for an HTTP SMS gateway (gateway.py), the parts a text costs
(segments.py) and the short text that fits in them (compose.py), the daily cap on cost
(budget.py) and the gateway's delivery reports (reports.py, views.py). Knows notifications only
through portal.notifications.transports: the outbox drives it."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Plug the "sms" transport into the outbox; the reports and admin routes and `flask sms`
    into `app`."""
    from portal.notifications import transports
    from portal.sms.cli import sms_cli
    from portal.sms.gateway import make_transport
    from portal.sms.views import bp

    transports.register("sms", make_transport)
    app.register_blueprint(bp)
    app.cli.add_command(sms_cli)
