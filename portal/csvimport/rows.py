"""Importing a file row by row: each row parsed fully before anything is written, then saved
alone inside a SAVEPOINT, so one bad row never leaves half a row saved. Rows are committed in
batches (batches.py): a long import never keeps the site from writing, an interrupted one keeps
the batches it committed, and importing the file again finishes it (rows are found by their key,
so nothing is added twice)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, TypeVar

import click
from flask_babel import gettext as _
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from portal.csvimport.batches import ImportStopped, batch_size, begin_batch, stopped
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
    saved_through: int | None = None  # the last line of the last batch committed (or checked)
    stopped: ImportStopped | None = None  # why the import ended before the end of the file

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

    def failed(self) -> bool:
        """The import stopped early, or every row was refused: the command exits non-zero."""
        return self.stopped is not None or (
            bool(self.rejected) and self.created + self.updated == 0
        )

    def report(self) -> list[str]:
        """What the counselor reads: each rejected line, notes, what went wrong, the counts."""
        lines = [_("line %(line)s: %(reason)s", line=line, reason=r) for line, r in self.rejected]
        lines += self.notes
        if self.stopped is not None:
            lines += self._stop_report()
        elif self.failed():
            lines.append(_("Nothing was saved: every row has a problem (see above)."))
        if self.dry_run:
            lines.append(_("Dry run: nothing was saved."))
        return [*lines, self.counts()]

    def _stop_report(self) -> list[str]:
        line = self.stopped.line
        lines = [_("Stopped at line %(line)s: %(reason)s.", line=line, reason=self.stopped.reason)]
        if self.saved_through is not None and not self.dry_run:
            lines.append(
                _(
                    "Lines up to %(last)s are saved. Import the same file again to finish: "
                    "rows already saved are updated, never added twice.",
                    last=self.saved_through,
                )
            )
        return lines

    def _mark(self) -> tuple[int, int, int, int]:
        return self.created, self.updated, len(self.rejected), len(self.notes)

    def _undo_to(self, mark: tuple[int, int, int, int]) -> None:
        """Forget a batch that was not saved: its rows will be read again by the next run."""
        self.created, self.updated, rejected, notes = mark
        del self.rejected[rejected:]
        del self.notes[notes:]


Progress = Callable[[ImportSummary], None]


def import_csv(
    path: str | Path,
    importer: RowImporter,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import every good row of the file, committing a batch at a time; report the others.
    `progress(summary)` is called after each batch of a file of several. A database that fails
    a batch stops the import (`summary.stopped`); the batches before it stay saved."""
    csv_file = read_csv(path, importer.required_columns, importer.optional_columns)
    summary = ImportSummary(csv_file.name, dry_run=dry_run)
    if csv_file.ignored_columns:
        summary.note(
            _("Columns not used: %(columns)s.", columns=", ".join(csv_file.ignored_columns))
        )
    first_line: dict[Hashable, int] = {}
    size = batch_size()
    several = len(csv_file.rows) > size
    for rows in _batches(csv_file.rows, size):
        try:
            _import_batch(importer, rows, summary, first_line)
        except ImportStopped as error:
            summary.stopped = error
            break
        summary.saved_through = rows[-1].line
        if progress is not None and several:
            progress(summary)
    return summary


def _batches(rows: list[Row], size: int) -> Iterator[list[Row]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _import_batch(
    importer: RowImporter, rows: list[Row], summary: ImportSummary, first_line: dict
) -> None:
    """One transaction: every row of the batch, then commit (a dry run: roll back)."""
    mark, keys = summary._mark(), []
    try:
        begin_batch()
        for row in rows:
            key = _import_row(importer, row, summary, first_line)
            if key is not None:
                keys.append(key)
        if summary.dry_run:
            db.session.rollback()
        else:
            db.session.commit()
    except OperationalError as error:
        db.session.rollback()
        summary._undo_to(mark)
        for key in keys:
            del first_line[key]
        raise stopped(rows[0].line, error) from error


def _import_row(importer: RowImporter, row: Row, summary: ImportSummary, first_line: dict):
    """Parse, check and save one row, counting it; the key it saved, or None if refused."""
    try:
        item = importer.parse(row)
        _check_first(importer, item, first_line)
        outcome = _save_alone(importer, item, summary)
    except RowError as error:
        summary.rejected.append((row.line, str(error)))
        return None
    key = importer.key(item)
    first_line[key] = row.line
    setattr(summary, outcome, getattr(summary, outcome) + 1)
    return key


def _check_first(importer: RowImporter, item, first_line: dict[Hashable, int]) -> None:
    line = first_line.get(importer.key(item))
    if line is not None:
        raise RowError(
            _("%(what)s is already on line %(line)s.", what=importer.describe(item), line=line)
        )


def _save_alone(importer: RowImporter, item, summary: ImportSummary) -> Outcome:
    """Save one row inside its own SAVEPOINT: all of it, or (on error) none of it. A failed
    row's notes go too: they would speak of things that were not saved. A database that fails
    (locked, gone) is not the row's fault: OperationalError stops the whole batch."""
    savepoint = db.session.begin_nested()
    notes_before = len(summary.notes)
    try:
        outcome = importer.save(item, summary)
        db.session.flush()
    except OperationalError:
        raise
    except (RowError, SQLAlchemyError) as error:
        savepoint.rollback()
        del summary.notes[notes_before:]
        if isinstance(error, RowError):
            raise
        reason = getattr(error, "orig", error)
        raise RowError(_("The database refused this row: %(reason)s", reason=reason)) from error
    savepoint.commit()
    return outcome


def run_import_command(path: str, importer: RowImporter, *, dry_run: bool) -> None:
    """The body of a `flask ... import` command: import a batch at a time, saying after each
    how far it got, then print the report.

    Exits non-zero when the file cannot be read, when the database stopped the import, and
    when every row was refused (nothing saved)."""
    try:
        summary = import_csv(path, importer, dry_run=dry_run, progress=_echo_progress)
    except FileError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    for line in summary.report():
        click.echo(line)
    if summary.failed():
        raise SystemExit(1)


def _echo_progress(summary: ImportSummary) -> None:
    """One line per batch: what a killed or stopped import had saved for sure."""
    facts = {"line": summary.saved_through, "counts": summary.counts()}
    if summary.dry_run:
        click.echo(_("Checked up to line %(line)s: %(counts)s", **facts))
    else:
        click.echo(_("Saved up to line %(line)s: %(counts)s", **facts))
