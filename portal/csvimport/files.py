"""Reading a CSV file the way Excel writes it: UTF-8 with or without a byte-order mark, any
header case and spacing, ',' ';' or tab separated, rows numbered as a spreadsheet shows them."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from flask_babel import gettext as _

from portal.clean_input import clean_text

T = TypeVar("T")


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
    for line, raw_cells in enumerate(records, start=2):
        cells = [clean_text(cell) for cell in raw_cells]
        if not any(cell.strip() for cell in cells):
            continue  # Excel leaves empty rows at the end
        row = Row(line, dict(zip(header, cells, strict=False)))
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            row.errors.append(
                _("This row has more cells than there are columns. Put text with commas in quotes.")
            )
        yield row
