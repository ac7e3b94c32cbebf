"""What comes in from outside is made safe once, at the door, for every route.

- Numbers: every `<int:...>` in a route and every `request.args.get(..., type=int)` takes only
  values the database can hold (an id past 2^31 - 1 is a 404 or "not given", never a 500 from the
  database driver).
- Text: NUL, other control characters and the invisible characters that reorder text on screen
  (bidirectional overrides and isolates, such as U+202E) are removed from every query argument,
  form field, JSON body and CSV cell. Zero-width space and joiners stay: Khmer text uses them.
"""

from __future__ import annotations

import re

from flask import Flask, Request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.routing import IntegerConverter

DATABASE_INT_MAX = 2**31 - 1  # PostgreSQL's INTEGER; SQLite's and BIGINT's range is wider

# C0 controls but tab, line feed and carriage return; DEL; Arabic letter mark; LRM/RLM;
# embeddings and overrides U+202A-E; isolates U+2066-9. Not U+200B-D (Khmer word breaks).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def clean_text(text: str) -> str:
    """`text` without NUL, control characters and bidirectional controls."""
    return _INVISIBLE.sub("", text)


def clean_json(value):
    """A decoded JSON value with every string in it (keys too) cleaned."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_json(item) for item in value]
    if isinstance(value, dict):
        return {clean_json(key): clean_json(item) for key, item in value.items()}
    return value


def database_int(value) -> int:
    """`value` as a whole number from 0 to DATABASE_INT_MAX; ValueError otherwise."""
    number = int(value)
    if not 0 <= number <= DATABASE_INT_MAX:
        raise ValueError(f"{number} is outside the database's range")
    return number


def optional_id(text: str | None) -> int | None:
    """An id typed or chosen in a form ("12"), None when empty, not a number or out of range."""
    try:
        return database_int(text) if text else None
    except ValueError:
        return None


class DatabaseIntConverter(IntegerConverter):
    """`<int:...>` with an upper bound the database can hold: a larger id matches no route."""

    def __init__(self, map, fixed_digits=0, min=None, max=DATABASE_INT_MAX, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


class CleanArgs(ImmutableMultiDict):
    """Query and form arguments as Werkzeug builds them for every request, text cleaned
    (clean_text), and `.get(name, type=int)` meaning a number the database can hold (the
    default otherwise)."""

    def __init__(self, mapping=None):
        pairs = MultiDict(mapping).items(multi=True)
        super().__init__([(key, _clean_value(value)) for key, value in pairs])

    def get(self, key, default=None, type=None):
        return super().get(key, default, database_int if type is int else type)


def _clean_value(value):
    return clean_text(value) if isinstance(value, str) else value  # uploaded files stay as sent


class CleanRequest(Request):
    """Query arguments and form fields (CleanArgs) and JSON bodies (clean_json) arrive clean."""

    parameter_storage_class = CleanArgs

    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True):
        return clean_json(super().get_json(force=force, silent=silent, cache=cache))


def init_app(app: Flask) -> None:
    """Before any blueprint is registered: its routes are built with this `int` converter."""
    app.url_map.converters["int"] = DatabaseIntConverter
    app.request_class = CleanRequest
