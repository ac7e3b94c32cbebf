"""Static files and responses for slow, paid data plans.

- `asset_url("css/portal.css")` gives a URL carrying the file's content hash (`?v=…`); such
  URLs, and files whose name carries a hash (the fonts: `NotoSansKhmer-Regular.1a2b3c4d.woff2`),
  are cached by the browser for a year: a phone downloads the stylesheet and font once.
- Text responses (pages, CSS, JavaScript, JSON, CSV) are gzip-compressed when the browser accepts
  it; compressed static files are kept in memory, so each is compressed once per process.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from flask import Flask, Response, current_app, request, url_for

YEAR = 365 * 24 * 3600
HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.[a-z0-9]+$")
COMPRESSIBLE = frozenset(
    {
        "text/html",
        "text/css",
        "text/plain",
        "text/csv",
        "application/javascript",
        "text/javascript",
        "application/json",
        "image/svg+xml",
    }
)
MIN_SIZE = 500  # bytes: below this, gzip's own header costs more than it saves
LEVEL = 6


def init_app(app: Flask) -> None:
    app.jinja_env.globals["asset_url"] = asset_url
    app.after_request(_cache_and_compress)


def asset_url(filename: str) -> str:
    """The static file's URL, versioned by its content (a new deploy changes the URL)."""
    path = Path(current_app.static_folder or "") / filename
    return url_for("static", filename=filename, v=_digest(str(path), path.stat().st_mtime_ns))


@lru_cache(maxsize=256)
def _digest(path: str, _mtime: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


def _cache_and_compress(response: Response) -> Response:
    if request.endpoint == "static" and (request.args.get("v") or HASHED_NAME.search(request.path)):
        # Exactly this: Flask's own `no-cache` would make every page re-validate each file.
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    if _compressible(response):
        _compress(response)
    return response


def _compressible(response: Response) -> bool:
    if response.status_code != 200 or "Content-Encoding" in response.headers:
        return False
    if response.mimetype not in COMPRESSIBLE:
        return False
    response.vary.add("Accept-Encoding")
    if "gzip" not in request.accept_encodings:
        return False
    return response.direct_passthrough or not response.is_streamed


def _compress(response: Response) -> None:
    static = response.direct_passthrough
    response.direct_passthrough = False
    data = response.get_data()
    if len(data) < MIN_SIZE:
        return
    if static:
        body = _gzip_static(request.path, response.get_etag()[0] or "", data)
    else:
        body = gzip.compress(data, compresslevel=LEVEL, mtime=0)
    response.set_data(body)
    response.headers["Content-Encoding"] = "gzip"
    etag, weak = response.get_etag()
    if etag and not weak:
        response.set_etag(etag, weak=True)  # the same file, in another encoding


_STATIC_GZIPPED: dict[tuple[str, str], bytes] = {}  # (path, etag) -> compressed body


def _gzip_static(path: str, etag: str, data: bytes) -> bytes:
    key = (path, etag)
    if key not in _STATIC_GZIPPED:
        if len(_STATIC_GZIPPED) >= 64:
            _STATIC_GZIPPED.clear()
        _STATIC_GZIPPED[key] = gzip.compress(data, compresslevel=9, mtime=0)
    return _STATIC_GZIPPED[key]
