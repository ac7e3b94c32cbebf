"""Interviews (issue 19): the date, time, place, whom to ask for and what to bring of an
application's interview, told to the young person at once and the day before; the day's
interviews for employers and counselors; "did not come" in one tap; and applications with no
move for 60 days closed after a warning."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """The pages and the cron commands (`flask interviews remind`, `flask applications
    expire`)."""
    from portal.interviews.cli import applications_cli, interviews_cli
    from portal.interviews.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(interviews_cli)
    app.cli.add_command(applications_cli)
