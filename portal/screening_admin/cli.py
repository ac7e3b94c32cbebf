"""`flask screening ...`: the screening rules' figures from the command line."""

from __future__ import annotations

from collections import Counter

import click
from flask.cli import with_appcontext

from portal.screening_admin.figures import RuleFigures, decisions_since, rule_figures
from portal.screening_admin.models import Verdict

screening_cli = click.Group("screening", help="The red-flag screening's rules and figures.")

HEADER = f"{'rule':<24} {'hits':>5} {'confirmed':>9} {'dismissed':>9} {'precision':>9}"


@screening_cli.command("evaluate")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only the decisions made from this day (YYYY-MM-DD).",
)
@with_appcontext
def evaluate(since) -> None:
    """Each rule's precision from the counselors' decisions: of the openings with warning
    signs it fired on, how many the counselor confirmed (declined or sent back) and how many
    dismissed (published). The rules that cry wolf come first."""
    decisions = decisions_since(since)
    when = f" since {since:%Y-%m-%d}" if since else ""
    if not decisions:
        click.echo(f"No counselor has decided on an opening with warning signs{when}.")
        return
    verdicts = Counter(decision.decision for decision in decisions)
    click.echo(
        f"{len(decisions)} decision(s) on openings with warning signs{when}: "
        f"{verdicts[Verdict.CONFIRMED]} confirmed, {verdicts[Verdict.DISMISSED]} dismissed."
    )
    click.echo(HEADER)
    for rule in rule_figures(decisions):
        click.echo(_row(rule))


def _row(rule: RuleFigures) -> str:
    precision = f"{rule.precision:.2f}" if rule.precision is not None else "-"
    return f"{rule.name:<24} {rule.hits:>5} {rule.confirmed:>9} {rule.dismissed:>9} {precision:>9}"
