"""Importing a file row by row: each row parsed fully before anything is written, then saved
alone inside a SAVEPOINT, so one bad row never leaves half a row saved; the caller commits once."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, TypeVar

import click
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from portal.csvimport.files import FileError, Row, RowError, read_csv
from portal.extensions import db

T = TypeVar("T")
Outcome = Literal["created", "updated"]


class RowImporter(Protocol[T]):
    required_columns: tuple[str, ...]
    optional_columns: tuple[str, ...]

    def parse(self, row: Row) -> T:
        """Everything the row says, checked; raises RowError. Writes nothing."""

    def key(self, item: T) -> Hashable:
        """What identifies the record (two rows of one file may not share it)."""

    def describe(self, item: T) -> str:
        """How a counselor names the record ('ref J-12')."""

    def save(self, item: T, summary: ImportSummary) -> Outcome:
        """Create or update the record; flush, never commit. May raise RowError."""


@dataclass
class ImportSummary:
    file_name: str
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def counts(self) -> str:
        return _(
            "created %(created)s · updated %(updated)s · rejected %(rejected)s",
            created=self.created,
            updated=self.updated,
            rejected=len(self.rejected),
        )

    def report(self) -> list[str]:
        """What the counselor reads: each rejected line, notes, then the counts."""
        lines = [_("line %(line)s: %(reason)s", line=line, reason=r) for line, r in self.rejected]
        lines += self.notes
        if self.dry_run:
            lines.append(_("Dry run: nothing was saved."))
        return [*lines, self.counts()]


def import_csv(path: str | Path, importer: RowImporter, *, dry_run: bool = False) -> ImportSummary:
    """Import every good row of the file; report the others. The caller commits."""
    csv_file = read_csv(path, importer.required_columns, importer.optional_columns)
    summary = ImportSummary(csv_file.name, dry_run=dry_run)
    if csv_file.ignored_columns:
        summary.note(
            _("Columns not used: %(columns)s.", columns=", ".join(csv_file.ignored_columns))
        )
    first_line: dict[Hashable, int] = {}
    for row in csv_file.rows:
        try:
            item = importer.parse(row)
            _check_first(importer, item, first_line)
            outcome = _save_alone(importer, item, summary, dry_run)
        except RowError as error:
            summary.rejected.append((row.line, str(error)))
            continue
        first_line[importer.key(item)] = row.line
        setattr(summary, outcome, getattr(summary, outcome) + 1)
    return summary


def _check_first(importer: RowImporter, item, first_line: dict[Hashable, int]) -> None:
    line = first_line.get(importer.key(item))
    if line is not None:
        raise RowError(
            _("%(what)s is already on line %(line)s.", what=importer.describe(item), line=line)
        )


def _save_alone(importer: RowImporter, item, summary: ImportSummary, dry_run: bool) -> Outcome:
    """Save one row inside its own SAVEPOINT: all of it, or (on error or dry run) none of it.
    A failed row's notes go too: they would speak of things that were not saved."""
    savepoint = db.session.begin_nested()
    notes_before = len(summary.notes)
    try:
        outcome = importer.save(item, summary)
        db.session.flush()
    except (RowError, SQLAlchemyError) as error:
        savepoint.rollback()
        del summary.notes[notes_before:]
        if isinstance(error, RowError):
            raise
        reason = getattr(error, "orig", error)
        raise RowError(_("The database refused this row: %(reason)s", reason=reason)) from error
    if dry_run:
        savepoint.rollback()
    else:
        savepoint.commit()
    return outcome


def run_import_command(path: str, importer: RowImporter, *, dry_run: bool) -> None:
    """The body of a `flask ... import` command: import, commit once, print the report.

    Exits non-zero only when the file cannot be read at all."""
    try:
        summary = import_csv(path, importer, dry_run=dry_run)
    except FileError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    for line in summary.report():
        click.echo(line)
