"""A cell as the reader sees it: "<5" when hidden, a share as a percentage, days rounded, in the
reader's digits; "*" when hidden with a small one; "–" when there is nothing to compute."""

from __future__ import annotations

from portal.i18n import local_digits
from portal.indicators.suppression import Cell
from portal.indicators.types import Unit

NOTHING = "–"


def cell_text(cell: Cell | None) -> str:
    """What a table or chart prints for a cell."""
    if cell is None:
        return NOTHING
    if cell.hidden:
        return str(cell.value)
    value = cell.figure.value
    if value is None:
        return NOTHING
    if cell.figure.unit == Unit.RATE:
        return local_digits(round(value * 100)) + "%"
    if cell.figure.unit == Unit.DAYS:
        return local_digits(round(value))
    return local_digits(int(value))
