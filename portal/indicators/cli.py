"""`flask report indicators`: the indicators of a period as a file, for scheduled reports (cron).
Small cells are hidden, as in every file that leaves the center."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale

from portal.centers.models import Center
from portal.extensions import db
from portal.indicators import exports, source
from portal.indicators.periods import PeriodError, dates_period, parse_day, today_in_cambodia
from portal.places import get_province

report_cli = click.Group("report", help="Reports for donors, as files.")


def _day(_ctx, _param, value: str) -> date:
    try:
        return parse_day(value)
    except PeriodError as error:
        raise click.BadParameter(str(error)) from None


@report_cli.command("indicators")
@click.option("--from", "start", required=True, callback=_day, help="First day, YYYY-MM-DD.")
@click.option("--to", "end", required=True, callback=_day, help="Last day, YYYY-MM-DD.")
@click.option(
    "--center", "centers", type=int, multiple=True, help="A center's id (repeat; none: all)."
)
@click.option("--province", default=None, help="Only this province (its two-digit code).")
@click.option("--format", "kind", type=click.Choice(["csv", "xlsx", "html"]), required=True)
@click.option("--output", type=click.Path(dir_okay=False, writable=True), required=True)
@click.option("--lang", type=click.Choice(["km", "en"]), default="en", help="Words of the file.")
@with_appcontext
def indicators(start, end, centers, province, kind, output, lang) -> None:
    """Write the indicators of these days (both included) to OUTPUT as CSV, XLSX or HTML."""
    try:
        period = dates_period(start, end)
    except PeriodError as error:
        raise click.BadParameter(str(error), param_hint="--to") from None
    for center_id in centers:
        if db.session.get(Center, center_id) is None:
            raise click.BadParameter(f"no center has the id {center_id}", param_hint="--center")
    if province and get_province(province) is None:
        raise click.BadParameter(f"no province has the code {province}", param_hint="--province")
    with current_app.test_request_context("/"), force_locale(lang):
        report = source.report_for(period, tuple(sorted(set(centers))) or None, province)
        _write(Path(output), kind, report)
    click.echo(
        f"Wrote {output} ({kind}): {len(report.figures)} figures; "
        f"suggested name {exports.file_name(report, kind)}."
    )


def _write(path: Path, kind: str, report) -> None:
    today = today_in_cambodia()
    if kind == "csv":
        path.write_text("\ufeff" + exports.indicators_csv(report, today), encoding="utf-8")
    elif kind == "xlsx":
        path.write_bytes(exports.indicators_xlsx(report, today))
    else:
        from portal.indicators.views import render_report

        html = render_report(report, "indicators/print.html", hide_small=True)
        # A file read without the server: its stylesheets written in (never in a served page,
        # where the CSP forbids inline style).
        html = html.replace("</head>", f"<style>{_css()}</style></head>", 1)
        path.write_text(html, encoding="utf-8")


def _css() -> str:
    """The page's stylesheets, written into the file so that it prints alone (no server)."""
    folder = Path(current_app.static_folder or "static") / "css"
    return "\n".join((folder / name).read_text() for name in ("portal.css", "indicators.css"))
