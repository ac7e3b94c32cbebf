"""A photo of a paper CV (JPEG or PNG), made fit to send: checked by its content (Pillow must
open and verify it as a JPEG or PNG, whatever its name says), turned upright as the camera
recorded, shrunk to 1600 px on its longest side and saved again as a JPEG that carries none of
the original's metadata (EXIF, GPS position, camera, comments, colour profile)."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTO_BYTES = 5 * 1024 * 1024
LONGEST_SIDE = 1600
MAX_PIXELS = 60_000_000  # a 60-megapixel camera; past that it is refused, not decoded
JPEG_QUALITY = 85
PHOTO_FORMATS = frozenset({"JPEG", "PNG"})
PHOTO_CONTENT_TYPE = "image/jpeg"
_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


class PhotoRefused(Exception):
    """Why a file is not a usable photo: NOT_AN_IMAGE or TOO_LARGE."""

    NOT_AN_IMAGE = "not_an_image"
    TOO_LARGE = "too_large"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def looks_like_photo(data: bytes) -> bool:
    """The file starts as a JPEG or a PNG does (the rest is checked by `clean_photo`)."""
    return data.startswith(_SIGNATURES)


def clean_photo(data: bytes) -> bytes:
    """The photo as a small upright JPEG without metadata; PhotoRefused when it is not one."""
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoRefused(PhotoRefused.TOO_LARGE)
    _verify(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                upright = ImageOps.exif_transpose(image)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning) as error:
            raise PhotoRefused(PhotoRefused.NOT_AN_IMAGE) from error
    upright.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    return _jpeg_without_metadata(upright)


def _verify(data: bytes) -> None:
    """Pillow reads the header and checks the file's structure, without decoding it all."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in PHOTO_FORMATS:
                raise PhotoRefused(PhotoRefused.NOT_AN_IMAGE)
            if image.width * image.height > MAX_PIXELS:
                raise PhotoRefused(PhotoRefused.TOO_LARGE)
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise PhotoRefused(PhotoRefused.NOT_AN_IMAGE) from error
    except Image.DecompressionBombError as error:
        raise PhotoRefused(PhotoRefused.TOO_LARGE) from error


def _jpeg_without_metadata(image: Image.Image) -> bytes:
    """A new RGB image from the pixels alone (transparent parts on white), saved as JPEG: no
    EXIF, XMP, ICC profile or comment of the original comes along."""
    rgba = image.convert("RGBA")
    pixels = Image.new("RGB", rgba.size, "white")
    pixels.paste(rgba, mask=rgba.getchannel("A"))
    out = io.BytesIO()
    pixels.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()
