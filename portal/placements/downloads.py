"""A file made for one person, sent as a download that no browser, proxy or cache keeps."""

from __future__ import annotations

from io import BytesIO

from flask import Response, send_file


def private_download(data: bytes, mimetype: str, filename: str) -> Response:
    """`data` as an attachment named `filename`: never sniffed as another type, never stored."""
    response = send_file(
        BytesIO(data),
        mimetype=mimetype,
        as_attachment=True,
        download_name=filename,
        etag=False,
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
