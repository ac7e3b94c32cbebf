"""What a CV's PDF may not hold: scripts, actions run on opening, attached files, rich media,
forms that run code, or web page markup (a PDF/HTML polyglot that a browser would run as a page).

Checked twice: the document is parsed with pypdf and every object reachable from its trailer
(catalog, names tree, pages and their /AA, annotations, forms) is walked; and the raw bytes are
searched too, with `#xx` escapes in names decoded (`/J#61vaScript` is `/JavaScript`), so that
objects pypdf does not reach (unreferenced, or in a broken cross-reference table) count as well."""

from __future__ import annotations

import io
import logging
import re
from enum import Enum

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# Keys that make a PDF do something by itself, and the action types that do.
ACTIVE_KEYS = frozenset(
    {"/JS", "/JavaScript", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles"}
    | {"/RichMedia", "/XFA"}
)
ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/RichMedia", "/ImportData", "/SubmitForm"})
MAX_OBJECTS = 50_000  # a CV has a few hundred; past this the file is refused, not walked on
_NAME = re.compile(rb"/[^\s/<>\[\]()%{}]+")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_HTML = re.compile(rb"<\s*(?:html|script|body|svg|iframe)\b", re.IGNORECASE)


class PdfVerdict(Enum):
    """Why a PDF is refused (FINE when it is not)."""

    FINE = "fine"
    UNREADABLE = "unreadable"
    ENCRYPTED = "encrypted"
    ACTIVE = "active"
    HTML = "html"


def check_pdf(data: bytes) -> PdfVerdict:
    """Whether `data` (a file starting with %PDF-) is a plain document a browser cannot run."""
    if _HTML.search(data):
        return PdfVerdict.HTML
    if any(name in ACTIVE_KEYS for name in _raw_names(data)):
        return PdfVerdict.ACTIVE
    return _parsed_verdict(data)


def _raw_names(data: bytes) -> set[str]:
    """Every /Name written in the file, escapes decoded."""
    decode = lambda raw: _ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), raw)  # noqa: E731
    return {decode(raw).decode("latin-1") for raw in _NAME.findall(data)}


def _parsed_verdict(data: bytes) -> PdfVerdict:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a sloppy PDF is not news for the log
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return PdfVerdict.ENCRYPTED
        reader.trailer["/Root"].get_object()
        return PdfVerdict.ACTIVE if _has_active_content(reader) else PdfVerdict.FINE
    except (PdfReadError, KeyError, ValueError, TypeError, AttributeError, RecursionError):
        return PdfVerdict.UNREADABLE
    except Exception:  # noqa: BLE001  (pypdf raises many kinds on a hostile file)
        return PdfVerdict.UNREADABLE


def _has_active_content(reader: PdfReader) -> bool:
    """Walk every object reachable from the trailer, each once, for an active key or action."""
    stack: list = [reader.trailer]
    seen: set[tuple[int, int]] = set()
    for _count in range(MAX_OBJECTS):
        if not stack:
            return False
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):  # streams too
            if ACTIVE_KEYS.intersection(item.keys()) or item.get("/S") in ACTIVE_ACTIONS:
                return True
            stack.extend(value for key, value in item.items() if key != "/Parent")
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return True  # too many objects to be a CV: refused rather than half checked
