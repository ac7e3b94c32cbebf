"""`flask alerts send`: today's job-alert digests (from cron; a second run the same day makes
nothing new)."""

from __future__ import annotations

from datetime import datetime

import click
from flask.cli import with_appcontext

from portal.alerts.run import QUIET_FROM, QUIET_UNTIL, Report, send_digests

alerts_cli = click.Group("alerts", help="Job alerts: digests of new openings for young people.")


@alerts_cli.command("send")
@click.option(
    "--processes", type=click.IntRange(1, 32), default=1, help="Choose openings in N processes."
)
@click.option(
    "--now",
    type=click.DateTime(formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]),
    default=None,
    help="Act as if it were this UTC time (catching up, tests).",
)
@with_appcontext
def send(processes: int, now: datetime | None) -> None:
    """Make the digests due now; `flask notify send` then delivers them."""
    report = send_digests(now, processes)
    click.echo(_summary(report))


def _summary(report: Report) -> str:
    local = f"{report.local_time:%Y-%m-%d %H:%M} in Cambodia"
    if report.quiet:
        return (
            f"{local}: quiet hours ({QUIET_FROM:%H:%M}-{QUIET_UNTIL:%H:%M}), no digest made. "
            "Run it again after 07:00."
        )
    new = ", ".join(f"{count} {kind}" for kind, count in sorted(report.new_openings.items()))
    return "\n".join(
        [
            f"{local}: {report.due} young people due, {report.already} already had this "
            f"period's digest.",
            f"New openings looked at: {new or 'none'}; {report.searches_run} saved searches run.",
            f"{report.digests} digests made, listing {report.openings_listed} openings; "
            f"{report.nothing_new} had nothing new for them.",
            "Seconds: " + ", ".join(f"{step} {s:.1f}" for step, s in report.seconds.items()),
        ]
    )
