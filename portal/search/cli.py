"""`flask search ...`: rebuild the search index, or see how it is doing."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from portal.search.sync import SearchBusy, rebuild, status

search_cli = click.Group("search", help="The search index of openings.")


@search_cli.command("reindex")
@with_appcontext
def reindex_command() -> None:
    """Rebuild the index from the database and switch to it; searches keep answering meanwhile."""
    try:
        rebuilt = rebuild()
    except SearchBusy as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"Search index rebuilt: {rebuilt.openings} openings indexed in {rebuilt.seconds:.1f} s "
        f"({rebuilt.generation})."
    )


@search_cli.command("status")
@with_appcontext
def status_command() -> None:
    """Where the index is, whether it is sound, and how many changes wait to be applied."""
    facts = status()
    if facts.get("backend") == "postgres":
        click.echo(
            f"PostgreSQL: {facts.get('documents', 0)} openings, {facts.get('terms', 0)} words, "
            f"{facts['problem'] or 'sound'}."
        )
    else:
        _whoosh_status(facts)
    if facts.get("problem"):
        raise SystemExit(1)


def _whoosh_status(facts: dict) -> None:
    click.echo(f"Index directory: {facts['root']}")
    if "generation" not in facts:
        click.echo("No index yet: run `flask search reindex`.")
        return
    click.echo(
        f"Generation {facts['generation']}: {facts['documents']} openings, "
        f"{facts['problem'] or 'sound'}."
    )
    click.echo(
        f"Outbox: {facts['outbox_rows']} rows, {facts['waiting']} waiting "
        f"(applied up to {facts['watermark']})."
    )
