"""Importing counselors' spreadsheets saved as CSV: reading the file the way Excel writes it,
checking each row fully before it is saved, saving each row alone (a SAVEPOINT per row, so one
bad row never leaves half a row saved), and a summary a counselor can act on.

An importer (see portal/jobs/importer.py) says which columns it needs, how to `parse` a row
(raising RowError, writing nothing), the `key` that identifies a record, and how to `save` it."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal, Protocol, TypeVar

import click
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from portal.extensions import db
from portal.places import UnknownPlace, province_name, resolve_district, resolve_province

T = TypeVar("T")
Outcome = Literal["created", "updated"]


class FileError(Exception):
    """The file cannot be imported at all (missing, not text, no header, missing columns)."""


class RowError(ValueError):
    """One row cannot be imported; each reason is a sentence a counselor can act on."""

    def __init__(self, *reasons: str):
        self.reasons = list(reasons)
        super().__init__(" ".join(reasons))


@dataclass
class Row:
    """One data row; `line` is the row number a spreadsheet shows (the header is line 1)."""

    line: int
    cells: dict[str, str]
    errors: list[str] = field(default_factory=list)

    def value(
        self,
        column: str,
        parse: Callable[[str], T] | None = None,
        *,
        required: bool = False,
        default: T | None = None,
    ) -> T | str | None:
        """The cell parsed by `parse`; a problem is noted (see `check`) and `default` returned."""
        text = unicodedata.normalize("NFC", self.cells.get(column) or "").strip()
        if not text:
            if required:
                self.errors.append(_("The %(column)s is missing.", column=column))
            return default
        if parse is None:
            return text
        try:
            return parse(text)
        except RowError as error:
            self.errors.extend(error.reasons)
            return default

    def check(self) -> None:
        """Raise RowError with every problem noted in this row, if any."""
        if self.errors:
            raise RowError(*self.errors)


@dataclass
class CsvFile:
    name: str
    rows: list[Row]
    ignored_columns: list[str]


def header_name(text: str) -> str:
    """'Salary Min ', 'salary-min' and '\ufeffSALARY_MIN' are all the column 'salary_min'."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "").replace("\u200b", "")
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


def _decode(path: Path) -> str:
    """The file's text; Excel's "CSV UTF-8" starts with a byte-order mark, which is dropped."""
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror
        raise FileError(_("Cannot open %(file)s: %(reason)s", file=path, reason=reason)) from error
    save_as = _("In Excel, use Save As and choose 'CSV UTF-8 (Comma delimited)'.")
    if data.startswith(b"PK\x03\x04"):  # .xlsx and .ods are zip archives
        raise FileError(
            _("%(file)s is a spreadsheet workbook, not a CSV file.", file=path.name) + " " + save_as
        )
    try:
        if b"\x00" in data:
            raise UnicodeError  # UTF-16 ("Unicode text") or another binary file
        return data.decode("utf-8-sig")
    except UnicodeError:
        raise FileError(_("%(file)s is not UTF-8 text.", file=path.name) + " " + save_as) from None


def _delimiter(header_line: str) -> str:
    """Excel writes ';' or tabs in some regional settings; the header shows which."""
    return max((",", ";", "\t"), key=header_line.count) if header_line else ","


def _records(path: Path) -> tuple[list[str], list[list[str]]]:
    """The normalized header and the raw records of the file."""
    text = _decode(path)
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text.split("\n", 1)[0]))
    try:
        records = list(reader)
    except csv.Error as error:  # NUL bytes: a spreadsheet's own format, not CSV
        raise FileError(
            _("%(file)s is not a CSV file (%(reason)s).", file=path.name, reason=error)
        ) from error
    header = [header_name(cell) for cell in records[0]] if records else []
    if not any(header):
        raise FileError(
            _("%(file)s is empty: the first line must name the columns.", file=path.name)
        )
    return header, records[1:]


def read_csv(path: str | Path, required: Iterable[str], optional: Iterable[str] = ()) -> CsvFile:
    """The data rows of a CSV file, keyed by normalized column names.

    Raises FileError when the file cannot be read or lacks some `required` columns."""
    path = Path(path)
    header, records = _records(path)
    missing = [column for column in required if column not in header]
    if missing:
        raise FileError(
            _("%(file)s has no column %(columns)s.", file=path.name, columns=", ".join(missing))
        )
    known = set(required) | set(optional)
    ignored = [column for column in header if column and column not in known]
    return CsvFile(path.name, list(_rows(records, header)), ignored)


def _rows(records: list[list[str]], header: list[str]) -> Iterable[Row]:
    for line, cells in enumerate(records, start=2):
        if not any(cell.strip() for cell in cells):
            continue  # Excel leaves empty rows at the end
        row = Row(line, dict(zip(header, cells, strict=False)))
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            row.errors.append(
                _("This row has more cells than there are columns. Put text with commas in quotes.")
            )
        yield row


# Cell parsers shared by the importers; each raises RowError with the reason.

KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(text: str) -> date:
    """'2025-03-31', '31/03/2025' or '31/3/2025' (what Excel writes in Cambodia)."""
    text = re.sub(r"\s+0{1,2}:00(:00)?$", "", text.translate(KHMER_DIGITS).strip())
    for date_format in _DATE_FORMATS:
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    raise RowError(
        _(
            "'%(text)s' is not a date. Write it as YYYY-MM-DD or DD/MM/YYYY, "
            "for example 2025-03-31 or 31/03/2025.",
            text=text,
        )
    )


def parse_whole_number(text: str) -> int:
    """'1,200,000', '1 200 000', '250.00' and '២៥០' are whole numbers; '12.5' and 'ten' are not."""
    cleaned = re.sub(r"[,\s\u00a0\u202f_']", "", text.translate(KHMER_DIGITS))
    cleaned = re.sub(r"\.0+$", "", cleaned)
    if not cleaned.isdigit():
        raise RowError(_("'%(text)s' is not a whole number.", text=text))
    return int(cleaned)


def parse_list(text: str) -> list[str]:
    """'sewing; cooking ;; Sewing' -> ['sewing', 'cooking']: trimmed, no repeats."""
    items: dict[str, str] = {}
    for part in text.split(";"):
        item = " ".join(part.split())
        if item:
            items.setdefault(item.casefold(), item)
    return list(items.values())


def parse_choice(text: str, words: dict[str, str], what: str, expected: str) -> str:
    """The value `words` gives for `text` (case, spaces and dots ignored), else RowError."""
    key = re.sub(r"[\s.\-_]+", " ", text.casefold()).strip()
    if key in words:
        return words[key]
    raise RowError(
        _(
            "'%(text)s' is not a %(what)s. Use %(expected)s.",
            text=text,
            what=what,
            expected=expected,
        )
    )


def parse_each(parse: Callable[[str], T]) -> Callable[[str], list[T]]:
    """A parser of a ';'-separated list whose items `parse` reads, naming every bad item."""

    def parse_items(text: str) -> list[T]:
        values, reasons = [], []
        for item in parse_list(text):
            try:
                values.append(parse(item))
            except RowError as error:
                reasons.extend(error.reasons)
        if reasons:
            raise RowError(*reasons)
        return list(dict.fromkeys(values))

    return parse_items


def check_length(text: str, limit: int, column: str) -> str:
    if len(text) > limit:
        raise RowError(
            _(
                "The %(column)s is too long (at most %(limit)s characters).",
                column=column,
                limit=limit,
            )
        )
    return text


def parse_province(text: str) -> str:
    """The code of the province `text` names; the reason lists the closest provinces."""
    try:
        return resolve_province(text).code
    except UnknownPlace as unknown:
        raise RowError(
            _(
                "There is no province '%(text)s'. The closest are: %(names)s.",
                text=text,
                names=", ".join(unknown.suggestions),
            )
        ) from unknown


def parse_district(text: str, province_code: str) -> str:
    """The code of the district `text` names, which must lie in the province."""
    try:
        return resolve_district(text, province_code).code
    except UnknownPlace as unknown:
        province = province_name(province_code)
        if unknown.elsewhere:
            reason = _(
                "'%(text)s' is a district of %(other)s, not of %(province)s.",
                text=text,
                other=", ".join(unknown.elsewhere),
                province=province,
            )
        else:
            reason = _(
                "%(province)s has no district '%(text)s'. The closest are: %(names)s.",
                province=province,
                text=text,
                names=", ".join(unknown.suggestions),
            )
        raise RowError(reason) from unknown


# Importing a file row by row.


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
    """Save one row inside its own SAVEPOINT: all of it, or (on error or dry run) none of it."""
    savepoint = db.session.begin_nested()
    try:
        outcome = importer.save(item, summary)
        db.session.flush()
    except RowError:
        savepoint.rollback()
        raise
    except SQLAlchemyError as error:
        savepoint.rollback()
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
