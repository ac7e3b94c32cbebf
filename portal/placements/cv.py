"""The CV a youth may send with an application: a real PDF of at most 2 MB, a photo of a paper
CV (JPEG or PNG, 5 MB at most, cleaned by portal/cv/photos.py), or the CV Phlov makes from her
profile (portal/cv, a PDF checked here like any other).

Checked by its bytes, never by its name or the type the browser claims: a PDF starts with
`%PDF-` and ends with `%%EOF` (a few bytes of whitespace or junk may follow), and pypdf must
read it without finding scripts, actions, attachments or web page code (pdf_check.py); a photo
must open and verify in Pillow as a JPEG or PNG."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage

from portal.cv.photos import (
    MAX_PHOTO_BYTES,
    PHOTO_CONTENT_TYPE,
    PhotoRefused,
    clean_photo,
    looks_like_photo,
)
from portal.placements.models import ApplicationDocument, CvOrigin
from portal.placements.pdf_check import PdfVerdict, check_pdf

MAX_CV_BYTES = 2 * 1024 * 1024
PDF_START = b"%PDF-"
PDF_END = b"%%EOF"
END_WINDOW = 1024  # where %%EOF may sit from the end (trailing newlines, some tools add more)
CV_CONTENT_TYPE = "application/pdf"
PHOTO_NAMES = (".jpg", ".jpeg", ".png")


@dataclass(frozen=True)
class CvFile:
    """An uploaded file, read into memory (at most a little more than the limit)."""

    filename: str
    data: bytes
    origin: CvOrigin = CvOrigin.UPLOADED


def read_upload(storage: FileStorage | None) -> CvFile | None:
    """The uploaded file as a CvFile, None when no file was chosen. Reads one byte past the
    limit, so that a big file is known to be too big without keeping all of it."""
    if storage is None or not storage.filename:
        return None
    data = storage.stream.read(max(MAX_CV_BYTES, MAX_PHOTO_BYTES) + 1)
    return CvFile(filename=storage.filename, data=data)


class CvRefused(ValueError):
    """A CV that may not be sent; the message is for the youth."""


def checked_cv(cv: CvFile) -> CvFile:
    """The CV as it will be kept: a photo cleaned, a PDF checked (CvRefused when it may not be
    sent, saying why)."""
    if cv.origin == CvOrigin.UPLOADED and cv.data:
        if looks_like_photo(cv.data):
            return _cleaned_photo(cv)
        if _named_like_photo(cv.filename):
            raise CvRefused(
                _(
                    "This file is named like a photo (JPEG or PNG) but is not one. "
                    "Take the photo again, or send your CV as a PDF."
                )
            )
    if problem := cv_problem(cv):
        raise CvRefused(problem)
    return cv


def _cleaned_photo(cv: CvFile) -> CvFile:
    try:
        cleaned = clean_photo(cv.data)
    except PhotoRefused as refused:
        raise CvRefused(_photo_problem(refused)) from refused
    stem = safe_filename(cv.filename).removesuffix(".pdf")
    if _named_like_photo(stem):
        stem = stem.rsplit(".", 1)[0]
    return CvFile(filename=f"{stem or 'cv'}.jpg", data=cleaned, origin=CvOrigin.PHOTO)


def _named_like_photo(filename: str) -> bool:
    return filename.lower().rstrip(" .").endswith(PHOTO_NAMES)


def cv_problem(cv: CvFile) -> str | None:
    """What is wrong with the file as a PDF, in words for the youth; None when it is fine."""
    if not cv.data:
        return _("The file is empty. Choose your CV again.")
    if len(cv.data) > MAX_CV_BYTES:
        return _("The file is too big. A CV can be 2 MB at most.")
    if not cv.data.startswith(PDF_START) or PDF_END not in cv.data[-END_WINDOW:]:
        return _NOT_PDF_OR_PHOTO()
    return _CONTENT_PROBLEMS[check_pdf(cv.data)]()


def _photo_problem(error: PhotoRefused) -> str:
    if error.reason == PhotoRefused.TOO_LARGE:
        return _("The photo is too big: 5 MB and 60 megapixels at most. Take it again smaller.")
    return _NOT_PDF_OR_PHOTO()


def _NOT_PDF_OR_PHOTO() -> str:  # noqa: N802  (a message, made when asked)
    return _(
        "This file is not a PDF or a photo (JPEG or PNG). Save your CV as PDF, "
        "or take a photo of your paper CV, and try again."
    )


# What the youth reads for each verdict of pdf_check (made when asked: in her language).
_CONTENT_PROBLEMS = {
    PdfVerdict.FINE: lambda: None,
    PdfVerdict.UNREADABLE: lambda: _NOT_PDF_OR_PHOTO(),
    PdfVerdict.ENCRYPTED: lambda: _(
        "This PDF is locked with a password. Save your CV as PDF without a password and try again."
    ),
    PdfVerdict.ACTIVE: lambda: _(
        "This PDF contains scripts, actions or attached files, which a CV may not have. "
        "Save your CV as PDF again (Print, then Save as PDF) and send that file."
    ),
    PdfVerdict.HTML: lambda: _(
        "This PDF also contains web page code, which a CV may not have. "
        "Save your CV as PDF again (Print, then Save as PDF) and send that file."
    ),
}


def safe_filename(filename: str) -> str:
    """A name to store and offer for download: no folders, no quotes, ends with .pdf."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '";\r\n').strip(" .")
    if not name.lower().endswith(".pdf"):
        name = f"{name or 'cv'}.pdf"
    return name[-120:]


def document_for(cv: CvFile) -> ApplicationDocument:
    """The database row of a checked CV."""
    photo = cv.origin == CvOrigin.PHOTO
    return ApplicationDocument(
        filename=cv.filename if photo else safe_filename(cv.filename),
        content_type=PHOTO_CONTENT_TYPE if photo else CV_CONTENT_TYPE,
        size=len(cv.data),
        data=cv.data,
        origin=cv.origin,
    )
